import { describe, expect, it } from "vitest";
import { Engine, ManualClock, SeededIdSource } from "../index.js";

interface Row {
  Id: string;
  Names: string[];
  Image: string;
  State: string;
  Status: string;
  Created: number;
}

async function setup() {
  const clock = new ManualClock();
  const engine = new Engine({ clock, ids: new SeededIdSource(9) });
  const call = (method: string, path: string, query: Record<string, string> = {}, body?: unknown) =>
    engine.handle(body === undefined ? { method, path, query } : { method, path, query, body });
  for (const image of ["alpine", "nginx"]) {
    const pulled = await call("POST", "/images/create", { fromImage: image, tag: "latest" });
    if (pulled.stream?.kind === "json-lines") for await (const _ of pulled.stream.messages);
  }
  const run = async (name: string, body: object, start = true) => {
    const created = await call("POST", "/containers/create", { name }, body);
    if (start) await call("POST", `/containers/${name}/start`);
    return (created.body as { Id: string }).Id;
  };
  const list = async (query: Record<string, string> = {}) => (await call("GET", "/containers/json", query)).body as Row[];
  const names = async (query: Record<string, string> = {}) => (await list(query)).map((r) => r.Names[0]);
  return { clock, call, run, list, names };
}

describe("the Status column", () => {
  it("reads Created, then Up for as long as it runs", async () => {
    const { clock, call, run, list } = await setup();
    await run("web", { Image: "nginx" }, false);
    expect((await list({ all: "1" })).map((r) => [r.State, r.Status])).toEqual([["created", "Created"]]);
    await call("POST", "/containers/web/start");
    const status = async () => (await list())[0]?.Status;
    expect(await status()).toBe("Up Less than a second");
    clock.advance(1_000);
    expect(await status()).toBe("Up 1 second");
    clock.advance(58_000);
    expect(await status()).toBe("Up 59 seconds");
    clock.advance(61_000);
    expect(await status()).toBe("Up 2 minutes");
    clock.advance(58 * 60_000);
    expect(await status()).toBe("Up About an hour");
    clock.advance(2 * 24 * 3600_000);
    expect(await status()).toBe("Up 2 days");
  });

  it("reads Exited (code) … ago once it has stopped", async () => {
    const { clock, call, run, list } = await setup();
    await run("done", { Image: "alpine", Cmd: ["true"] });
    await run("failed", { Image: "alpine", Cmd: ["false"] });
    await run("killed", { Image: "alpine", Cmd: ["sleep", "100"] });
    await call("POST", "/containers/killed/kill");
    clock.advance(3_000);
    const rows = await list({ all: "1" });
    expect(Object.fromEntries(rows.map((r) => [r.Names[0], r.Status]))).toEqual({
      "/done": "Exited (0) 3 seconds ago",
      "/failed": "Exited (1) 3 seconds ago",
      "/killed": "Exited (137) 3 seconds ago",
    });
    clock.advance(90_000);
    expect(Object.fromEntries((await list({ all: "1" })).map((r) => [r.Names[0], r.Status]))).toEqual({
      "/done": "Exited (0) About a minute ago",
      "/failed": "Exited (1) About a minute ago",
      "/killed": "Exited (137) About a minute ago",
    });
  });

  it("shows Restarting while a restart policy waits to start it again", async () => {
    const { run, list } = await setup();
    await run("crash", { Image: "alpine", Cmd: ["false"], HostConfig: { RestartPolicy: { Name: "always" } } });
    expect((await list()).map((r) => [r.State, r.Status])).toEqual([["restarting", "Restarting (1) Less than a second ago"]]);
  });
});

describe("listing", () => {
  it("lists running containers only, newest first; all=1 adds the rest; limit takes the newest", async () => {
    const { clock, run, names } = await setup();
    for (const [name, cmd] of [["first", ["sleep", "1000"]], ["second", ["true"]], ["third", ["sleep", "1000"]], ["fourth", ["sleep", "1000"]]] as const) {
      await run(name, { Image: "alpine", Cmd: cmd }, name !== "fourth");
      clock.advance(1_000);
    }
    expect(await names()).toEqual(["/third", "/first"]);
    expect(await names({ all: "1" })).toEqual(["/fourth", "/third", "/second", "/first"]);
    expect(await names({ limit: "2" })).toEqual(["/fourth", "/third"]);
  });

  it("gives Image as the user wrote it, ImageID as the image's id, and Created in unix seconds", async () => {
    const { clock, run, list } = await setup();
    clock.advance(1_500);
    await run("web", { Image: "nginx:latest" }, false);
    const [row] = await list({ all: "1" });
    expect(row).toMatchObject({ Image: "nginx:latest", Created: Date.parse("2026-01-15T09:00:01Z") / 1000 });
    expect((row as unknown as { ImageID: string }).ImageID).toMatch(/^sha256:2a9a7ddbff6a[0-9a-f]{52}$/);
  });
});

