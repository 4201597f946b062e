import { describe, expect, it } from "vitest";
import { Engine, ManualClock, SeededIdSource, type ApiResponse } from "../index.js";

async function setup() {
  const clock = new ManualClock();
  const engine = new Engine({ clock, ids: new SeededIdSource(13) });
  const call = (method: string, path: string, query: Record<string, string> = {}, body?: unknown) =>
    engine.handle(body === undefined ? { method, path, query } : { method, path, query, body });
  const pulled = await call("POST", "/images/create", { fromImage: "alpine", tag: "latest" });
  if (pulled.stream?.kind === "json-lines") for await (const _ of pulled.stream.messages);
  const create = async (name: string, body: object) => {
    const response = await call("POST", "/containers/create", { name }, { Image: "alpine", ...body });
    if (response.status !== 201) throw new Error(JSON.stringify(response.body));
    return (response.body as { Id: string }).Id;
  };
  const state = async (ref: string) => {
    const body = (await call("GET", `/containers/${ref}/json`)).body as { State: Record<string, unknown>; RestartCount: number };
    return { ...body.State, RestartCount: body.RestartCount };
  };
  return { clock, call, create, state };
}

/** The first message of a wait stream, and whether it has arrived yet. */
function firstMessage(response: ApiResponse) {
  if (response.stream?.kind !== "json-lines") throw new Error(`no wait stream: ${JSON.stringify(response)}`);
  let arrived = false;
  const next = response.stream.messages[Symbol.asyncIterator]().next().then((r) => {
    arrived = true;
    return r.value as unknown;
  });
  const hasArrived = async () => {
    await new Promise((resolve) => setImmediate(resolve));
    return arrived;
  };
  return { next, arrived: hasArrived };
}

describe("restart policies", () => {
  it("always: restarts a crashing container with a doubling backoff, counting restarts", async () => {
    const { clock, call, create, state } = await setup();
    await create("crash", { Cmd: ["false"], HostConfig: { RestartPolicy: { Name: "always" } } });
    await call("POST", "/containers/crash/start");
    expect(await state("crash")).toMatchObject({ Status: "restarting", Running: true, Restarting: true, ExitCode: 1, RestartCount: 0 });
    const counts: number[] = [];
    for (const delay of [100, 200, 400, 800]) {
      clock.advance(delay - 1);
      counts.push((await state("crash")).RestartCount);
      clock.advance(1);
      counts.push((await state("crash")).RestartCount);
    }
    expect(counts).toEqual([0, 1, 1, 2, 2, 3, 3, 4]);
    expect(await state("crash")).toMatchObject({ Status: "restarting", ExitCode: 1 });
  });

  it("always: a stop during the backoff ends the loop", async () => {
    const { clock, call, create, state } = await setup();
    await create("crash", { Cmd: ["false"], HostConfig: { RestartPolicy: { Name: "always" } } });
    await call("POST", "/containers/crash/start");
    expect(await call("POST", "/containers/crash/stop")).toMatchObject({ status: 204 });
    clock.advance(60_000);
    expect(await state("crash")).toMatchObject({ Status: "exited", Running: false, Restarting: false, ExitCode: 1, RestartCount: 0 });
  });

  it("always: a container stopped by docker stop stays stopped", async () => {
    const { clock, call, create, state } = await setup();
    await create("svc", { Cmd: ["sleep", "1000"], HostConfig: { RestartPolicy: { Name: "always" } } });
    await call("POST", "/containers/svc/start");
    const stopping = call("POST", "/containers/svc/stop", { t: "1" });
    clock.advance(1_000);
    await stopping;
    clock.advance(60_000);
    expect(await state("svc")).toMatchObject({ Status: "exited", ExitCode: 137, RestartCount: 0 });
  });

  it("on-failure:2 gives up after two retries", async () => {
    const { clock, call, create, state } = await setup();
    await create("flaky", { Cmd: ["false"], HostConfig: { RestartPolicy: { Name: "on-failure", MaximumRetryCount: 2 } } });
    await call("POST", "/containers/flaky/start");
    clock.advance(100);
    expect(await state("flaky")).toMatchObject({ Status: "restarting", RestartCount: 1 });
    clock.advance(200);
    expect(await state("flaky")).toMatchObject({ Status: "exited", Running: false, Restarting: false, ExitCode: 1, RestartCount: 2 });
    clock.advance(60_000);
    expect((await state("flaky")).RestartCount).toBe(2);
  });

  it("on-failure does not restart a clean exit", async () => {
    const { clock, call, create, state } = await setup();
    await create("ok", { Cmd: ["true"], HostConfig: { RestartPolicy: { Name: "on-failure" } } });
    await call("POST", "/containers/ok/start");
    clock.advance(60_000);
    expect(await state("ok")).toMatchObject({ Status: "exited", ExitCode: 0, RestartCount: 0 });
  });

  it.each([
    [{ Name: "sometimes" }, "invalid restart policy: unknown policy 'sometimes'; use one of 'no', 'always', 'on-failure', or 'unless-stopped'"],
    [{ Name: "always", MaximumRetryCount: 3 }, "invalid restart policy: maximum retry count can only be used with 'on-failure'"],
    [{ Name: "on-failure", MaximumRetryCount: -1 }, "invalid restart policy: maximum retry count cannot be negative"],
  ])("rejects %j at create", async (policy, text) => {
    const { call } = await setup();
    expect(await call("POST", "/containers/create", {}, { Image: "alpine", HostConfig: { RestartPolicy: policy } })).toMatchObject({ status: 400, body: { message: text } });
  });

  it("refuses to remove a restarting container without force", async () => {
    const { call, create } = await setup();
    await create("crash", { Cmd: ["false"], HostConfig: { RestartPolicy: { Name: "always" } } });
    await call("POST", "/containers/crash/start");
    expect(await call("DELETE", "/containers/crash")).toMatchObject({
      status: 409,
      body: { message: 'cannot remove container "crash": container is restarting: stop the container before removing or force remove' },
    });
  });
});

