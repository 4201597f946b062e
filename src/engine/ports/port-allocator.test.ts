import { describe, expect, it } from "vitest";
import { Engine, ManualClock, SeededIdSource } from "../index.js";

type Bindings = Record<string, { HostIp: string; HostPort: string }[]>;

async function setup(hostPortBusy?: (proto: string, ip: string, port: number) => boolean) {
  const clock = new ManualClock();
  const engine = new Engine({ clock, ids: new SeededIdSource(19), ...(hostPortBusy ? { hostPortBusy } : {}) });
  const call = (method: string, path: string, query: Record<string, string> = {}, body?: unknown) =>
    engine.handle(body === undefined ? { method, path, query } : { method, path, query, body });
  const pulled = await call("POST", "/images/create", { fromImage: "nginx", tag: "latest" });
  if (pulled.stream?.kind === "json-lines") for await (const _ of pulled.stream.messages);
  const create = async (name: string, bindings: Bindings) => {
    const response = await call("POST", "/containers/create", { name }, { Image: "nginx", HostConfig: { PortBindings: bindings } });
    return (response.body as { Id: string }).Id;
  };
  const inspect = async (name: string) =>
    (await call("GET", `/containers/${name}/json`)).body as {
      State: { Status: string; ExitCode: number; Error: string };
      HostConfig: { PortBindings: Bindings };
      NetworkSettings: { Ports: Record<string, unknown> };
    };
  const ports = async (name: string) => {
    const rows = (await call("GET", "/containers/json", { all: "1" })).body as { Names: string[]; Ports: unknown[] }[];
    return rows.find((r) => r.Names[0] === `/${name}`)?.Ports;
  };
  return { clock, engine, call, create, inspect, ports };
}

const publish = (hostPort: string, hostIp = "") => ({ "80/tcp": [{ HostIp: hostIp, HostPort: hostPort }] });

describe("publishing ports", () => {
  it("binds an unspecified host IP on both 0.0.0.0 and ::, in inspect and in the list", async () => {
    const { call, create, inspect, ports } = await setup();
    await create("web", publish("8080"));
    await call("POST", "/containers/web/start");
    const c = await inspect("web");
    expect(c.HostConfig.PortBindings).toEqual(publish("8080"));
    expect(c.NetworkSettings.Ports).toEqual({ "80/tcp": [{ HostIp: "0.0.0.0", HostPort: "8080" }, { HostIp: "::", HostPort: "8080" }] });
    expect(await ports("web")).toEqual([
      { IP: "0.0.0.0", PrivatePort: 80, PublicPort: 8080, Type: "tcp" },
      { IP: "::", PrivatePort: 80, PublicPort: 8080, Type: "tcp" },
    ]);
  });

  it("binds only the host IP that was asked for", async () => {
    const { call, create, ports } = await setup();
    await create("local", publish("8081", "127.0.0.1"));
    await call("POST", "/containers/local/start");
    expect(await ports("local")).toEqual([{ IP: "127.0.0.1", PrivatePort: 80, PublicPort: 8081, Type: "tcp" }]);
  });

  it("lists an exposed but unpublished port without host side, and nothing once stopped", async () => {
    const { call, create, inspect, ports } = await setup();
    await create("plain", {});
    expect(await ports("plain")).toEqual([]);
    await call("POST", "/containers/plain/start");
    expect(await ports("plain")).toEqual([{ PrivatePort: 80, Type: "tcp" }]);
    expect((await inspect("plain")).NetworkSettings.Ports).toEqual({ "80/tcp": null });
    await call("POST", "/containers/plain/stop");
    expect(await ports("plain")).toEqual([]);
    expect((await inspect("plain")).NetworkSettings.Ports).toEqual({});
  });

  it("refuses a second start on a host port in use, in the daemon's words", async () => {
    const { call, create, inspect } = await setup();
    await create("first", publish("8080"));
    await create("second", publish("8080"));
    await call("POST", "/containers/first/start");
    const response = await call("POST", "/containers/second/start");
    expect(response.status).toBe(500);
    expect((response.body as { message: string }).message).toMatch(
      /^failed to set up container networking: driver failed programming external connectivity on endpoint second \([0-9a-f]{64}\): Bind for 0\.0\.0\.0:8080 failed: port is already allocated$/,
    );
    expect((await inspect("second")).State.Status).toBe("created");
    expect((await inspect("second")).NetworkSettings.Ports).toEqual({});
  });

  it("records a failed start in the container's state, exit code 128", async () => {
    const { call, create, inspect } = await setup();
    await create("first", publish("8080"));
    await create("second", publish("8080"));
    await call("POST", "/containers/first/start");
    const response = await call("POST", "/containers/second/start");
    expect((await inspect("second")).State).toMatchObject({ Status: "created", ExitCode: 128, Error: (response.body as { message: string }).message });
  });

  it("releases the ports on stop, so another container can take them", async () => {
    const { call, create, inspect } = await setup();
    await create("first", publish("8080"));
    await create("second", publish("8080"));
    await call("POST", "/containers/first/start");
    await call("POST", "/containers/first/stop");
    expect(await call("POST", "/containers/second/start")).toMatchObject({ status: 204 });
    expect((await inspect("second")).NetworkSettings.Ports).toEqual({ "80/tcp": [{ HostIp: "0.0.0.0", HostPort: "8080" }, { HostIp: "::", HostPort: "8080" }] });
    expect((await call("POST", "/containers/first/start")).status).toBe(500);
  });

  it("releases the ports when a running container is force-removed", async () => {
    const { call, create } = await setup();
    await create("first", publish("8080"));
    await create("second", publish("8080"));
    await call("POST", "/containers/first/start");
    await call("DELETE", "/containers/first", { force: "1" });
    expect(await call("POST", "/containers/second/start")).toMatchObject({ status: 204 });
  });

  it("keeps different host IPs on the same port apart, and a wildcard against both", async () => {
    const { call, create } = await setup();
    await create("lo1", publish("9000", "127.0.0.1"));
    await create("lo2", publish("9000", "127.0.0.2"));
    await create("any", publish("9000"));
    expect((await call("POST", "/containers/lo1/start")).status).toBe(204);
    expect((await call("POST", "/containers/lo2/start")).status).toBe(204);
    expect((await call("POST", "/containers/any/start")).status).toBe(500);
  });
});

