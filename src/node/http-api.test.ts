import { connect } from "node:net";
import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import type { ApiRequest, ApiResponse, StdioChunk } from "../engine/index.js";
import { createApiServer } from "./http-api.js";

/** A push-able async stream, like the engine's Channel, recording whether it was return()ed. */
function feed<T>() {
  const items: T[] = [];
  let wake: ((r: IteratorResult<T>) => void) | undefined;
  let ended = false;
  const state = { returned: false };
  const finish = () => {
    ended = true;
    wake?.({ value: undefined, done: true });
  };
  const iterable: AsyncIterable<T> = {
    [Symbol.asyncIterator]: () => ({
      next: () => {
        if (items.length > 0) return Promise.resolve({ value: items.shift() as T, done: false });
        if (ended) return Promise.resolve({ value: undefined, done: true });
        return new Promise<IteratorResult<T>>((resolve) => (wake = resolve));
      },
      return: () => {
        state.returned = true;
        finish();
        return Promise.resolve({ value: undefined, done: true });
      },
    }),
  };
  return {
    iterable,
    state,
    push: (item: T) => {
      const w = wake;
      wake = undefined;
      if (w) w({ value: item, done: false });
      else items.push(item);
    },
    end: finish,
  };
}

async function* listed<T>(items: T[]): AsyncIterable<T> {
  yield* items;
}

let server: Server | undefined;
const seen: ApiRequest[] = [];

async function serve(respond: (request: ApiRequest) => ApiResponse): Promise<number> {
  server = createApiServer({ handle: (request) => (seen.push(request), Promise.resolve(respond(request))) });
  await new Promise<void>((resolve) => server?.listen(0, "127.0.0.1", resolve));
  return (server.address() as AddressInfo).port;
}

/** Writes raw bytes and collects everything the server sends until it closes the socket. */
function raw(port: number, text: string, { halfClose = false, onData }: { halfClose?: boolean; onData?: (all: string) => void } = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, "127.0.0.1", () => {
      socket.write(text);
      if (halfClose) socket.end();
    });
    let all = "";
    socket.setEncoding("latin1").on("data", (d: string) => {
      all += d;
      onData?.(all);
    });
    socket.on("end", () => resolve(all)).on("error", reject);
  });
}

const headers = { "Api-Version": "1.50", Server: "Docker/28.2.2 (linux)" };

afterEach(async () => {
  seen.length = 0;
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
});

