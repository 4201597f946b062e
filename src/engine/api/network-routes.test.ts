import { describe, expect, it } from "vitest";
import { Engine, ManualClock, SeededIdSource } from "../index.js";

interface Inspect {
  Id: string;
  IPAM: { Config: { Subnet?: string; Gateway?: string; IPRange?: string }[] };
  Containers: Record<string, { Name: string; IPv4Address: string }>;
}

async function setup() {
  const engine = new Engine({ clock: new ManualClock(), ids: new SeededIdSource(7) });
  const call = (method: string, path: string, body?: unknown, query: Record<string, string> = {}) =>
    engine.handle(body === undefined ? { method, path, query } : { method, path, query, body });
  const pulled = await call("POST", "/images/create", undefined, { fromImage: "alpine", tag: "latest" });
  if (pulled.stream?.kind === "json-lines") for await (const _ of pulled.stream.messages);
  const create = (Name: string, extra: Record<string, unknown> = {}) => call("POST", "/networks/create", { Name, ...extra });
  const subnet = async (name: string) => ((await call("GET", `/networks/${name}`)).body as Inspect).IPAM.Config[0]?.Subnet;
  const run = async (name: string, network = "bridge", start = true) => {
    await call("POST", "/containers/create", { Image: "alpine", Cmd: ["sleep", "1000"], HostConfig: { NetworkMode: network } }, { name });
    if (start) await call("POST", `/containers/${name}/start`);
  };
  const endpoint = async (container: string, network: string) =>
    ((await call("GET", `/containers/${container}/json`)).body as { NetworkSettings: { Networks: Record<string, { IPAddress: string; Aliases: string[] | null; DNSNames: string[] | null }> } })
      .NetworkSettings.Networks[network];
  return { engine, call, create, subnet, run, endpoint };
}

describe("POST /networks/create", () => {
  it("answers 201 with the id and an empty warning, and the network inspects as a local bridge", async () => {
    const { call, create } = await setup();
    const created = await create("app");
    expect(created.status).toBe(201);
    const { Id, Warning } = created.body as { Id: string; Warning: string };
    expect(Id).toMatch(/^[0-9a-f]{64}$/);
    expect(Warning).toBe("");
    const network = (await call("GET", "/networks/app")).body as Record<string, unknown>;
    expect(network).toMatchObject({ Name: "app", Id, Scope: "local", Driver: "bridge", Internal: false, Attachable: false, Containers: {}, Options: {}, Labels: {} });
    expect(network["IPAM"]).toEqual({ Driver: "default", Options: null, Config: [{ Subnet: "172.18.0.0/16", Gateway: "172.18.0.1" }] });
    expect(Object.keys(network)).toEqual([
      "Name", "Id", "Created", "Scope", "Driver", "EnableIPv4", "EnableIPv6", "IPAM", "Internal", "Attachable", "Ingress", "ConfigFrom", "ConfigOnly",
      "Containers", "Options", "Labels",
    ]);
  });

  it("hands out 172.18-172.31 /16s, then 192.168.x.0/20s, and reuses the lowest freed subnet", async () => {
    const { call, create, subnet } = await setup();
    for (let i = 0; i < 15; i++) await create(`n${i}`);
    expect(await subnet("n0")).toBe("172.18.0.0/16");
    expect(await subnet("n13")).toBe("172.31.0.0/16");
    expect(await subnet("n14")).toBe("192.168.0.0/20");
    await create("n15");
    expect(await subnet("n15")).toBe("192.168.16.0/20");
    await call("DELETE", "/networks/n3");
    await create("again");
    expect(await subnet("again")).toBe("172.21.0.0/16");
  });

  it("skips subnets taken by user-specified ones and refuses overlaps", async () => {
    const { create, subnet } = await setup();
    expect((await create("fixed", { IPAM: { Config: [{ Subnet: "172.18.5.0/24" }] } })).status).toBe(201);
    await create("auto");
    expect(await subnet("auto")).toBe("172.19.0.0/16");
    expect(await create("clash", { IPAM: { Config: [{ Subnet: "172.19.128.0/17" }] } })).toMatchObject({
      status: 403,
      body: { message: "invalid pool request: Pool overlaps with other one on this address space" },
    });
  });

  it("refuses duplicates, predefined names, host/null/overlay drivers and unknown plugins as dockerd does", async () => {
    const { create } = await setup();
    await create("app");
    expect(await create("app")).toMatchObject({ status: 409, body: { message: "network with name app already exists" } });
    expect(await create("bridge")).toMatchObject({ status: 403, body: { message: "operation is not permitted on predefined bridge network " } });
    expect(await create("h", { Driver: "host" })).toMatchObject({ status: 403, body: { message: 'only one instance of "host" network is allowed' } });
    expect(await create("z", { Driver: "null" })).toMatchObject({ status: 403, body: { message: 'only one instance of "null" network is allowed' } });
    expect(await create("o", { Driver: "overlay" })).toMatchObject({
      status: 403,
      body: { message: 'This node is not a swarm manager. Use "docker swarm init" or "docker swarm join" to connect this node to swarm and try again.' },
    });
    expect(await create("f", { Driver: "foo" })).toMatchObject({ status: 404, body: { message: "could not find plugin foo in v1 plugin registry: plugin not found" } });
    expect((await create("mv", { Driver: "macvlan" })).status).toBe(201);
  });

  it("validates the IPAM config with ValidateIPAM's texts", async () => {
    const { create } = await setup();
    expect(await create("a", { IPAM: { Config: [{ Subnet: "10.1.2.3/16" }] } })).toMatchObject({
      status: 400,
      body: { message: "invalid network config:\ninvalid subnet 10.1.2.3/16: it should be 10.1.0.0/16" },
    });
    expect(await create("b", { IPAM: { Config: [{ Subnet: "10.1.0.0/16", Gateway: "10.2.0.1", IPRange: "10.1.0.0/8" }] } })).toMatchObject({
      status: 400,
      body: {
        message:
          "invalid network config:\n* invalid ip-range 10.1.0.0/8: CIDR block is bigger than its parent subnet 10.1.0.0/16\n* invalid ip-range 10.1.0.0/8: it should be 10.0.0.0/8\n* invalid gateway 10.2.0.1: parent subnet 10.1.0.0/16 doesn't contain this address",
      },
    });
  });

  it("keeps the given IPAM, labels, options and flags", async () => {
    const { call, create, run, endpoint } = await setup();
    await create("custom", {
      IPAM: { Driver: "default", Options: {}, Config: [{ Subnet: "10.5.0.0/16", IPRange: "10.5.1.0/24", Gateway: "10.5.0.254", AuxiliaryAddresses: { host: "10.5.1.0" } }] },
      Internal: true,
      Attachable: true,
      Labels: { team: "a" },
      Options: { "com.docker.network.driver.mtu": "1400" },
    });
    const n = (await call("GET", "/networks/custom")).body as Record<string, unknown>;
    expect(n).toMatchObject({ Internal: true, Attachable: true, Labels: { team: "a" }, Options: { "com.docker.network.driver.mtu": "1400" } });
    expect(n["IPAM"]).toEqual({ Driver: "default", Options: {}, Config: [{ Subnet: "10.5.0.0/16", IPRange: "10.5.1.0/24", Gateway: "10.5.0.254", AuxiliaryAddresses: { host: "10.5.1.0" } }] });
    await run("c1", "custom");
    expect(await endpoint("c1", "custom")).toMatchObject({ IPAddress: "10.5.1.1", Gateway: "10.5.0.254" });
  });
});

