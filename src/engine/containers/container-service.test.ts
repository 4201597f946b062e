import { describe, expect, it } from "vitest";
import { Engine, ManualClock, SeededIdSource, type ApiResponse } from "../index.js";

async function setup(...images: string[]) {
  const clock = new ManualClock();
  const engine = new Engine({ clock, ids: new SeededIdSource(5) });
  const call = (method: string, path: string, query: Record<string, string> = {}, body?: unknown) =>
    engine.handle(body === undefined ? { method, path, query } : { method, path, query, body });
  for (const image of images) {
    const pulled = await call("POST", "/images/create", { fromImage: image, tag: "latest" });
    if (pulled.stream?.kind === "json-lines") for await (const _ of pulled.stream.messages);
  }
  const create = async (name: string, body: object) => {
    const response = await call("POST", "/containers/create", { name }, body);
    if (response.status !== 201) throw new Error(JSON.stringify(response.body));
    return (response.body as { Id: string }).Id;
  };
  const inspect = async (ref: string) => (await call("GET", `/containers/${ref}/json`)).body as Inspect;
  return { clock, engine, call, create, inspect };
}

interface Inspect {
  Id: string;
  Name: string;
  Path: string;
  Args: string[];
  State: { Status: string; Running: boolean; Pid: number; ExitCode: number; Error: string; StartedAt: string; FinishedAt: string };
  Config: { Hostname: string };
}

/** True once the promise has settled, after letting pending work run. */
async function isSettled(promise: Promise<unknown>): Promise<boolean> {
  let settled = false;
  void promise.then(() => (settled = true), () => (settled = true));
  await new Promise((resolve) => setImmediate(resolve));
  return settled;
}

/** Lets pending work run until `done` holds (or gives up after a few hundred turns). */
async function until(done: () => boolean): Promise<void> {
  for (let i = 0; i < 500 && !done(); i++) await new Promise((resolve) => setImmediate(resolve));
}

const message = (response: ApiResponse) => [response.status, (response.body as { message?: string } | undefined)?.message];
const zero = "0001-01-01T00:00:00Z";