describe("createApiServer", () => {
  it("hands the engine method, raw path, first query values, Go-style headers and the JSON body text", async () => {
    const port = await serve(() => ({ status: 201, headers, body: { Id: "abc", Warnings: [] } }));
    const res = await fetch(`http://127.0.0.1:${port}/v1.50/containers/create?name=web&name=x`, {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-Registry-Auth": "e30=" },
      body: JSON.stringify({ Image: "nginx" }),
    });
    expect(res.status).toBe(201);
    expect(res.headers.get("content-type")).toBe("application/json");
    expect(res.headers.get("api-version")).toBe("1.50");
    expect(await res.text()).toBe('{"Id":"abc","Warnings":[]}\n');
    // JSON stays text: the engine decodes it as dockerd's json.Decoder does.
    expect(seen[0]).toMatchObject({ method: "POST", path: "/v1.50/containers/create", query: { name: "web" }, body: '{"Image":"nginx"}' });
    expect(seen[0]?.headers?.["X-Registry-Auth"]).toBe("e30=");
  });

  it("answers 204 and 304 with no body and HEAD with headers only", async () => {
    const port = await serve((r) => (r.method === "HEAD" ? { status: 200, headers: { "Content-Type": "text/plain; charset=utf-8" }, body: "" } : { status: 204, headers }));
    const none = await raw(port, "POST /containers/x/start HTTP/1.1\r\nHost: d\r\nConnection: close\r\n\r\n");
    expect(none).toMatch(/^HTTP\/1\.1 204 No Content\r\n/);
    expect(none).not.toMatch(/Content-Type|Transfer-Encoding/);
    expect(none.endsWith("\r\n\r\n")).toBe(true);
    const head = await fetch(`http://127.0.0.1:${port}/_ping`, { method: "HEAD" });
    expect([head.status, head.headers.get("content-length"), await head.text()]).toEqual([200, "0", ""]);
  });

  it("drains an unread chunked body so the next request on the socket still parses", async () => {
    const port = await serve(() => ({ status: 404, headers, body: { message: "page not found" } }));
    const request = "POST /nope HTTP/1.1\r\nHost: d\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n";
    const out = await raw(port, request + request.replace("Host: d", "Host: d\r\nConnection: close"));
    expect(out.match(/HTTP\/1\.1 404 Not Found/g)).toHaveLength(2);
    expect(out.match(/\{"message":"page not found"\}\n/g)).toHaveLength(2);
  });

  it("flushes a json-lines stream's headers before its first message (POST /wait)", async () => {
    const wait = feed<unknown>();
    const port = await serve(() => ({ status: 200, headers, stream: { kind: "json-lines", messages: wait.iterable } }));
    const res = await fetch(`http://127.0.0.1:${port}/v1.50/containers/x/wait`, { method: "POST" });
    expect(res.headers.get("content-type")).toBe("application/json");
    wait.push({ StatusCode: 3, Error: null });
    wait.end();
    expect(await res.text()).toBe('{"StatusCode":3,"Error":null}\n');
  });

  it("frames stdio without a TTY and sends it raw with one", async () => {
    const chunks: StdioChunk[] = [{ stream: "stdout", data: "hi\n" }, { stream: "stderr", data: "é" }];
    const port = await serve((r) => ({ status: 200, headers, stream: { kind: "stdio", tty: r.path.includes("tty"), chunks: listed(chunks) } }));
    const framed = await fetch(`http://127.0.0.1:${port}/containers/x/logs`);
    expect(framed.headers.get("content-type")).toBe("application/vnd.docker.multiplexed-stream");
    expect([...new Uint8Array(await framed.arrayBuffer())]).toEqual([1, 0, 0, 0, 0, 0, 0, 3, 104, 105, 10, 2, 0, 0, 0, 0, 0, 0, 2, 0xc3, 0xa9]);
    const tty = await fetch(`http://127.0.0.1:${port}/containers/tty/logs`);
    expect(tty.headers.get("content-type")).toBe("application/vnd.docker.raw-stream");
    expect(await tty.text()).toBe("hi\né");
  });

  it("return()s the stream when the client goes away, so followers stop", async () => {
    const logs = feed<StdioChunk>();
    const port = await serve(() => ({ status: 200, headers, stream: { kind: "stdio", tty: true, chunks: logs.iterable } }));
    logs.push({ stream: "stdout", data: "line\n" });
    await raw(port, "GET /containers/x/logs?follow=1 HTTP/1.1\r\nHost: d\r\n\r\n", {
      onData: (all) => all.includes("line") && server?.closeAllConnections(),
    }).catch(() => "");
    await expect.poll(() => logs.state.returned).toBe(true);
  });
});

describe("hijacked attach", () => {
  const attach = "POST /v1.50/containers/x/attach?stdout=1&stream=1 HTTP/1.1\r\nHost: d\r\nConnection: Upgrade\r\nUpgrade: tcp\r\nContent-Type: text/plain\r\n\r\n";

  it("writes 101 UPGRADED, then frames, and keeps writing after the client half-closes", async () => {
    const out = feed<StdioChunk>();
    const port = await serve(() => ({ status: 101, headers, stream: { kind: "stdio", tty: false, chunks: out.iterable } }));
    const done = raw(port, attach, { halfClose: true, onData: (all) => all.endsWith("\r\n\r\n") && (out.push({ stream: "stdout", data: "hi\n" }), out.end()) });
    expect(await done).toBe(
      "HTTP/1.1 101 UPGRADED\r\nContent-Type: application/vnd.docker.multiplexed-stream\r\nConnection: Upgrade\r\nUpgrade: tcp\r\n\r\n\x01\0\0\0\0\0\0\x03hi\n",
    );
  });

  it("answers an error before the hijack as a plain HTTP response", async () => {
    const port = await serve(() => ({ status: 404, headers, body: { message: "No such container: x" } }));
    const out = await raw(port, attach);
    expect(out).toMatch(/^HTTP\/1\.1 404 Not Found\r\n/);
    expect(out.endsWith('\r\n\r\n{"message":"No such container: x"}\n')).toBe(true);
  });
});
