// Writes an engine ApiResponse onto a Node ServerResponse: JSON the way Go's encoder writes it,
// newline-delimited JSON streams flushed per message, and container output as stdcopy frames
// (moby pkg/stdcopy: 8-byte multiplexed frames without a TTY, raw bytes with one).
import type { ServerResponse } from "node:http";
import type { Writable } from "node:stream";
import type { ApiResponse, ApiStream, StdioChunk } from "../engine/index.js";

export const multiplexedStream = "application/vnd.docker.multiplexed-stream";
export const rawStream = "application/vnd.docker.raw-stream";

const streamIds = { stdin: 0, stdout: 1, stderr: 2, systemerr: 3 } as const;

export function stdioContentType(tty: boolean): string {
  return tty ? rawStream : multiplexedStream;
}

/** One frame: [stream, 0, 0, 0, size as big-endian uint32] then the payload. */
export function frame(stream: keyof typeof streamIds, payload: Buffer): Buffer {
  const header = Buffer.alloc(8);
  header[0] = streamIds[stream];
  header.writeUInt32BE(payload.length, 4);
  return Buffer.concat([header, payload]);
}

/** The bytes for one chunk of output; undefined for an empty chunk (a zero frame means nothing). */
export function encodeChunk(chunk: StdioChunk, tty: boolean): Buffer | undefined {
  const payload = Buffer.from(chunk.data, "utf8");
  if (payload.length === 0) return undefined;
  return tty ? payload : frame(chunk.stream, payload);
}

/** json.Encoder.Encode: the document followed by a newline. */
export function jsonBytes(body: unknown): Buffer {
  return Buffer.from(`${JSON.stringify(body)}\n`, "utf8");
}

/** The body bytes and content type of a non-stream response. */
export function encodeBody(response: ApiResponse): { bytes: Buffer; contentType?: string } {
  const { body } = response;
  if (body === undefined || response.status === 204 || response.status === 304) return { bytes: Buffer.alloc(0) };
  if (body instanceof Uint8Array) return { bytes: Buffer.from(body), contentType: "application/octet-stream" };
  // Plain text answers (GET /_ping "OK") carry their own Content-Type from the router.
  if (typeof body === "string" && response.headers?.["Content-Type"]?.startsWith("text/")) {
    return { bytes: Buffer.from(body, "utf8") };
  }
  return { bytes: jsonBytes(body), contentType: "application/json" };
}

function withDefault(headers: Record<string, string>, name: string, value: string | undefined): Record<string, string> {
  if (value === undefined) return headers;
  const wanted = name.toLowerCase();
  for (const h in headers) if (h.toLowerCase() === wanted) return headers;
  return { ...headers, [name]: value };
}

/**
 * A JSON answer's text (json.Encoder's, newline included), or undefined for any other body.
 * Written as a string, Node sends it together with the head in one write, where bytes would
 * go as a second buffer of a writev.
 */
function jsonText(response: ApiResponse): string | undefined {
  const { body } = response;
  if (body === undefined || response.status === 204 || response.status === 304 || body instanceof Uint8Array) return undefined;
  if (typeof body === "string" && response.headers?.["Content-Type"]?.startsWith("text/")) return undefined;
  return `${JSON.stringify(body)}\n`;
}

export async function writeApiResponse(res: ServerResponse, response: ApiResponse, method: string): Promise<void> {
  const headers = response.headers ?? {};
  if (response.stream) {
    if (response.status === 101) {
      // Attach without "Upgrade: tcp": dockerd answers 200 raw-stream on the hijacked
      // connection, unframed by HTTP and closed at the end of the output.
      res.useChunkedEncodingByDefault = false;
      res.shouldKeepAlive = false;
      await writeStream(res, 200, { ...headers, "Content-Type": rawStream }, response.stream);
      return;
    }
    await writeStream(res, response.status, headers, response.stream);
    return;
  }
  const text = method === "HEAD" ? undefined : jsonText(response);
  if (text !== undefined) {
    res.writeHead(response.status, { ...withDefault(headers, "Content-Type", "application/json"), "Content-Length": String(Buffer.byteLength(text, "utf8")) });
    res.end(text, "utf8");
    return;
  }
  const { bytes, contentType } = encodeBody(response);
  const all = withDefault(headers, "Content-Type", bytes.length > 0 ? contentType : undefined);
  // HEAD /_ping: the headers of GET with no body, as net/http does it.
  if (method === "HEAD" || bytes.length === 0) {
    res.writeHead(response.status, { ...all, ...(response.status === 204 || response.status === 304 ? {} : { "Content-Length": String(bytes.length) }) });
    res.end();
    return;
  }
  res.writeHead(response.status, { ...all, "Content-Length": String(bytes.length) });
  res.end(bytes);
}

/** Pulls from an async iterable until it ends or the client goes away; then return()s it. */
export async function pump<T>(source: AsyncIterable<T>, onItem: (item: T) => boolean | Promise<boolean>, closed: Promise<void>): Promise<void> {
  const iterator = source[Symbol.asyncIterator]();
  let gone = false;
  const goneSignal = closed.then(() => {
    gone = true;
    return { done: true, value: undefined } as const;
  });
  try {
    for (;;) {
      const next = await Promise.race([iterator.next(), goneSignal]);
      if (gone || next.done) break;
      if (!(await onItem(next.value))) break;
    }
  } finally {
    // Stops followers (logs -f, events, attach) in the engine once nobody reads them. Not
    // awaited: an async generator blocked in next() settles its return() only after that.
    void Promise.resolve(iterator.return?.()).catch(() => undefined);
  }
}

/**
 * Writes and, when the peer reads slower than the engine produces (a large `docker logs`),
 * waits for 'drain'. False once the peer is gone.
 */
export async function send(target: Writable, bytes: Buffer | undefined, gone: Promise<void>): Promise<boolean> {
  if (!target.writable) return false;
  if (bytes && !target.write(bytes)) await Promise.race([new Promise((resolve) => target.once("drain", resolve)), gone]);
  return target.writable;
}

/** Resolves when the client's connection closes before the response was finished. */
export function clientGone(res: ServerResponse): Promise<void> {
  return new Promise((resolve) => res.once("close", () => resolve()));
}

async function writeStream(res: ServerResponse, status: number, headers: Record<string, string>, stream: ApiStream): Promise<void> {
  const contentType = stream.kind === "json-lines" ? "application/json" : stdioContentType(stream.tty);
  res.writeHead(status, withDefault(headers, "Content-Type", contentType));
  // POST /containers/{id}/wait: the CLI waits for these headers before it starts the container.
  res.flushHeaders();
  const gone = clientGone(res);
  if (stream.kind === "json-lines") await pump(stream.messages, (message) => send(res, jsonBytes(message), gone), gone);
  else await pump(stream.chunks, (chunk) => send(res, encodeChunk(chunk, stream.tty), gone), gone);
  if (!res.writableEnded) res.end();
}