describe("the container state machine", () => {
  it("goes created → running → exited → running → exited → removed", async () => {
    const { clock, call, create, inspect } = await setup("alpine");
    const id = await create("box", { Image: "alpine", Cmd: ["sleep", "100"] });
    expect(id).toMatch(/^[0-9a-f]{64}$/);
    expect((await inspect("box")).State).toEqual({
      Status: "created", Running: false, Paused: false, Restarting: false, OOMKilled: false, Dead: false,
      Pid: 0, ExitCode: 0, Error: "", StartedAt: zero, FinishedAt: zero,
    });

    expect(await call("POST", "/containers/box/start")).toMatchObject({ status: 204 });
    expect((await inspect("box")).State).toMatchObject({ Status: "running", Running: true, ExitCode: 0, StartedAt: "2026-01-15T09:00:00Z", FinishedAt: zero });
    expect((await inspect("box")).State.Pid).toBeGreaterThan(0);

    clock.advance(5_000);
    const stopping = call("POST", "/containers/box/stop");
    clock.advance(10_000);
    expect(await stopping).toMatchObject({ status: 204 });
    expect((await inspect("box")).State).toMatchObject({ Status: "exited", Running: false, Pid: 0, ExitCode: 137, FinishedAt: "2026-01-15T09:00:15Z" });

    clock.advance(1_000);
    expect(await call("POST", `/containers/${id}/start`)).toMatchObject({ status: 204 });
    expect((await inspect("box")).State).toMatchObject({ Status: "running", Running: true, ExitCode: 0, StartedAt: "2026-01-15T09:00:16Z" });

    expect(await call("POST", "/containers/box/kill")).toMatchObject({ status: 204 });
    expect((await inspect("box")).State).toMatchObject({ Status: "exited", Running: false, ExitCode: 137, FinishedAt: "2026-01-15T09:00:16Z" });

    expect(await call("DELETE", "/containers/box")).toMatchObject({ status: 204 });
    expect(message(await call("GET", "/containers/box/json"))).toEqual([404, "No such container: box"]);
    expect(message(await call("GET", `/containers/${id}/json`))).toEqual([404, `No such container: ${id}`]);
  });

  it("stop waits out the 10 s timeout for `sleep`, which ignores SIGTERM as PID 1, then kills it (137)", async () => {
    const { clock, call, create, inspect } = await setup("alpine");
    await create("sleeper", { Image: "alpine", Cmd: ["sleep", "100"] });
    await call("POST", "/containers/sleeper/start");
    const stopping = call("POST", "/containers/sleeper/stop");
    clock.advance(9_999);
    expect(await isSettled(stopping)).toBe(false);
    expect((await inspect("sleeper")).State.Status).toBe("running");
    clock.advance(1);
    expect(await stopping).toMatchObject({ status: 204 });
    expect((await inspect("sleeper")).State).toMatchObject({ Status: "exited", ExitCode: 137, FinishedAt: "2026-01-15T09:00:10Z" });
  });

  it("stop honours t= and the container's StopTimeout", async () => {
    const { clock, call, create, inspect } = await setup("alpine");
    await create("quick", { Image: "alpine", Cmd: ["sleep", "100"] });
    await create("patient", { Image: "alpine", Cmd: ["sleep", "100"], StopTimeout: 2 });
    await call("POST", "/containers/quick/start");
    await call("POST", "/containers/patient/start");
    const quick = call("POST", "/containers/quick/stop", { t: "3" });
    const patient = call("POST", "/containers/patient/stop");
    clock.advance(2_000);
    expect(await patient).toMatchObject({ status: 204 });
    expect(await isSettled(quick)).toBe(false);
    clock.advance(1_000);
    expect(await quick).toMatchObject({ status: 204 });
    expect((await inspect("quick")).State.FinishedAt).toBe("2026-01-15T09:00:03Z");
    expect((await inspect("patient")).State.FinishedAt).toBe("2026-01-15T09:00:02Z");
  });

  it("nginx stops at once with exit code 0 on its stop signal, SIGQUIT", async () => {
    const { call, create, inspect } = await setup("nginx");
    await create("web", { Image: "nginx" });
    await call("POST", "/containers/web/start");
    expect(await call("POST", "/containers/web/stop")).toMatchObject({ status: 204 });
    expect((await inspect("web")).State).toMatchObject({ Status: "exited", ExitCode: 0, FinishedAt: "2026-01-15T09:00:00Z" });
  });

  it("answers 304 to start when running and to stop when not running", async () => {
    const { call, create } = await setup("alpine");
    await create("box", { Image: "alpine", Cmd: ["sleep", "100"] });
    expect(await call("POST", "/containers/box/stop")).toMatchObject({ status: 304 });
    await call("POST", "/containers/box/start");
    const again = await call("POST", "/containers/box/start");
    expect(again.status).toBe(304);
    expect(again.body).toBeUndefined();
    await call("POST", "/containers/box/kill");
    expect(await call("POST", "/containers/box/stop")).toMatchObject({ status: 304 });
  });
});

