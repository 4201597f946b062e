import { describe, expect, it } from "vitest";
import { Engine, ManualClock, SeededIdSource, type ApiResponse, type StdioChunk } from "../index.js";

async function setup() {
  const clock = new ManualClock();
  const engine = new Engine({ clock, ids: new SeededIdSource(7) });
  const call = (method: string, path: string, query: Record<string, string> = {}, body?: unknown) =>
    engine.handle(body === undefined ? { method, path, query } : { method, path, query, body });
  for (const image of ["nginx", "alpine"]) {
    const pulled = await call("POST", "/images/create", { fromImage: image, tag: "latest" });
    if (pulled.stream?.kind === "json-lines") for await (const _ of pulled.stream.messages);
  }
  const run = async (name: string, body: object) => {
    const created = await call("POST", "/containers/create", { name }, body);
    const id = (created.body as { Id: string }).Id;
    await call("POST", `/containers/${id}/start`);
    return id;
  };
  const events: string[] = [];
  engine.ctx.events.subscribe((e) => events.push(`${e.Action} ${e.Actor.Attributes["name"] ?? ""}`.trim()));
  return { clock, engine, call, run, events };
}

const message = (response: ApiResponse) => [response.status, (response.body as { message?: string } | undefined)?.message];

async function output(response: ApiResponse): Promise<string> {
  let text = "";
  if (response.stream?.kind === "stdio") for await (const chunk of response.stream.chunks as AsyncIterable<StdioChunk>) text += chunk.data;
  return text;
}

describe("pause and unpause", () => {
  it("freezes a running container, with Docker's errors and events", async () => {
    const { call, run, events, clock } = await setup();
    const id = await run("web", { Image: "nginx", HostConfig: { PortBindings: { "80/tcp": [{ HostPort: "8080" }] } } });
    clock.advance(5000);
    expect((await call("POST", "/containers/web/pause")).status).toBe(204);
    const list = (await call("GET", "/containers/json")).body as { State: string; Status: string }[];
    expect(list.map((c) => [c.State, c.Status])).toEqual([["paused", "Up 5 seconds (Paused)"]]);
    expect(((await call("GET", "/containers/web/json")).body as { State: { Paused: boolean; Running: boolean } }).State).toMatchObject({ Paused: true, Running: true });
    expect(message(await call("POST", "/containers/web/pause"))).toEqual([409, `Container ${id} is already paused`]);
    expect(message(await call("POST", "/containers/web/start"))).toEqual([409, "cannot start a paused container, try unpause instead"]);
    expect(message(await call("DELETE", "/containers/web"))).toEqual([409, 'cannot remove container "web": container is paused and must be unpaused first']);
    expect(message(await call("POST", "/containers/web/exec", {}, { Cmd: ["echo", "hi"] }))).toEqual([409, "Container web is paused, unpause the container before exec"]);
    expect((await call("POST", "/containers/web/unpause")).status).toBe(204);
    expect(message(await call("POST", "/containers/web/unpause"))).toEqual([500, `Container ${id} is not paused`]);
    expect(events.filter((e) => /pause/.test(e))).toEqual(["pause web", "unpause web"]);
  });

  it("freezes the process's timers while paused", async () => {
    const { call, run, engine, clock } = await setup();
    await run("nap", { Image: "alpine", Cmd: ["sleep", "10"] });
    clock.advance(4000);
    await call("POST", "/containers/nap/pause");
    clock.advance(60_000);
    await new Promise((resolve) => setImmediate(resolve));
    expect(engine.containers.get("nap").State.Running).toBe(true);
    await call("POST", "/containers/nap/unpause");
    clock.advance(5900);
    await new Promise((resolve) => setImmediate(resolve));
    expect(engine.containers.get("nap").State.Running).toBe(true);
    clock.advance(100);
    // sleep exits from a promise callback: let it run.
    await new Promise((resolve) => setImmediate(resolve));
    expect(engine.containers.get("nap").State).toMatchObject({ Running: false, ExitCode: 0 });
  });

  it("refuses a stopped container, and lets stop end a paused one", async () => {
    const { call, run, engine, clock } = await setup();
    const id = await run("box", { Image: "alpine", Cmd: ["sleep", "60"] });
    await call("POST", "/containers/box/pause");
    // sleep ignores SIGTERM as PID 1: the SIGKILL after the timeout ends it.
    const stopping = call("POST", "/containers/box/stop", { t: "0" });
    clock.advance(1);
    expect((await stopping).status).toBe(204);
    expect(engine.containers.get("box").State).toMatchObject({ Status: "exited", Paused: false, Running: false });
    expect(message(await call("POST", "/containers/box/pause"))).toEqual([409, `container ${id} is not running`]);
  });
});