describe("AutoRemove", () => {
  it("removes the container when it exits on its own", async () => {
    const { call, create } = await setup();
    await create("once", { Cmd: ["echo", "bye"], HostConfig: { AutoRemove: true } });
    expect(await call("POST", "/containers/once/start")).toMatchObject({ status: 204 });
    expect(await call("GET", "/containers/once/json")).toMatchObject({ status: 404, body: { message: "No such container: once" } });
  });

  it("removes the container after docker stop, and a removed-wait sees it go", async () => {
    const { clock, call, create } = await setup();
    await create("temp", { Cmd: ["sleep", "100"], HostConfig: { AutoRemove: true } });
    const removed = firstMessage(await call("POST", "/containers/temp/wait", { condition: "removed" }));
    await call("POST", "/containers/temp/start");
    const stopping = call("POST", "/containers/temp/stop");
    expect(await removed.arrived()).toBe(false);
    clock.advance(10_000);
    await stopping;
    expect(await removed.next).toEqual({ StatusCode: 137, Error: null });
    expect((await call("GET", "/containers/json", { all: "1" })).body).toEqual([]);
  });

  it("cannot be combined with a restart policy", async () => {
    const { call } = await setup();
    expect(await call("POST", "/containers/create", {}, { Image: "alpine", HostConfig: { AutoRemove: true, RestartPolicy: { Name: "always" } } })).toMatchObject({
      status: 400,
      body: { message: "can't create 'AutoRemove' container with restart policy" },
    });
  });

  it("removes the container when its start fails", async () => {
    const { call, create } = await setup();
    await create("typo", { Cmd: ["nosuchcmd"], HostConfig: { AutoRemove: true } });
    expect((await call("POST", "/containers/typo/start")).status).toBe(400);
    expect((await call("GET", "/containers/typo/json")).status).toBe(404);
  });
});

describe("wait conditions", () => {
  it("not-running answers at once for a container that is not running", async () => {
    const { call, create } = await setup();
    await create("idle", { Cmd: ["sleep", "5"] });
    const wait = firstMessage(await call("POST", "/containers/idle/wait"));
    expect(await wait.next).toEqual({ StatusCode: 0, Error: null });
  });

  it("not-running on a running container answers when it exits, with its exit code", async () => {
    const { clock, call, create } = await setup();
    await create("nap", { Cmd: ["sleep", "5"] });
    await call("POST", "/containers/nap/start");
    const response = await call("POST", "/containers/nap/wait", { condition: "not-running" });
    expect(response.status).toBe(200);
    const wait = firstMessage(response);
    clock.advance(4_999);
    expect(await wait.arrived()).toBe(false);
    clock.advance(1);
    expect(await wait.next).toEqual({ StatusCode: 0, Error: null });
  });

  it("next-exit, sent before start as docker run does, answers with the exit code of the run", async () => {
    const { call, create } = await setup();
    await create("fail", { Cmd: ["false"] });
    const wait = firstMessage(await call("POST", "/containers/fail/wait", { condition: "next-exit" }));
    expect(await wait.arrived()).toBe(false);
    await call("POST", "/containers/fail/start");
    expect(await wait.next).toEqual({ StatusCode: 1, Error: null });
  });

  it("next-exit on an exited container waits for the next run", async () => {
    const { call, create } = await setup();
    await create("again", { Cmd: ["true"] });
    await call("POST", "/containers/again/start");
    const wait = firstMessage(await call("POST", "/containers/again/wait", { condition: "next-exit" }));
    expect(await wait.arrived()).toBe(false);
    await call("POST", "/containers/again/start");
    expect(await wait.next).toEqual({ StatusCode: 0, Error: null });
  });

  it("removed answers when the container is removed", async () => {
    const { call, create } = await setup();
    await create("gone", { Cmd: ["false"] });
    await call("POST", "/containers/gone/start");
    const wait = firstMessage(await call("POST", "/containers/gone/wait", { condition: "removed" }));
    expect(await wait.arrived()).toBe(false);
    await call("DELETE", "/containers/gone");
    expect(await wait.next).toEqual({ StatusCode: 1, Error: null });
  });

  it("rejects an unknown condition", async () => {
    const { call, create } = await setup();
    await create("x1", {});
    expect(await call("POST", "/containers/x1/wait", { condition: "bogus" })).toMatchObject({ status: 400, body: { message: 'invalid condition: "bogus"' } });
  });
});
