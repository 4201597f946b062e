import { describe, expect, it } from "vitest";
import { Engine, ManualClock, SeededIdSource, type ApiResponse, type StdioChunk } from "../index.js";

const startedAt = Date.parse("2026-01-15T09:00:00Z") / 1000;

// nginx at 09:00:00 writes its entrypoint's 9 lines to stdout and 8 notices to stderr; stopped at
// 09:01:00, it writes 2 more notices to stderr.
async function setup(options: { stop?: boolean; body?: object } = {}) {
  const clock = new ManualClock();
  const engine = new Engine({ clock, ids: new SeededIdSource(17) });
  const call = (method: string, path: string, query: Record<string, string> = {}, body?: unknown) =>
    engine.handle(body === undefined ? { method, path, query } : { method, path, query, body });
  for (const image of ["nginx", "alpine"]) {
    const pulled = await call("POST", "/images/create", { fromImage: image, tag: "latest" });
    if (pulled.stream?.kind === "json-lines") for await (const _ of pulled.stream.messages);
  }
  await call("POST", "/containers/create", { name: "web" }, { Image: "nginx", ...options.body });
  await call("POST", "/containers/web/start");
  clock.advance(60_000);
  if (options.stop ?? true) await call("POST", "/containers/web/stop");
  const logs = (query: Record<string, string>) => call("GET", "/containers/web/logs", query);
  return { clock, call, logs };
}

async function chunks(response: ApiResponse): Promise<StdioChunk[]> {
  if (response.stream?.kind !== "stdio") throw new Error(`no log stream: ${JSON.stringify(response)}`);
  const out: StdioChunk[] = [];
  for await (const chunk of response.stream.chunks) out.push(chunk);
  return out;
}

const shutdown = [
  "2026/01/15 09:01:00 [notice] 1#1: signal 3 (SIGQUIT) received, graceful shutdown\n",
  "2026/01/15 09:01:00 [notice] 1#1: exit\n",
];

describe("GET /containers/{id}/logs", () => {
  it("returns both streams in the order written, as stdio chunks without a TTY", async () => {
    const { logs } = await setup();
    const response = await logs({ stdout: "1", stderr: "1" });
    expect(response.status).toBe(200);
    expect(response.stream).toMatchObject({ kind: "stdio", tty: false });
    const all = await chunks(response);
    expect(all.map((c) => c.stream)).toEqual([...Array(9).fill("stdout"), ...Array(10).fill("stderr")]);
    expect(all[0]).toEqual({ stream: "stdout", data: "/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration\n" });
    expect(all[9]).toEqual({ stream: "stderr", data: '2026/01/15 09:00:00 [notice] 1#1: using the "epoll" event method\n' });
    expect(all.slice(-2).map((c) => c.data)).toEqual(shutdown);
  });

  it("selects stdout or stderr alone", async () => {
    const { logs } = await setup();
    const out = await chunks(await logs({ stdout: "1" }));
    expect(out).toHaveLength(9);
    expect(out.every((c) => c.stream === "stdout")).toBe(true);
    expect(out.at(-1)?.data).toBe("/docker-entrypoint.sh: Configuration complete; ready for start up\n");
    const err = await chunks(await logs({ stderr: "1" }));
    expect(err).toHaveLength(10);
    expect(err.every((c) => c.stream === "stderr")).toBe(true);
  });

  it("refuses a request for neither stream", async () => {
    const { logs } = await setup();
    expect(await logs({})).toMatchObject({ status: 400, body: { message: "Bad parameters: you must choose at least one stream" } });
    expect(await logs({ stdout: "0", stderr: "false" })).toMatchObject({ status: 400 });
  });

  it("tail keeps the last N lines; 0 keeps none and all keeps every one", async () => {
    const { logs } = await setup();
    expect((await chunks(await logs({ stdout: "1", stderr: "1", tail: "2" }))).map((c) => c.data)).toEqual(shutdown);
    expect(await chunks(await logs({ stdout: "1", stderr: "1", tail: "0" }))).toEqual([]);
    expect(await chunks(await logs({ stdout: "1", stderr: "1", tail: "all" }))).toHaveLength(19);
    expect((await chunks(await logs({ stdout: "1", tail: "1" }))).map((c) => c.data)).toEqual([
      "/docker-entrypoint.sh: Configuration complete; ready for start up\n",
    ]);
  });

  it("timestamps prefixes each line with nine fixed fraction digits", async () => {
    const { logs } = await setup();
    expect((await chunks(await logs({ stdout: "1", stderr: "1", tail: "2", timestamps: "1" }))).map((c) => c.data)).toEqual(
      shutdown.map((line) => `2026-01-15T09:01:00.000000000Z ${line}`),
    );
  });

  it("since and until select by the time a line was written", async () => {
    const { logs } = await setup();
    expect((await chunks(await logs({ stdout: "1", stderr: "1", since: String(startedAt + 30) }))).map((c) => c.data)).toEqual(shutdown);
    expect(await chunks(await logs({ stdout: "1", stderr: "1", since: String(startedAt + 60) }))).toHaveLength(2);
    expect(await chunks(await logs({ stdout: "1", stderr: "1", since: String(startedAt + 60.5) }))).toEqual([]);
    expect(await chunks(await logs({ stdout: "1", stderr: "1", until: String(startedAt + 30) }))).toHaveLength(17);
  });

  it("follow on a running container streams new lines and ends when it exits", async () => {
    const { clock, call, logs } = await setup({ stop: false });
    const response = await logs({ stdout: "1", stderr: "1", follow: "1", tail: "1" });
    const collected = chunks(response);
    clock.advance(1_000);
    await call("POST", "/containers/web/stop");
    expect((await collected).map((c) => c.data)).toEqual([
      "2026/01/15 09:00:00 [notice] 1#1: start worker process 30\n",
      "2026/01/15 09:01:01 [notice] 1#1: signal 3 (SIGQUIT) received, graceful shutdown\n",
      "2026/01/15 09:01:01 [notice] 1#1: exit\n",
    ]);
  });

  it("follow on a stopped container returns what there is and ends", async () => {
    const { logs } = await setup();
    expect((await chunks(await logs({ stdout: "1", stderr: "1", follow: "1", tail: "2" }))).map((c) => c.data)).toEqual(shutdown);
  });

  it("keeps what a short-lived container printed, and marks TTY output as raw (pty line ends)", async () => {
    const { call } = await setup();
    await call("POST", "/containers/create", { name: "hi" }, { Image: "alpine", Cmd: ["echo", "hi", "there"], Tty: true });
    await call("POST", "/containers/hi/start");
    const response = await call("GET", "/containers/hi/logs", { stdout: "1", stderr: "1" });
    expect(response.stream).toMatchObject({ kind: "stdio", tty: true });
    expect(await chunks(response)).toEqual([{ stream: "stdout", data: "hi there\r\n" }]);
  });

  it("refuses to read logs of a container whose logging driver is none", async () => {
    const { logs } = await setup({ body: { HostConfig: { LogConfig: { Type: "none" } } } });
    expect(await logs({ stdout: "1" })).toMatchObject({ status: 400, body: { message: "configured logging driver does not support reading" } });
  });
});