describe("rename", () => {
  it("renames, answers to the new name, and rejects clashes and bad names", async () => {
    const { call, run, events } = await setup();
    await run("web", { Image: "nginx" });
    const other = await run("db", { Image: "alpine", Cmd: ["sleep", "60"] });
    expect((await call("POST", "/containers/web/rename", { name: "site" })).status).toBe(204);
    expect(((await call("GET", "/containers/site/json")).body as { Name: string }).Name).toBe("/site");
    expect(message(await call("GET", "/containers/web/json"))).toEqual([404, "No such container: web"]);
    expect(events).toContain("rename site");
    expect(message(await call("POST", "/containers/site/rename", { name: "db" }))).toEqual([
      409,
      `Error when allocating new name: Conflict. The container name "/db" is already in use by container "${other}". You have to remove (or rename) that container to be able to reuse that name.`,
    ]);
    expect(message(await call("POST", "/containers/site/rename", { name: "site" }))).toEqual([400, "Renaming a container with the same name as its current name"]);
    expect(message(await call("POST", "/containers/site/rename", { name: "bad name" }))).toEqual([
      400,
      "Error when allocating new name: Invalid container name (bad name), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed",
    ]);
    expect(message(await call("POST", "/containers/nope/rename", { name: "x1" }))).toEqual([404, "No such container: nope"]);
    // The old name is free again.
    expect((await call("POST", "/containers/create", { name: "web" }, { Image: "alpine" })).status).toBe(201);
  });
});

describe("update, top and stats", () => {
  it("updates the restart policy and limits, visible in inspect", async () => {
    const { call, run } = await setup();
    await run("web", { Image: "nginx" });
    await run("other", { Image: "nginx" });
    expect(await call("POST", "/containers/web/update", {}, { RestartPolicy: { Name: "always" }, Memory: 512 * 1024 * 1024, NanoCpus: 1.5e9 })).toMatchObject({ status: 200, body: { Warnings: [] } });
    const hostOf = async (name: string) => ((await call("GET", `/containers/${name}/json`)).body as { HostConfig: Record<string, unknown> }).HostConfig;
    expect(await hostOf("web")).toMatchObject({ RestartPolicy: { Name: "always", MaximumRetryCount: 0 }, Memory: 536870912, NanoCpus: 1500000000 });
    // Both were created without a HostConfig; the update changes only the one it names.
    expect(await hostOf("other")).toMatchObject({ RestartPolicy: { Name: "no", MaximumRetryCount: 0 }, Memory: 0, NanoCpus: 0 });
    expect(message(await call("POST", "/containers/web/update", {}, { RestartPolicy: { Name: "sometimes" } }))).toEqual([
      400,
      "invalid restart policy: unknown policy 'sometimes'; use one of 'no', 'always', 'on-failure', or 'unless-stopped'",
    ]);
    expect(message(await call("POST", "/containers/web/update", {}, { Memory: 1024 }))).toEqual([400, "Minimum memory limit allowed is 6MB"]);
  });

  it("lists the main process in top, and one stats frame", async () => {
    const { call, run, engine } = await setup();
    const id = await run("web", { Image: "nginx" });
    const pid = String(engine.containers.get(id).State.Pid);
    expect((await call("GET", "/containers/web/top")).body).toEqual({
      Titles: ["UID", "PID", "PPID", "C", "STIME", "TTY", "TIME", "CMD"],
      Processes: [["root", pid, String(Number(pid) - 21), "0", "09:00", "?", "00:00:00", "nginx -g daemon off;"]],
    });
    const stats = (await call("GET", "/containers/web/stats", { stream: "0" })).body as { name: string; id: string; memory_stats: { usage: number }; pids_stats: { current: number } };
    expect(stats).toMatchObject({ name: "/web", id, pids_stats: { current: 1 } });
    expect(stats.memory_stats.usage).toBeGreaterThan(0);
    await call("POST", "/containers/web/kill");
    expect(message(await call("GET", "/containers/web/top"))).toEqual([409, `container ${id} is not running`]);
    expect((await call("GET", "/containers/web/stats", { stream: "0" })).body).toMatchObject({ memory_stats: {}, read: "0001-01-01T00:00:00Z" });
  });
});