describe("ephemeral host ports", () => {
  it("hands out ports from 32768 upward for HostPort \"\" and \"0\", the same on both address families", async () => {
    const { call, create, inspect } = await setup();
    await create("e1", publish(""));
    await create("e2", publish("0"));
    await call("POST", "/containers/e1/start");
    await call("POST", "/containers/e2/start");
    expect((await inspect("e1")).NetworkSettings.Ports).toEqual({ "80/tcp": [{ HostIp: "0.0.0.0", HostPort: "32768" }, { HostIp: "::", HostPort: "32768" }] });
    expect((await inspect("e2")).NetworkSettings.Ports).toEqual({ "80/tcp": [{ HostIp: "0.0.0.0", HostPort: "32769" }, { HostIp: "::", HostPort: "32769" }] });
    expect((await inspect("e1")).HostConfig.PortBindings).toEqual(publish(""));
  });

  it("continues after the last port handed out rather than reusing a released one at once", async () => {
    const { call, create, inspect } = await setup();
    await create("e1", publish(""));
    await call("POST", "/containers/e1/start");
    await call("POST", "/containers/e1/stop");
    await call("POST", "/containers/e1/start");
    expect((await inspect("e1")).NetworkSettings.Ports).toEqual({ "80/tcp": [{ HostIp: "0.0.0.0", HostPort: "32769" }, { HostIp: "::", HostPort: "32769" }] });
  });

  it("skips a port taken explicitly", async () => {
    const { call, create, inspect } = await setup();
    await create("fixed", publish("32768"));
    await create("auto", publish(""));
    await call("POST", "/containers/fixed/start");
    await call("POST", "/containers/auto/start");
    expect((await inspect("auto")).NetworkSettings.Ports).toEqual({ "80/tcp": [{ HostIp: "0.0.0.0", HostPort: "32769" }, { HostIp: "::", HostPort: "32769" }] });
  });
});

describe("port specifications", () => {
  it.each([
    [{ "eighty/tcp": [{ HostIp: "", HostPort: "8080" }] }, 'invalid port specification: "eighty/tcp"'],
    [{ "80/tcp": [{ HostIp: "", HostPort: "http" }] }, 'invalid port specification: "http"'],
  ])("rejects %j at create", async (bindings, text) => {
    const { call } = await setup();
    expect(await call("POST", "/containers/create", {}, { Image: "nginx", HostConfig: { PortBindings: bindings } })).toMatchObject({ status: 400, body: { message: text } });
  });
});

describe("ports other programs hold on the host", () => {
  // As a daemon that publishes for real sees the host: 32768 and 8080 are taken by someone else.
  const held = (proto: string, _ip: string, port: number) => proto === "tcp" && (port === 32768 || port === 8080);

  it("are passed over for ephemeral ports, and in a range", async () => {
    const { call, create, ports } = await setup(held);
    await create("eph", publish(""));
    await call("POST", "/containers/eph/start");
    expect(await ports("eph")).toContainEqual({ IP: "0.0.0.0", PrivatePort: 80, PublicPort: 32769, Type: "tcp" });
    await create("ranged", publish("8080-8081"));
    await call("POST", "/containers/ranged/start");
    expect(await ports("ranged")).toContainEqual({ IP: "0.0.0.0", PrivatePort: 80, PublicPort: 8081, Type: "tcp" });
  });

  it("fail a start that asks for one, in the daemon's words, leaving the container created and unaddressed", async () => {
    const { call, create, inspect, engine } = await setup(held);
    const events: string[] = [];
    engine.ctx.events.subscribe((e) => events.push(`${e.Type} ${e.Action}`));
    await create("web", publish("8080"));
    events.length = 0;
    const started = await call("POST", "/containers/web/start");
    expect(started.status).toBe(500);
    expect((started.body as { message: string }).message).toMatch(
      /^failed to set up container networking: driver failed programming external connectivity on endpoint web \([0-9a-f]{64}\): failed to bind host port for 0\.0\.0\.0:8080:172\.17\.0\.2:80\/tcp: address already in use$/,
    );
    const state = (await inspect("web")).State;
    expect(state).toMatchObject({ Status: "created", ExitCode: 128 });
    expect(events).toEqual([]);
    // The address went back: the next container gets the one this would have had.
    await create("next", publish("9090"));
    events.length = 0;
    await call("POST", "/containers/next/start");
    const next = (await call("GET", "/containers/next/json")).body as { NetworkSettings: { Networks: { bridge: { IPAddress: string } } } };
    expect(next.NetworkSettings.Networks.bridge.IPAddress).toBe("172.17.0.2");
    expect(events).toEqual(["network connect", "container start"]);
  });
});
