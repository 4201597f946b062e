import { describe, expect, it } from "vitest";
import { Engine, ManualClock, SeededIdSource } from "../index.js";

interface Endpoint {
  NetworkID: string;
  EndpointID: string;
  Gateway: string;
  IPAddress: string;
  IPPrefixLen: number;
  MacAddress: string;
  DNSNames: string[] | null;
}

async function setup() {
  const engine = new Engine({ clock: new ManualClock(), ids: new SeededIdSource(23) });
  const call = (method: string, path: string, query: Record<string, string> = {}, body?: unknown) =>
    engine.handle(body === undefined ? { method, path, query } : { method, path, query, body });
  const pulled = await call("POST", "/images/create", { fromImage: "alpine", tag: "latest" });
  if (pulled.stream?.kind === "json-lines") for await (const _ of pulled.stream.messages);
  const run = async (name: string, cmd: string[] = ["sleep", "1000"], start = true) => {
    await call("POST", "/containers/create", { name }, { Image: "alpine", Cmd: cmd });
    if (start) await call("POST", `/containers/${name}/start`);
  };
  const bridge = async (name: string) =>
    ((await call("GET", `/containers/${name}/json`)).body as { NetworkSettings: { Networks: Record<string, Endpoint> } }).NetworkSettings.Networks["bridge"];
  const ip = async (name: string) => (await bridge(name))?.IPAddress;
  const kill = (name: string) => call("POST", `/containers/${name}/kill`);
  return { call, run, bridge, ip, kill };
}

describe("addresses on the default bridge", () => {
  it("hands out 172.17.0.2 upward to running containers, behind gateway 172.17.0.1", async () => {
    const { run, ip, bridge, call } = await setup();
    await run("one");
    await run("two");
    await run("idle", undefined, false);
    expect([await ip("one"), await ip("two"), await ip("idle")]).toEqual(["172.17.0.2", "172.17.0.3", ""]);
    const endpoint = await bridge("one");
    const network = (await call("GET", "/networks/bridge")).body as { Id: string };
    expect(endpoint).toMatchObject({ NetworkID: network.Id, Gateway: "172.17.0.1", IPPrefixLen: 16, DNSNames: null });
    expect(endpoint?.EndpointID).toMatch(/^[0-9a-f]{64}$/);
  });

  it("releases an address when the container stops and gives the lowest free one next", async () => {
    const { run, ip, kill, call } = await setup();
    for (const name of ["c2", "c3", "c4"]) await run(name);
    await kill("c2");
    expect(await ip("c2")).toBe("");
    await run("c5");
    await run("c6");
    expect([await ip("c5"), await ip("c6")]).toEqual(["172.17.0.2", "172.17.0.5"]);
    await kill("c4");
    await kill("c3");
    await call("POST", "/containers/c2/start");
    await call("POST", "/containers/c3/start");
    expect([await ip("c2"), await ip("c3")]).toEqual(["172.17.0.3", "172.17.0.4"]);
  });

  it("frees the address of a container whose process exits by itself", async () => {
    const { run, ip } = await setup();
    await run("brief", ["true"]);
    expect(await ip("brief")).toBe("");
    await run("next");
    expect(await ip("next")).toBe("172.17.0.2");
  });

  it("frees the address of a force-removed container", async () => {
    const { run, ip, call } = await setup();
    await run("doomed");
    await call("DELETE", "/containers/doomed", { force: "1" });
    await run("heir");
    expect(await ip("heir")).toBe("172.17.0.2");
  });

  it("gives each start a random locally administered unicast MAC, and clears the endpoint on stop", async () => {
    const { run, bridge, kill } = await setup();
    await run("one");
    const mac = (await bridge("one"))?.MacAddress ?? "";
    expect(mac).toMatch(/^([0-9a-f]{2}:){5}[0-9a-f]{2}$/);
    expect(parseInt(mac.slice(0, 2), 16) & 0x03).toBe(0x02);
    await kill("one");
    expect(await bridge("one")).toMatchObject({ EndpointID: "", Gateway: "", IPAddress: "", IPPrefixLen: 0, MacAddress: "" });
  });

  it("shows running containers in the bridge's Containers map", async () => {
    const { run, call } = await setup();
    await run("one");
    await run("idle", undefined, false);
    const id = ((await call("GET", "/containers/one/json")).body as { Id: string }).Id;
    const network = (await call("GET", "/networks/bridge")).body as { Containers: Record<string, { Name: string; IPv4Address: string; IPv6Address: string }> };
    expect(Object.keys(network.Containers)).toEqual([id]);
    expect(network.Containers[id]).toMatchObject({ Name: "one", IPv4Address: "172.17.0.2/16", IPv6Address: "" });
  });
});

describe("the predefined networks", () => {
  it("are bridge, host and none, local, with the bridge on 172.17.0.0/16", async () => {
    const { call } = await setup();
    const networks = (await call("GET", "/networks")).body as { Name: string; Driver: string; Scope: string; IPAM: { Config: unknown[] } }[];
    expect(networks.map((n) => [n.Name, n.Driver, n.Scope])).toEqual([
      ["bridge", "bridge", "local"],
      ["host", "host", "local"],
      ["none", "null", "local"],
    ]);
    expect(networks[0]?.IPAM).toEqual({ Driver: "default", Options: null, Config: [{ Subnet: "172.17.0.0/16", Gateway: "172.17.0.1" }] });
  });

  it("cannot be removed, and unknown networks are not found", async () => {
    const { call } = await setup();
    expect(await call("DELETE", "/networks/bridge")).toMatchObject({ status: 403, body: { message: "bridge is a pre-defined network and cannot be removed" } });
    expect(await call("DELETE", "/networks/host")).toMatchObject({ status: 403, body: { message: "host is a pre-defined network and cannot be removed" } });
    expect(await call("GET", "/networks/nope")).toMatchObject({ status: 404, body: { message: "network nope not found" } });
  });

  it("are found by id prefix too", async () => {
    const { call } = await setup();
    const bridge = (await call("GET", "/networks/bridge")).body as { Id: string };
    expect(((await call("GET", `/networks/${bridge.Id.slice(0, 12)}`)).body as { Name: string }).Name).toBe("bridge");
  });
});