describe("containers on a user-defined network", () => {
  it("get addresses from its subnet, DNS names, and show in its Containers map while running", async () => {
    const { call, create, run, endpoint } = await setup();
    await create("app");
    await run("api", "app");
    await run("idle", "app", false);
    const ep = await endpoint("api", "app");
    const id = ((await call("GET", "/containers/api/json")).body as { Id: string }).Id;
    expect(ep).toMatchObject({ IPAddress: "172.18.0.2", DNSNames: ["api", id.slice(0, 12)] });
    const n = (await call("GET", "/networks/app")).body as Inspect;
    expect(Object.values(n.Containers)).toEqual([expect.objectContaining({ Name: "api", IPv4Address: "172.18.0.2/16" })]);
  });

  it("refuses to remove the network while a container runs on it, and allows it once stopped", async () => {
    const { call, create, run } = await setup();
    await create("app");
    await run("api", "app");
    const removed = await call("DELETE", "/networks/app");
    expect(removed.status).toBe(403);
    expect((removed.body as { message: string }).message).toMatch(/^error while removing network: network app has active endpoints \(name:"api" id:"[0-9a-f]{12}"\)$/);
    await call("POST", "/containers/api/kill");
    expect((await call("DELETE", "/networks/app")).status).toBe(204);
  });
});