describe("lifecycle errors, in the daemon's words", () => {
  it("refuses to remove a running container unless forced, naming it as typed", async () => {
    const { call, create } = await setup("alpine");
    const id = await create("web", { Image: "alpine", Cmd: ["sleep", "100"] });
    await call("POST", "/containers/web/start");
    expect(message(await call("DELETE", "/containers/web"))).toEqual([
      409,
      'cannot remove container "web": container is running: stop the container before removing or force remove',
    ]);
    expect(message(await call("DELETE", `/containers/${id.slice(0, 8)}`))).toEqual([
      409,
      `cannot remove container "${id.slice(0, 8)}": container is running: stop the container before removing or force remove`,
    ]);
    expect(await call("DELETE", "/containers/web", { force: "1" })).toMatchObject({ status: 204 });
    expect(message(await call("GET", "/containers/web/json"))).toEqual([404, "No such container: web"]);
  });

  it("refuses to kill a container that is not running, and names a missing one", async () => {
    const { call, create } = await setup("alpine");
    const id = await create("web", { Image: "alpine", Cmd: ["sleep", "100"] });
    expect(message(await call("POST", "/containers/web/kill"))).toEqual([409, `cannot kill container: web: container ${id} is not running`]);
    expect(message(await call("POST", "/containers/nope/kill"))).toEqual([404, "cannot kill container: nope: No such container: nope"]);
  });

  it("wraps a bad signal in the kill route's prefix", async () => {
    const { call, create } = await setup("alpine");
    await create("web", { Image: "alpine", Cmd: ["sleep", "100"] });
    await call("POST", "/containers/web/start");
    expect(message(await call("POST", "/containers/web/kill", { signal: "SIGFOO" }))).toEqual([400, "cannot kill container: web: Invalid signal: SIGFOO"]);
  });

  it("rejects a taken name with the owner's full id", async () => {
    const { call, create } = await setup("alpine");
    const id = await create("web", { Image: "alpine" });
    expect(message(await call("POST", "/containers/create", { name: "web" }, { Image: "alpine" }))).toEqual([
      409,
      `Conflict. The container name "/web" is already in use by container "${id}". You have to remove (or rename) that container to be able to reuse that name.`,
    ]);
    expect(message(await call("POST", "/containers/create", { name: "/web" }, { Image: "alpine" }))[0]).toBe(409);
  });

  it.each(["bad name!", "a", "-dash", "sp ace"])("rejects the invalid name %j", async (name) => {
    const { call } = await setup("alpine");
    expect(message(await call("POST", "/containers/create", { name }, { Image: "alpine" }))).toEqual([
      400,
      `Invalid container name (${name}), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed`,
    ]);
  });

  it.each([
    ["GET", "/containers/x/json"],
    ["POST", "/containers/x/start"],
    ["POST", "/containers/x/stop"],
    ["DELETE", "/containers/x"],
    ["GET", "/containers/x/logs"],
    ["POST", "/containers/x/wait"],
  ])("%s %s: 404 No such container: x", async (method, path) => {
    const { call } = await setup();
    expect(message(await call(method, path, { stdout: "1" }))).toEqual([404, "No such container: x"]);
  });

  it("finds containers by unique id prefix and refuses an ambiguous one", async () => {
    const { call, create } = await setup("alpine");
    const ids: string[] = [];
    for (let i = 0; i < 17 && new Set(ids.map((id) => id[0])).size === ids.length; i++) ids.push(await create(`c${i}`, { Image: "alpine" }));
    const last = ids.at(-1) ?? "";
    const twin = ids.find((id) => id !== last && id[0] === last[0]) ?? "";
    expect(twin).not.toBe("");
    expect(message(await call("GET", `/containers/${last[0]}/json`))).toEqual([400, `multiple IDs found with provided prefix: ${last[0]}`]);
    const unique = last.slice(0, [...last].findIndex((ch, i) => twin[i] !== ch) + 1);
    expect(((await call("GET", `/containers/${unique}/json`)).body as Inspect).Id).toBe(last);
  });

  it("names a missing image with :latest added", async () => {
    const { call } = await setup();
    expect(message(await call("POST", "/containers/create", {}, { Image: "foo" }))).toEqual([404, "No such image: foo:latest"]);
    expect(message(await call("POST", "/containers/create", {}, { Image: "me/foo:1.0" }))).toEqual([404, "No such image: me/foo:1.0"]);
  });

  it("a failed create leaves no container and no volume behind", async () => {
    const { call, create } = await setup("mysql");
    await create("db", { Image: "mysql" });
    const before = { containers: (await call("GET", "/containers/json", { all: "1" })).body, volumes: (await call("GET", "/volumes")).body };
    expect((before.volumes as { Volumes: unknown[] }).Volumes).toHaveLength(1);
    expect((await call("POST", "/containers/create", { name: "db" }, { Image: "mysql" })).status).toBe(409);
    expect((await call("POST", "/containers/create", {}, { Image: "mysql", HostConfig: { RestartPolicy: { Name: "sometimes" } } })).status).toBe(400);
    expect((await call("POST", "/containers/create", {}, { Image: "mysql", HostConfig: { PortBindings: { "80/tcp": [{ HostPort: "x" }] } } })).status).toBe(400);
    expect((await call("GET", "/containers/json", { all: "1" })).body).toEqual(before.containers);
    expect((await call("GET", "/volumes")).body).toEqual(before.volumes);
  });

  it("a start whose command is not found leaves the container Created with exit code 127", async () => {
    const { call, create, inspect } = await setup("alpine");
    await create("typo", { Image: "alpine", Cmd: ["nosuchcmd", "--now"] });
    const text =
      'failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: exec: "nosuchcmd": executable file not found in $PATH: unknown';
    expect(message(await call("POST", "/containers/typo/start"))).toEqual([400, text]);
    expect((await inspect("typo")).State).toMatchObject({ Status: "created", Running: false, ExitCode: 127, Error: text, StartedAt: zero });
    const [row] = (await call("GET", "/containers/json", { all: "1" })).body as { Status: string; State: string }[];
    expect([row?.State, row?.Status]).toEqual(["created", "Created"]);
  });
});

