// HttpTransport against a real daemon (startDaemon on a free port): what comes back must be what
// the engine answers in-process, streams included, so the client above works unchanged.
import type { Server as HttpServer } from "node:http";
import { createServer, type Server } from "node:net";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiError, DockerClient, type StdioChunk } from "../client/index.js";
import type { ApiRequest, ApiResponse } from "../engine/index.js";
import { startDaemon, type Daemon } from "./daemon.js";
import { createApiServer } from "./http-api.js";
import { HttpTransport } from "./http-transport.js";

let daemon: Daemon;
let transport: HttpTransport;
let client: DockerClient;

beforeAll(async () => {
  daemon = await startDaemon({ hosts: ["tcp://127.0.0.1:0"], ignoreHostPorts: true });
  transport = new HttpTransport({ host: `tcp://${daemon.addresses[0] ?? ""}` });
  client = new DockerClient(transport);
  for await (const _ of await client.imagePull("alpine", "latest"));
});

afterAll(async () => {
  transport.close();
  await daemon.close();
});

async function collect(chunks: AsyncIterable<StdioChunk>): Promise<StdioChunk[]> {
  const out: StdioChunk[] = [];
  for await (const chunk of chunks) {
    const last = out[out.length - 1];
    // Frames may be split or merged on the wire: compare per stream, not per frame.
    if (last?.stream === chunk.stream) last.data += chunk.data;
    else out.push({ ...chunk });
  }
  return out;
}

/** Runs a container to completion and returns its id. */
async function ran(cmd: string[], tty = false): Promise<string> {
  const { Id } = await client.containerCreate({ Image: "alpine", Cmd: cmd, Tty: tty });
  const wait = await client.containerWait(Id, "next-exit");
  await client.containerStart(Id);
  await wait.result;
  return Id;
}

describe("HttpTransport, plain answers", () => {
  it("decodes JSON bodies and keeps the headers", async () => {
    const response = await transport.request({ method: "GET", path: "/v1.50/version" });
    expect(response.status).toBe(200);
    expect(response.headers?.["Api-Version"]).toBe("1.50");
    expect(response.headers?.["Content-Type"]).toBe("application/json");
    expect(response.body).toMatchObject({ ApiVersion: "1.50", Os: "linux" });
  });

  it("keeps an error's JSON {message}, which the client raises as ApiError", async () => {
    const response = await transport.request({ method: "GET", path: "/v1.50/containers/nope/json" });
    expect([response.status, response.body]).toEqual([404, { message: "No such container: nope" }]);
    await expect(client.containerInspect("nope")).rejects.toThrow(new ApiError(404, "No such container: nope"));
  });

  it("returns text bodies as strings: GET and HEAD /_ping", async () => {
    expect((await transport.request({ method: "GET", path: "/_ping" })).body).toBe("OK");
    const head = await transport.request({ method: "HEAD", path: "/_ping" });
    expect([head.status, head.body, head.headers?.["Ostype"]]).toEqual([200, "", "linux"]);
  });

  it("sends JSON bodies and queries (201 from create, 204 from start)", async () => {
    const created = await transport.request({ method: "POST", path: "/v1.50/containers/create", query: { name: "via-http" }, body: { Image: "alpine", Cmd: ["true"] } });
    expect(created.status).toBe(201);
    const id = (created.body as { Id: string }).Id;
    expect(await transport.request({ method: "POST", path: `/v1.50/containers/${id}/start` })).toMatchObject({ status: 204 });
    expect((await client.containerInspect("via-http")).Id).toBe(id);
  });

  it("reports a daemon that is not there as docker does", async () => {
    const gone = new HttpTransport({ host: "tcp://127.0.0.1:1" });
    await expect(gone.request({ method: "GET", path: "/v1.50/containers/json" })).rejects.toThrow(
      "Cannot connect to the Docker daemon at tcp://127.0.0.1:1. Is the docker daemon running?",
    );
    const socket = new HttpTransport({ host: "unix:///nonexistent/docker.sock" });
    await expect(socket.request({ method: "GET", path: "/v1.50/containers/json" })).rejects.toThrow(
      "Cannot connect to the Docker daemon at unix:///nonexistent/docker.sock. Is the docker daemon running?",
    );
  });
});