describe("connect and disconnect", () => {
  it("gives a running container an address at once, with aliases, and takes it away on disconnect", async () => {
    const { call, create, run, endpoint } = await setup();
    await create("app");
    await run("web");
    const connected = await call("POST", "/networks/app/connect", { Container: "web", EndpointConfig: { Aliases: ["www"] } });
    expect(connected.status).toBe(200);
    const ep = await endpoint("web", "app");
    expect(ep).toMatchObject({ IPAddress: "172.18.0.2", Aliases: ["www"] });
    expect(ep?.DNSNames?.slice(0, 2)).toEqual(["web", "www"]);
    const again = await call("POST", "/networks/app/connect", { Container: "web" });
    expect(again).toMatchObject({ status: 403, body: { message: "endpoint with name web already exists in network app" } });
    expect((await call("POST", "/networks/app/disconnect", { Container: "web" })).status).toBe(200);
    expect(await endpoint("web", "app")).toBeUndefined();
    const id = ((await call("GET", "/containers/web/json")).body as { Id: string }).Id;
    expect(await call("POST", "/networks/app/disconnect", { Container: "web" })).toMatchObject({
      status: 500,
      body: { message: `container ${id} is not connected to network app` },
    });
    await run("next", "app");
    expect((await endpoint("next", "app"))?.IPAddress).toBe("172.18.0.2");
  });

  it("takes a static --ip only on networks with a configured subnet", async () => {
    const { call, create, run, endpoint } = await setup();
    await create("auto");
    await create("fixed", { IPAM: { Config: [{ Subnet: "10.9.0.0/24" }] } });
    await run("cc");
    expect(await call("POST", "/networks/auto/connect", { Container: "cc", EndpointConfig: { IPAMConfig: { IPv4Address: "172.18.0.9" } } })).toMatchObject({
      status: 400,
      body: { message: "invalid endpoint settings:\nuser specified IP address is supported only when connecting to networks with user configured subnets" },
    });
    expect(await call("POST", "/networks/bridge/connect", { Container: "cc", EndpointConfig: { Aliases: ["x"] } })).toMatchObject({
      status: 400,
      body: { message: "invalid endpoint settings:\nnetwork-scoped alias is supported only for containers in user defined networks" },
    });
    expect((await call("POST", "/networks/fixed/connect", { Container: "cc", EndpointConfig: { IPAMConfig: { IPv4Address: "10.9.0.9" } } })).status).toBe(200);
    expect((await endpoint("cc", "fixed"))?.IPAddress).toBe("10.9.0.9");
  });

  it("follows the host and none rules", async () => {
    const { call, create, run } = await setup();
    await create("app");
    await run("hh", "host");
    await run("nn", "none");
    await run("bb");
    expect(await call("POST", "/networks/app/connect", { Container: "hh" })).toMatchObject({
      status: 400,
      body: { message: "container sharing network namespace with another container or host cannot be connected to any other network" },
    });
    expect(await call("POST", "/networks/app/connect", { Container: "nn" })).toMatchObject({
      status: 400,
      body: { message: "container cannot be connected to multiple networks with one of the networks in private (none) mode" },
    });
    expect(await call("POST", "/networks/host/connect", { Container: "bb" })).toMatchObject({
      status: 400,
      body: { message: "cannot connect container to host network - container must be created in host network mode" },
    });
    expect(await call("POST", "/networks/host/disconnect", { Container: "hh" })).toMatchObject({
      status: 400,
      body: { message: "cannot disconnect container from host network - container was created in host network mode" },
    });
    expect(await call("POST", "/networks/app/connect", { Container: "nope" })).toMatchObject({ status: 404, body: { message: "No such container: nope" } });
  });

  it("logs create, connect, disconnect and destroy events with the daemon's attributes", async () => {
    const { engine, call, create, run } = await setup();
    const seen: string[] = [];
    engine.ctx.events.subscribe((e) => {
      if (e.Type === "network") seen.push(`${e.Action} ${JSON.stringify(e.Actor.Attributes)}`);
    });
    await create("app");
    await run("cc", "app");
    const id = ((await call("GET", "/containers/cc/json")).body as { Id: string }).Id;
    await call("POST", "/containers/cc/kill");
    await call("DELETE", "/networks/app");
    expect(seen).toEqual([
      'create {"name":"app","type":"bridge"}',
      `connect {"container":"${id}","name":"app","type":"bridge"}`,
      `disconnect {"container":"${id}","name":"app","type":"bridge"}`,
      'destroy {"name":"app","type":"bridge"}',
    ]);
  });
});

describe("POST /networks/prune and /volumes/prune", () => {
  it("removes custom networks no running container uses", async () => {
    const { call, create, run } = await setup();
    await create("used");
    await create("unused-1");
    await create("unused-2", { Labels: { keep: "yes" } });
    await run("cc", "used");
    expect((await call("POST", "/networks/prune", undefined, { filters: '{"label!":{"keep":true}}' })).body).toEqual({ NetworksDeleted: ["unused-1"] });
    expect((await call("POST", "/networks/prune")).body).toEqual({ NetworksDeleted: ["unused-2"] });
    const names = ((await call("GET", "/networks")).body as { Name: string }[]).map((n) => n.Name);
    expect(names).toEqual(["bridge", "host", "none", "used"]);
  });

  it("removes only anonymous unused volumes unless all=true", async () => {
    const { call } = await setup();
    await call("POST", "/volumes/create", { Name: "named" });
    const anon = ((await call("POST", "/volumes/create", {})).body as { Name: string }).Name;
    await call("POST", "/volumes/create", { Name: "mounted" });
    await call("POST", "/containers/create", { Image: "alpine", Cmd: ["true"], HostConfig: { Binds: ["mounted:/data"] } });
    expect((await call("POST", "/volumes/prune")).body).toEqual({ VolumesDeleted: [anon], SpaceReclaimed: 0 });
    expect((await call("POST", "/volumes/prune", undefined, { filters: '{"all":{"true":true}}' })).body).toEqual({ VolumesDeleted: ["named"], SpaceReclaimed: 0 });
    expect(await call("POST", "/volumes/create", { Name: "x", Driver: "nfs" })).toMatchObject({
      status: 404,
      body: { message: 'error looking up volume plugin nfs: plugin "nfs" not found' },
    });
  });
});