describe("what create fills in", () => {
  it("uses the short id as hostname, a slashed name, and the image's entrypoint and command", async () => {
    const { call, create, inspect } = await setup("nginx");
    const id = await create("web", { Image: "nginx" });
    const c = await inspect("web");
    expect([c.Name, c.Config.Hostname, c.Path, c.Args]).toEqual(["/web", id.slice(0, 12), "/docker-entrypoint.sh", ["nginx", "-g", "daemon off;"]]);
    const [row] = (await call("GET", "/containers/json", { all: "1" })).body as { Command: string; Names: string[] }[];
    expect(row).toMatchObject({ Command: "/docker-entrypoint.sh nginx -g 'daemon off;'", Names: ["/web"] });
  });

  it("shows Config in container.Config's field order, the omitempty ones in their places", async () => {
    const { create, call } = await setup("nginx");
    await create("web", { Image: "nginx", Healthcheck: { Test: ["CMD", "true"] }, StopTimeout: 3 });
    const config = ((await call("GET", "/containers/web/json")).body as { Config: object }).Config;
    expect(Object.keys(config)).toEqual([
      "Hostname", "Domainname", "User", "AttachStdin", "AttachStdout", "AttachStderr", "ExposedPorts", "Tty", "OpenStdin", "StdinOnce",
      "Env", "Cmd", "Healthcheck", "Image", "Volumes", "WorkingDir", "Entrypoint", "OnBuild", "Labels", "StopSignal", "StopTimeout",
    ]);
  });

  it("shows every HostConfig field in Go's order, the daemon's defaults filled in and unknown fields dropped", async () => {
    const { create, call } = await setup("nginx");
    await create("web", { Image: "nginx", HostConfig: { Memory: 1024, Bogus: 1 } });
    const host = ((await call("GET", "/containers/web/json")).body as { HostConfig: Record<string, unknown> }).HostConfig;
    const shown = JSON.parse(JSON.stringify(host)) as Record<string, unknown>;
    expect(Object.keys(shown)).toEqual([
      "Binds", "ContainerIDFile", "LogConfig", "NetworkMode", "PortBindings", "RestartPolicy", "AutoRemove", "VolumeDriver", "VolumesFrom", "ConsoleSize",
      "CapAdd", "CapDrop", "CgroupnsMode", "Dns", "DnsOptions", "DnsSearch", "ExtraHosts", "GroupAdd", "IpcMode", "Cgroup", "Links", "OomScoreAdj", "PidMode",
      "Privileged", "PublishAllPorts", "ReadonlyRootfs", "SecurityOpt", "UTSMode", "UsernsMode", "ShmSize", "Runtime", "Isolation", "CpuShares", "Memory",
      "NanoCpus", "CgroupParent", "BlkioWeight", "BlkioWeightDevice", "BlkioDeviceReadBps", "BlkioDeviceWriteBps", "BlkioDeviceReadIOps", "BlkioDeviceWriteIOps",
      "CpuPeriod", "CpuQuota", "CpuRealtimePeriod", "CpuRealtimeRuntime", "CpusetCpus", "CpusetMems", "Devices", "DeviceCgroupRules", "DeviceRequests",
      "MemoryReservation", "MemorySwap", "MemorySwappiness", "OomKillDisable", "PidsLimit", "Ulimits", "CpuCount", "CpuPercent", "IOMaximumIOps",
      "IOMaximumBandwidth", "MaskedPaths", "ReadonlyPaths",
    ]);
    expect(shown).toMatchObject({ Memory: 1024, ShmSize: 67108864, ReadonlyPaths: ["/proc/bus", "/proc/fs", "/proc/irq", "/proc/sys", "/proc/sysrq-trigger"] });
    expect((shown["MaskedPaths"] as string[]).slice(0, 3)).toEqual(["/proc/asound", "/proc/acpi", "/proc/interrupts"]);
    await create("priv", { Image: "nginx", HostConfig: { Privileged: true, Init: true, Tmpfs: { "/run": "" } } });
    const privileged = ((await call("GET", "/containers/priv/json")).body as { HostConfig: Record<string, unknown> }).HostConfig;
    expect(privileged).toMatchObject({ Privileged: true, MaskedPaths: null, ReadonlyPaths: null, Init: true, Tmpfs: { "/run": "" } });
  });

  it("generates adjective_surname names when none is given", async () => {
    const { create, inspect } = await setup("alpine");
    const id = await create("", { Image: "alpine" });
    expect((await inspect(id)).Name).toMatch(/^\/[a-z]+_[a-z]+$/);
  });
});

