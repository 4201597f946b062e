// GET /containers/json filters beyond the common ones, checked and matched as moby's
// daemon/list.go does (foldFilter, filterByNameIDMatches, includeContainerInList).
import { describe, expect, it } from "vitest";
import { Engine, ManualClock, SeededIdSource } from "../index.js";

async function fleet() {
  const clock = new ManualClock();
  const engine = new Engine({ clock, ids: new SeededIdSource(21) });
  const call = (method: string, path: string, query: Record<string, string> = {}, body?: unknown) =>
    engine.handle(body === undefined ? { method, path, query } : { method, path, query, body });
  for (const image of ["alpine", "nginx"]) {
    const pulled = await call("POST", "/images/create", { fromImage: image, tag: "latest" });
    if (pulled.stream?.kind === "json-lines") for await (const _ of pulled.stream.messages);
  }
  await call("POST", "/networks/create", {}, { Name: "backend" });
  const ids: Record<string, string> = {};
  const run = async (name: string, body: object, start = true) => {
    const created = await call("POST", "/containers/create", { name }, body);
    ids[name] = (created.body as { Id: string }).Id;
    if (start) await call("POST", `/containers/${name}/start`);
    clock.advance(1000);
  };
  await run("web", { Image: "nginx", ExposedPorts: { "80/tcp": {} }, HostConfig: { PortBindings: { "80/tcp": [{ HostPort: "8080" }] } } });
  await run("db", { Image: "alpine", Cmd: ["sleep", "60"], HostConfig: { Binds: ["data:/var/lib/data"], NetworkMode: "backend" } });
  await run("job", { Image: "alpine", Cmd: ["true"] });
  await run("idle", { Image: "alpine", Cmd: ["sleep", "60"] }, false);
  const names = async (filters: Record<string, string[]>, query: Record<string, string> = {}) => {
    const response = await call("GET", "/containers/json", { ...query, filters: JSON.stringify(filters) });
    if (response.status !== 200) return response.body;
    return (response.body as { Names: string[] }[]).map((r) => r.Names[0]);
  };
  return { call, names, ids };
}

describe("ps filters", () => {
  it("before and since take a full id or a name, and walk the newest-first list", async () => {
    const { names, ids } = await fleet();
    expect(await names({ before: ["job"] }, { all: "1" })).toEqual(["/db", "/web"]);
    expect(await names({ since: ["db"] }, { all: "1" })).toEqual(["/idle", "/job"]);
    expect(await names({ since: [ids["web"] ?? ""] })).toEqual(["/db"]);
    // Without all=1 they list running containers only.
    expect(await names({ before: ["idle"] })).toEqual(["/db", "/web"]);
    expect(await names({ before: [(ids["web"] ?? "").slice(0, 12)] })).toEqual({ message: `No such container: ${(ids["web"] ?? "").slice(0, 12)}` });
  });

  it("id matches a unique prefix, name an unanchored pattern, and a bad pattern matches nothing", async () => {
    const { names, ids } = await fleet();
    expect(await names({ id: [(ids["db"] ?? "").slice(0, 8)] })).toEqual(["/db"]);
    expect(await names({ name: ["[bad"] })).toEqual([]);
    expect(await names({ name: ["b$"] }, { all: "1" })).toEqual(["/job", "/db", "/web"]);
  });

  it("volume by name or destination, network by name or id prefix", async () => {
    const { names } = await fleet();
    expect(await names({ volume: ["data"] })).toEqual(["/db"]);
    expect(await names({ volume: ["/var/lib/data"] })).toEqual(["/db"]);
    expect(await names({ network: ["backend"] })).toEqual(["/db"]);
    expect(await names({ network: ["bridge"] })).toEqual(["/web"]);
  });

  it("publish and expose match ports and ranges; a colon or a bad number is an error", async () => {
    const { names, call } = await fleet();
    expect(await names({ publish: ["8080"] })).toEqual(["/web"]);
    expect(await names({ publish: ["8000-8100/tcp"] })).toEqual(["/web"]);
    expect(await names({ publish: ["8080/udp"] })).toEqual([]);
    expect(await names({ expose: ["80"] })).toEqual(["/web"]);
    expect(await call("GET", "/containers/json", { filters: JSON.stringify({ publish: ["80:80"] }) })).toMatchObject({ status: 500, body: { message: "filter for 'publish' should not contain ':': 80:80" } });
    expect(await call("GET", "/containers/json", { filters: JSON.stringify({ expose: ["http"] }) })).toMatchObject({
      status: 500,
      body: { message: 'error while looking up for expose http: strconv.ParseUint: parsing "http": invalid syntax' },
    });
  });

  it("health, is-task and exited check their values as the daemon does", async () => {
    const { names, call } = await fleet();
    expect(await names({ health: ["none"] })).toEqual(["/db", "/web"]);
    expect(await names({ health: ["healthy"] })).toEqual([]);
    expect(await names({ "is-task": ["false"] })).toEqual(["/db", "/web"]);
    expect(await names({ "is-task": ["true"] })).toEqual([]);
    expect(await call("GET", "/containers/json", { filters: JSON.stringify({ health: ["sick"] }) })).toMatchObject({
      status: 400,
      body: { message: "invalid filter 'health=sick': invalid value for health (sick): must be one of none, starting, healthy, unhealthy" },
    });
    expect(await call("GET", "/containers/json", { filters: JSON.stringify({ "is-task": ["maybe"] }) })).toMatchObject({ status: 400, body: { message: "invalid filter 'is-task=[maybe]'" } });
    expect(await call("GET", "/containers/json", { filters: JSON.stringify({ exited: ["zero"] }) })).toMatchObject({
      status: 400,
      body: { message: `invalid filter 'exited=zero': strconv.Atoi: parsing "zero": invalid syntax` },
    });
  });

  it("a malformed filters argument is a bare invalid filter", async () => {
    const { call } = await fleet();
    expect(await call("GET", "/containers/json", { filters: "{bad" })).toMatchObject({ status: 400, body: { message: "invalid filter" } });
    expect(await call("GET", "/containers/json", { filters: '{"name":"web"}' })).toMatchObject({ status: 400, body: { message: "invalid filter" } });
  });
});
