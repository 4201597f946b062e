// Hijacked connections: requests sent with "Connection: Upgrade" (attach, exec start) reach
// Node as 'upgrade' events with the raw socket. We answer "101 UPGRADED" ourselves and then use
// the socket as the container's stdio, as moby's hijack does.
import type { IncomingMessage } from "node:http";
import { STATUS_CODES } from "node:http";
import type { Duplex } from "node:stream";
import { StringDecoder } from "node:string_decoder";
import { Channel, type ApiRequest, type ApiResponse, type ApiStream } from "../engine/index.js";
import { toApiRequest } from "./api-request.js";
import { encodeBody, encodeChunk, jsonBytes, pump, rawStream, send, stdioContentType } from "./response-writer.js";

type Handler = (request: ApiRequest) => Promise<ApiResponse>;

/** The request body of an upgrade request: Content-Length bytes from `head` and the socket. */
function readUpgradeBody(req: IncomingMessage, socket: Duplex, head: Buffer): Promise<Buffer> {
  const length = Number(req.headers["content-length"] ?? 0);
  if (!Number.isFinite(length) || length <= head.length) {
    if (head.length > length) socket.unshift(head.subarray(Math.max(0, length)));
    return Promise.resolve(head.subarray(0, Math.max(0, length)));
  }
  return new Promise((resolve) => {
    const parts = [head];
    let got = head.length;
    const onData = (data: Buffer) => {
      parts.push(data);
      got += data.length;
      if (got < length) return;
      socket.off("data", onData);
      socket.pause();
      const all = Buffer.concat(parts);
      if (all.length > length) socket.unshift(all.subarray(length));
      resolve(all.subarray(0, length));
    };
    socket.on("data", onData);
    // A client that hangs up mid-body gets its partial body handled; the reply then goes nowhere.
    socket.once("close", () => resolve(Buffer.concat(parts)));
  });
}

/** What the client writes after the request: the process's stdin, ending at its half-close. */
function stdinOf(socket: Duplex): AsyncIterable<string> {
  const input = new Channel<string>();
  const decoder = new StringDecoder("utf8");
  socket.on("data", (data: Buffer) => {
    const text = decoder.write(data);
    if (text) input.push(text);
  });
  socket.once("end", () => input.close());
  socket.once("close", () => input.close());
  return input;
}

function statusLine(status: number, text = STATUS_CODES[status] ?? ""): string {
  return `HTTP/1.1 ${status} ${text}\r\n`;
}

function headerLines(headers: Record<string, string>): string {
  return Object.entries(headers).map(([k, v]) => `${k}: ${v}\r\n`).join("");
}

/** A response that is not a stream (e.g. 404 No such container) as a plain HTTP reply. */
function writePlain(socket: Duplex, response: ApiResponse): void {
  const { bytes, contentType } = encodeBody(response);
  const headers: Record<string, string> = { ...response.headers, Connection: "close" };
  if (contentType && bytes.length > 0) headers["Content-Type"] = contentType;
  if (response.status !== 204 && response.status !== 304) headers["Content-Length"] = String(bytes.length);
  socket.end(Buffer.concat([Buffer.from(statusLine(response.status) + headerLines(headers) + "\r\n"), bytes]));
}

/** dockerd names the multiplexed media type only to clients of API 1.42 and later. */
function hijackContentType(path: string, tty: boolean): string {
  const version = /^\/v(\d+)\.(\d+)\//.exec(path);
  const old = version !== null && (Number(version[1]) < 1 || (Number(version[1]) === 1 && Number(version[2]) < 42));
  return old ? rawStream : stdioContentType(tty);
}

/** Exec start also copies the headers already set (Api-Version, Server) after its own three. */
function execStartHeaders(path: string, response: ApiResponse): Record<string, string> {
  if (!/\/exec\/[^/]+\/start$/.test(path)) return {};
  return Object.fromEntries(Object.entries(response.headers ?? {}).sort(([a], [b]) => (a < b ? -1 : 1)));
}

async function writeHijacked(socket: Duplex, path: string, stream: ApiStream, extraHeaders: Record<string, string> = {}): Promise<void> {
  const tty = stream.kind === "stdio" && stream.tty;
  // Exactly dockerd's attach reply: these three headers and nothing else.
  const headers = { "Content-Type": hijackContentType(path, tty), Connection: "Upgrade", Upgrade: "tcp", ...extraHeaders };
  socket.write(statusLine(101, "UPGRADED") + headerLines(headers) + "\r\n");
  // The client half-closes after stdin EOF and keeps reading, so its FIN must not end our
  // side; what it sent went to the request's stdin (see stdinOf).
  socket.resume();
  const gone = new Promise<void>((resolve) => {
    socket.once("close", () => resolve());
    socket.once("error", () => resolve());
  });
  if (stream.kind === "stdio") await pump(stream.chunks, (chunk) => send(socket, encodeChunk(chunk, tty), gone), gone);
  else await pump(stream.messages, (message) => send(socket, jsonBytes(message), gone), gone);
  if (socket.writable) socket.end();
}

export function createUpgradeHandler(handle: Handler): (req: IncomingMessage, socket: Duplex, head: Buffer) => void {
  return (req, socket, head) => {
    socket.on("error", () => undefined);
    void (async () => {
      const body = await readUpgradeBody(req, socket, head);
      const request = { ...toApiRequest({ method: req.method ?? "GET", url: req.url ?? "/", headers: req.headers }, body), stdin: stdinOf(socket) };
      const response = await handle(request);
      if (response.stream) await writeHijacked(socket, request.path, response.stream, execStartHeaders(request.path, response));
      else writePlain(socket, response);
    })().catch((error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      writePlain(socket, { status: 500, body: { message } });
    });
  };
}
