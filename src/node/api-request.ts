// Turns an HTTP request (head + body bytes) into the engine's ApiRequest. Shared by the normal
// request path and the hijacked (upgrade) path, which reads its body off the raw socket.
import type { IncomingHttpHeaders } from "node:http";
import type { Readable } from "node:stream";
import type { ApiRequest } from "../engine/index.js";

/** Header names already made canonical: clients send the same few names on every request. */
const canonicalNames = new Map<string, string>();

/** Go's CanonicalMIMEHeaderKey: "x-registry-auth" → "X-Registry-Auth", as dockerd's handlers see it. */
function canonicalHeader(name: string): string {
  let canonical = canonicalNames.get(name);
  if (canonical === undefined) {
    canonical = name.replace(/(^|-)([a-z])/g, (_m, dash: string, c: string) => dash + c.toUpperCase());
    // Bounded: a client making up names must not grow it without end.
    if (canonicalNames.size < 512) canonicalNames.set(name, canonical);
  }
  return canonical;
}

export function headerRecord(headers: IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    out[canonicalHeader(name)] = Array.isArray(value) ? value.join(", ") : value;
  }
  return out;
}

/** Query values as Go's url.Values.Get reads them: the first occurrence of a key wins. */
export function queryRecord(search: URLSearchParams): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of search) if (!(key in out)) out[key] = value;
  return out;
}

/** JSON bodies beyond this are refused; dockerd has no limit, but a daemon here must not run out of memory. */
export const jsonBodyLimit = 32 * 1024 * 1024;
/** Tar uploads (build contexts, image loads, archives) may be larger. */
export const rawBodyLimit = 1024 * 1024 * 1024;

export class BodyTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`request body too large: the limit is ${limit} bytes`);
    this.name = "BodyTooLargeError";
  }
}

function isJsonType(contentType: string | undefined): boolean {
  const type = (contentType ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
  return type === "application/json" || type.endsWith("+json");
}

/** How many bytes of body a request of this Content-Type may bring. */
export function bodyLimit(contentType: string | undefined): number {
  return isJsonType(contentType) ? jsonBodyLimit : rawBodyLimit;
}

/**
 * Whether a request brings a body at all: in HTTP/1.1 only a Content-Length or a
 * Transfer-Encoding announces one. Most API calls (every GET) have none.
 */
export function hasBody(headers: IncomingHttpHeaders): boolean {
  const length = headers["content-length"];
  return headers["transfer-encoding"] !== undefined || (length !== undefined && length !== "0");
}

/**
 * Reads the whole body. Every request is drained, errors included: clients reuse keep-alive
 * sockets, and an unread chunked body would be parsed as the next request. Past `limit` the rest
 * is still read but dropped, and BodyTooLargeError is thrown once the body has ended.
 */
export async function readBody(stream: Readable, limit = Infinity): Promise<Buffer> {
  const parts: Buffer[] = [];
  let size = 0;
  for await (const part of stream) {
    const chunk = Buffer.isBuffer(part) ? part : Buffer.from(part as string);
    size += chunk.length;
    if (size <= limit) parts.push(chunk);
    else parts.length = 0;
  }
  if (size > limit) throw new BodyTooLargeError(limit);
  return Buffer.concat(parts);
}

/**
 * JSON stays text (the engine decodes it as Go's json.Decoder would, errors included); other
 * bodies are raw bytes (tar uploads), text/* bodies text.
 */
export function decodeBody(contentType: string | undefined, bytes: Buffer): unknown {
  if (bytes.length === 0) return undefined;
  const type = (contentType ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
  if (isJsonType(contentType) || type.startsWith("text/")) return bytes.toString("utf8");
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length);
}

export interface HttpHead {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
}

/**
 * A URL that is a plain path with no query: nothing for URL to parse. ("//" or "/\\" would
 * start an authority, which URL checks and may refuse, so those take the full parse.)
 */
function queryless(url: string): boolean {
  return url.charCodeAt(0) === 47 && url.charCodeAt(1) !== 47 && url.charCodeAt(1) !== 92 && !url.includes("?");
}

export function toApiRequest(head: HttpHead, bytes: Buffer): ApiRequest {
  const search = queryless(head.url) ? undefined : new URL(head.url, "http://docker").searchParams;
  const request: ApiRequest = {
    method: head.method.toUpperCase(),
    // Still percent-encoded: the router decodes each path parameter itself.
    path: head.url.split("?")[0] ?? "/",
    query: search ? queryRecord(search) : {},
    headers: headerRecord(head.headers),
  };
  const lists = search ? queryLists(search) : undefined;
  if (lists) request.queryLists = lists;
  const body = decodeBody(head.headers["content-type"], bytes);
  if (body !== undefined) request.body = body;
  // Tar uploads arrive labelled text/plain from docker's client: keep the bytes themselves too.
  if (bytes.length > 0 && !isJsonType(head.headers["content-type"])) request.rawBody = new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length);
  return request;
}

/** Keys given more than once, with every value in order (url.Values); undefined when none repeat. */
export function queryLists(search: URLSearchParams): Record<string, string[]> | undefined {
  const out: Record<string, string[]> = {};
  let repeated = false;
  for (const [key, value] of search) {
    const list = (out[key] ??= []);
    list.push(value);
    if (list.length > 1) repeated = true;
  }
  return repeated ? out : undefined;
}