describe("nginx's start over its image's files", () => {
  const confWith = (port: number) => `server {\n    listen       ${port};\n    location / {\n        root   /usr/share/nginx/html;\n        index  index.html;\n    }\n}\n`;

  it("opens its port as start returns, and every first start leaves the same footprint, stamped with its own time", async () => {
    const { call, create, clock, engine } = await setup("nginx");
    const first = await create("one", { Image: "nginx" });
    await call("POST", "/containers/one/start");
    expect(engine.net.listeningPorts(first)).toEqual([80]);
    clock.advance(5000);
    const second = await create("two", { Image: "nginx" });
    await call("POST", "/containers/two/start");
    expect(engine.net.listeningPorts(second)).toEqual([80]);
    const changes = async (ref: string) => (await call("GET", `/containers/${ref}/changes`)).body;
    expect(await changes("two")).toEqual(await changes("one"));
    expect(await changes("two")).toContainEqual({ Path: "/run/nginx.pid", Kind: 1 });
    const pid = (id: string) => engine.fs.rootfs(engine.containers.get(id)).entry("/run/nginx.pid");
    expect(pid(second)?.mtime).toBe(pid(first)!.mtime + 5000);
    const conf = engine.fs.rootfs(engine.containers.get(second)).readText("/etc/nginx/conf.d/default.conf");
    expect(conf).toContain("listen  [::]:80;");
  });

  it("keeps a replayed footprint to each container: a change in one is not seen by the other", async () => {
    const { call, create, engine } = await setup("nginx");
    const first = await create("one", { Image: "nginx" });
    await call("POST", "/containers/one/start");
    const second = await create("two", { Image: "nginx" });
    await call("POST", "/containers/two/start");
    const rootOf = (id: string) => engine.fs.rootfs(engine.containers.get(id));
    rootOf(second).put("/run/nginx.pid", { type: "file", content: "42\n", mode: 0o644, mtime: 0 });
    rootOf(second).remove("/var/cache/nginx/client_temp");
    expect(rootOf(second).readText("/run/nginx.pid")).toBe("42\n");
    expect(rootOf(first).readText("/run/nginx.pid")).toBe("1\n");
    expect(rootOf(first).entry("/var/cache/nginx/client_temp")?.type).toBe("dir");
    expect(rootOf(second).entry("/var/cache/nginx/client_temp")).toBeUndefined();
    const third = await create("three", { Image: "nginx" });
    await call("POST", "/containers/three/start");
    expect(rootOf(third).readText("/run/nginx.pid")).toBe("1\n");
  });

  it("reads a configuration the container changed, or one mounted over the image's, before listening", async () => {
    const { call, create, engine } = await setup("nginx");
    const edited = await create("edited", { Image: "nginx" });
    engine.fs.rootfs(engine.containers.get(edited)).put("/etc/nginx/conf.d/default.conf", { type: "file", content: confWith(9090), mode: 0o644, mtime: 0 });
    await call("POST", "/containers/edited/start");
    expect(engine.net.listeningPorts(edited)).toEqual([9090]);

    await call("POST", "/volumes/create", {}, { Name: "conf" });
    engine.fs.volume("conf").put("/default.conf", { type: "file", content: confWith(8081), mode: 0o644, mtime: 0 });
    const mounted = await create("mounted", { Image: "nginx", HostConfig: { Binds: ["conf:/etc/nginx/conf.d"] } });
    await call("POST", "/containers/mounted/start");
    await until(() => engine.net.listeningPorts(mounted).length > 0);
    expect(engine.net.listeningPorts(mounted)).toEqual([8081]);

    // A fresh container of the image still reads the image's files.
    const plain = await create("plain", { Image: "nginx" });
    await call("POST", "/containers/plain/start");
    expect(engine.net.listeningPorts(plain)).toEqual([80]);
  });
});