describe("HttpTransport, streams", () => {
  it("reads pull progress as json-lines messages", async () => {
    const messages: unknown[] = [];
    for await (const message of await client.imagePull("busybox", "latest")) messages.push(message);
    expect(messages[0]).toEqual({ status: "Pulling from library/busybox", id: "latest" });
    expect(messages[messages.length - 1]).toMatchObject({ status: "Status: Downloaded newer image for busybox:latest" });
  });

  it("delivers a wait's result after the headers, and the exit code", async () => {
    const { Id } = await client.containerCreate({ Image: "alpine", Cmd: ["sh", "-c", "exit 3"] });
    const wait = await client.containerWait(Id, "next-exit");
    await client.containerStart(Id);
    expect(await wait.result).toEqual({ StatusCode: 3, Error: null });
  });

  it("demultiplexes logs into stdout and stderr, and reads TTY logs raw", async () => {
    const id = await ran(["sh", "-c", "echo out; echo é; echo err >&2"]);
    const logs = await client.containerLogs(id, { stdout: true, stderr: true });
    expect(logs.tty).toBe(false);
    expect(await collect(logs.output)).toEqual([
      { stream: "stdout", data: "out\né\n" },
      { stream: "stderr", data: "err\n" },
    ]);
    const tty = await client.containerLogs(await ran(["echo", "tty"], true), { stdout: true, stderr: true });
    expect(tty.tty).toBe(true);
    expect(await collect(tty.output)).toEqual([{ stream: "stdout", data: "tty\r\n" }]);
  });

  it("stops a followed stream when the reader returns early (Ctrl-C on logs -f)", async () => {
    const { Id } = await client.containerCreate({ Image: "alpine", Cmd: ["sh", "-c", "echo tick; sleep 100"] });
    await client.containerStart(Id);
    const { output } = await client.containerLogs(Id, { follow: true, stdout: true, stderr: true });
    const iterator = output[Symbol.asyncIterator]();
    expect((await iterator.next()).value).toEqual({ stream: "stdout", data: "tick\n" });
    const pending = iterator.next();
    await iterator.return?.();
    // A next() already waiting settles too, instead of hanging until the next line.
    expect(await pending).toEqual({ value: undefined, done: true });
    await client.containerRemove(Id, { force: true });
  });

  it("hijacks exec start: output demultiplexed, then the exit code", async () => {
    const { Id } = await client.containerCreate({ Image: "alpine", Cmd: ["sleep", "100"] });
    await client.containerStart(Id);
    const exec = await client.containerExecCreate(Id, { Cmd: ["sh", "-c", "echo a; echo b >&2; exit 4"], AttachStdout: true, AttachStderr: true });
    const started = await client.containerExecStart(exec.Id);
    expect(started.tty).toBe(false);
    expect(await collect(started.output)).toEqual([
      { stream: "stdout", data: "a\n" },
      { stream: "stderr", data: "b\n" },
    ]);
    expect((await client.containerExecInspect(exec.Id)).ExitCode).toBe(4);
    await client.containerRemove(Id, { force: true });
  });

  it("hijacks attach before start, as docker run does", async () => {
    const { Id } = await client.containerCreate({ Image: "alpine", Cmd: ["sh", "-c", "echo hello; echo oops >&2; exit 2"] });
    const attached = await client.containerAttach(Id);
    const wait = await client.containerWait(Id, "next-exit");
    await client.containerStart(Id);
    expect(await collect(attached.output)).toEqual([
      { stream: "stdout", data: "hello\n" },
      { stream: "stderr", data: "oops\n" },
    ]);
    expect((await wait.result).StatusCode).toBe(2);
  });

  it("answers a hijack the daemon refused with moby's message", async () => {
    await expect(client.containerAttach("nope")).rejects.toThrow("unable to upgrade to tcp, received 404");
  });
});