describe("filters, in the CLI's map-of-sets and the SDKs' map-of-arrays encodings", () => {
  async function fleet() {
    const env = await setup();
    const { clock, run } = env;
    const ids: Record<string, string> = {};
    ids["web"] = await run("web", { Image: "nginx", Labels: { tier: "front", team: "a" } });
    clock.advance(1_000);
    ids["job"] = await run("job", { Image: "alpine", Cmd: ["true"], Labels: { tier: "batch" } });
    clock.advance(1_000);
    ids["crash"] = await run("crash", { Image: "alpine", Cmd: ["false"] });
    clock.advance(1_000);
    ids["fresh"] = await run("fresh", { Image: "alpine" }, false);
    return { ...env, ids };
  }
  const sets = (key: string, ...values: string[]) => JSON.stringify({ [key]: Object.fromEntries(values.map((v) => [v, true])) });
  const arrays = (key: string, ...values: string[]) => JSON.stringify({ [key]: values });

  it.each([sets, arrays])("status (%#)", async (encode) => {
    const { names } = await fleet();
    expect(await names({ filters: encode("status", "exited") })).toEqual(["/crash", "/job"]);
    expect(await names({ filters: encode("status", "created") })).toEqual(["/fresh"]);
    expect(await names({ filters: encode("status", "running") })).toEqual(["/web"]);
    expect(await names({ filters: encode("status", "running", "created") })).toEqual(["/fresh", "/web"]);
  });

  it.each([sets, arrays])("name, as an unanchored regular expression (%#)", async (encode) => {
    const { names } = await fleet();
    expect(await names({ all: "1", filters: encode("name", "web") })).toEqual(["/web"]);
    expect(await names({ all: "1", filters: encode("name", "r") })).toEqual(["/fresh", "/crash"]);
    expect(await names({ all: "1", filters: encode("name", "^/j") })).toEqual(["/job"]);
  });

  it("name=^web$ matches the container named web", async () => {
    const { names } = await fleet();
    expect(await names({ all: "1", filters: sets("name", "^web$") })).toEqual(["/web"]);
  });

  it.each([sets, arrays])("id prefix, label and ancestor (%#)", async (encode) => {
    const { names, ids } = await fleet();
    expect(await names({ all: "1", filters: encode("id", (ids["job"] ?? "").slice(0, 10)) })).toEqual(["/job"]);
    expect(await names({ all: "1", filters: encode("label", "tier") })).toEqual(["/job", "/web"]);
    expect(await names({ all: "1", filters: encode("label", "tier=front") })).toEqual(["/web"]);
    expect(await names({ all: "1", filters: encode("label", "tier=front", "team=b") })).toEqual([]);
    expect(await names({ all: "1", filters: encode("ancestor", "alpine") })).toEqual(["/fresh", "/crash", "/job"]);
    expect(await names({ all: "1", filters: encode("ancestor", "nginx:latest") })).toEqual(["/web"]);
  });

  it.each([sets, arrays])("exited, with all=1, matches containers that ran and exited with that code (%#)", async (encode) => {
    const { names } = await fleet();
    expect(await names({ all: "1", filters: encode("exited", "0") })).toEqual(["/job"]);
    expect(await names({ all: "1", filters: encode("exited", "1") })).toEqual(["/crash"]);
    expect(await names({ all: "1", filters: encode("exited", "0", "1") })).toEqual(["/crash", "/job"]);
  });

  it("exited without all=1 lists only running containers, hence none", async () => {
    const { names } = await fleet();
    expect(await names({ filters: sets("exited", "0") })).toEqual([]);
  });

  it("rejects unknown filter keys", async () => {
    const { call } = await fleet();
    expect(await call("GET", "/containers/json", { filters: sets("colour", "red") })).toMatchObject({ status: 400, body: { message: "invalid filter 'colour'" } });
  });

  it("rejects an unknown status with the daemon's full text", async () => {
    const { call } = await fleet();
    expect(await call("GET", "/containers/json", { filters: sets("status", "bogus") })).toMatchObject({
      status: 400,
      body: { message: "invalid filter 'status=bogus': invalid value for state (bogus): must be one of created, running, paused, restarting, removing, exited, dead" },
    });
  });
});