describe("container prune", () => {
  it("removes stopped containers only", async () => {
    const { call, run } = await setup();
    await run("web", { Image: "nginx" });
    const done = await run("once", { Image: "alpine", Cmd: ["true"] });
    const created = ((await call("POST", "/containers/create", { name: "fresh" }, { Image: "alpine" })).body as { Id: string }).Id;
    const report = (await call("POST", "/containers/prune")).body as { ContainersDeleted: string[]; SpaceReclaimed: number };
    expect([...report.ContainersDeleted].sort()).toEqual([done, created].sort());
    expect(report.SpaceReclaimed).toBe(0);
    expect(((await call("GET", "/containers/json", { all: "1" })).body as { Names: string[] }[]).map((c) => c.Names[0])).toEqual(["/web"]);
    expect((await call("POST", "/containers/prune")).body).toEqual({ ContainersDeleted: null, SpaceReclaimed: 0 });
  });
});

describe("exec", () => {
  it("runs a command in the container and keeps its exit code", async () => {
    const { call, run, events } = await setup();
    const id = await run("web", { Image: "nginx" });
    const created = await call("POST", "/containers/web/exec", {}, { Cmd: ["sh", "-c", "echo $HOSTNAME; exit 3"], AttachStdout: true, AttachStderr: true });
    expect(created.status).toBe(201);
    const execId = (created.body as { Id: string }).Id;
    expect(((await call("GET", `/exec/${execId}/json`)).body as { Running: boolean; ExitCode: number | null }).ExitCode).toBeNull();
    const started = await call("POST", `/exec/${execId}/start`, {}, { Detach: false, Tty: false });
    expect(started.status).toBe(101);
    expect(await output(started)).toBe(`${id.slice(0, 12)}\n`);
    expect((await call("GET", `/exec/${execId}/json`)).body).toMatchObject({ ID: execId, Running: false, ExitCode: 3, ContainerID: id, ProcessConfig: { entrypoint: "sh", arguments: ["-c", "echo $HOSTNAME; exit 3"] } });
    expect(events).toContain("exec_create: sh -c echo $HOSTNAME; exit 3 web");
    expect(events).toContain("exec_die web");
    expect(message(await call("POST", `/exec/${execId}/start`, {}, {}))).toEqual([101, undefined]);
  });

  it("lists a running exec in the container's ExecIDs", async () => {
    const { call, run } = await setup();
    await run("web", { Image: "nginx" });
    const execId = ((await call("POST", "/containers/web/exec", {}, { Cmd: ["sleep", "30"] })).body as { Id: string }).Id;
    expect((await call("POST", `/exec/${execId}/start`, {}, { Detach: true })).status).toBe(200);
    expect(((await call("GET", "/containers/web/json")).body as { ExecIDs: string[] | null }).ExecIDs).toEqual([execId]);
    await call("POST", "/containers/web/kill");
    expect((await call("GET", `/exec/${execId}/json`)).body).toMatchObject({ Running: false, ExitCode: 137 });
    expect(((await call("GET", "/containers/web/json")).body as { ExecIDs: string[] | null }).ExecIDs).toBeNull();
  });

  it("reports a missing executable in the stream with exit code 127", async () => {
    const { call, run } = await setup();
    await run("web", { Image: "nginx" });
    const execId = ((await call("POST", "/containers/web/exec", {}, { Cmd: ["nope"] })).body as { Id: string }).Id;
    expect(await output(await call("POST", `/exec/${execId}/start`, {}, {}))).toBe(
      'OCI runtime exec failed: exec failed: unable to start container process: exec: "nope": executable file not found in $PATH: unknown\r\n',
    );
    expect(((await call("GET", `/exec/${execId}/json`)).body as { ExitCode: number }).ExitCode).toBe(127);
  });

  it("refuses a container that is not running, and unknown exec ids", async () => {
    const { call } = await setup();
    const id = ((await call("POST", "/containers/create", { name: "box" }, { Image: "alpine" })).body as { Id: string }).Id;
    expect(message(await call("POST", "/containers/box/exec", {}, { Cmd: ["echo"] }))).toEqual([409, `container ${id} is not running`]);
    expect(message(await call("POST", "/containers/box/exec", {}, { Cmd: [] }))).toEqual([400, "No exec command specified"]);
    expect(message(await call("GET", "/exec/abc/json"))).toEqual([404, "No such exec instance: abc"]);
    expect(message(await call("POST", "/exec/abc/start", {}, {}))).toEqual([404, "No such exec instance: abc"]);
  });
});