describe("HttpTransport, hijacked stdin", () => {
  let server: Server;
  beforeAll(async () => {
    // A daemon stand-in that echoes stdin back as stdout frames and says when it saw EOF.
    server = createServer({ allowHalfOpen: true }, (socket) => {
      let head = "";
      const frame = (text: string) => {
        const payload = Buffer.from(text);
        const header = Buffer.alloc(8);
        header[0] = 1;
        header.writeUInt32BE(payload.length, 4);
        socket.write(Buffer.concat([header, payload]));
      };
      socket.on("data", (data: Buffer) => {
        if (!head.endsWith("\r\n\r\n")) {
          head += data.toString("latin1");
          if (head.endsWith("\r\n\r\n")) socket.write("HTTP/1.1 101 UPGRADED\r\nContent-Type: application/vnd.docker.multiplexed-stream\r\nConnection: Upgrade\r\nUpgrade: tcp\r\n\r\n");
          return;
        }
        frame(`got ${data.toString()}`);
      });
      socket.on("end", () => {
        frame("stdin closed\n");
        socket.end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("forwards stdin, half-closes at its end, and keeps reading", async () => {
    const hijacker = new HttpTransport({ host: `tcp://127.0.0.1:${(server.address() as AddressInfo).port}`, negotiate: false });
    async function* typed() {
      yield "one\n";
      await new Promise((resolve) => setTimeout(resolve, 20));
      yield "two\n";
    }
    const response = await hijacker.request({ method: "POST", path: "/v1.50/containers/x/attach", query: { stdin: "1", stream: "1" }, stdin: typed() });
    expect(response.status).toBe(101);
    const chunks = response.stream?.kind === "stdio" ? await collect(response.stream.chunks) : [];
    expect(chunks).toEqual([{ stream: "stdout", data: "got one\ngot two\nstdin closed\n" }]);
    hijacker.close();
  });
});

describe("HttpTransport against a scripted server", () => {
  let server: HttpServer;
  const seen: ApiRequest[] = [];
  let respond: (request: ApiRequest) => ApiResponse = () => ({ status: 204 });
  let host = "";
  beforeAll(async () => {
    server = createApiServer({ handle: (request) => (seen.push(request), Promise.resolve(respond(request))) });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    host = `tcp://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => {
    server.closeAllConnections();
    return new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it("speaks an older daemon's API version, and sorts the query as Go encodes it", async () => {
    respond = (r) => (r.method === "HEAD" ? { status: 200, headers: { "Api-Version": "1.47", "Content-Type": "text/plain; charset=utf-8" }, body: "" } : { status: 200, body: [] });
    seen.length = 0;
    const older = new HttpTransport({ host });
    await new DockerClient(older).containerList({ all: true, filters: { name: ["a b"] } });
    expect(seen.map((r) => `${r.method} ${r.path}`)).toEqual(["HEAD /_ping", "GET /v1.47/containers/json"]);
    expect(seen[1]?.query).toEqual({ all: "1", filters: '{"name":{"a b":true}}' });
    older.close();
  });

  it("returns binary bodies as bytes", async () => {
    respond = () => ({ status: 200, body: new Uint8Array([0, 1, 255]) });
    const response = await new HttpTransport({ host, negotiate: false }).request({ method: "GET", path: "/v1.50/images/get" });
    expect(response.headers?.["Content-Type"]).toBe("application/octet-stream");
    expect(response.body).toEqual(new Uint8Array([0, 1, 255]));
  });

  it("closes the request when the reader of a json-lines stream returns", async () => {
    const state = { returned: false };
    respond = () => ({
      status: 200,
      stream: {
        kind: "json-lines",
        messages: {
          [Symbol.asyncIterator]: () => ({
            next: () => (state.returned ? Promise.resolve({ value: undefined, done: true }) : new Promise((resolve) => setTimeout(() => resolve({ value: { Action: "tick" }, done: false }), 5))),
            return: () => ((state.returned = true), Promise.resolve({ value: undefined, done: true as const })),
          }),
        },
      },
    });
    const events = await new DockerClient(new HttpTransport({ host, negotiate: false })).events();
    for await (const event of events) {
      expect(event).toEqual({ Action: "tick" });
      break;
    }
    await expect.poll(() => state.returned).toBe(true);
  });

  it("fails a stream on a systemerr frame with stdcopy's message", async () => {
    const raw = createServer((socket) =>
      socket.once("data", () => {
        const payload = Buffer.from("Error grabbing logs: boom");
        const header = Buffer.from([3, 0, 0, 0, 0, 0, 0, payload.length]);
        socket.end(Buffer.concat([Buffer.from("HTTP/1.1 200 OK\r\nContent-Type: application/vnd.docker.multiplexed-stream\r\nConnection: close\r\n\r\n"), header, payload]));
      }),
    );
    await new Promise<void>((resolve) => raw.listen(0, "127.0.0.1", resolve));
    const logs = await new DockerClient(new HttpTransport({ host: `tcp://127.0.0.1:${(raw.address() as AddressInfo).port}`, negotiate: false })).containerLogs("x", {});
    await expect(collect(logs.output)).rejects.toThrow("error from daemon in stream: Error grabbing logs: boom");
    raw.close();
  });
});
