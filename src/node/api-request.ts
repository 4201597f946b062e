// Turns an HTTP request (head + body bytes) into the engine's ApiRequest. Shared by the normal
// request path and the hijacked (upgrade) path, which reads its body off the raw socket.
import type { IncomingHttpHeaders } from "node:http";
import type { Readable } from "node:stream";
import type { ApiRequest } from "../engine/index.js";

/** Go's CanonicalMIMEHeaderKey: "x-registry-auth" → "X-Registry-Auth", as dockerd's handlers see it. */
function canonicalHeader(name: string): string {
  return name.replace(/(^|-)([a-z])/g, (_m, dash: string, c: string) => dash + c.toUpperCase());
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

/**
 * Reads the whole body. Every request is drained, errors included: clients reuse keep-alive
 * sockets, and an unread chunked body would be parsed as the next request.
 */
export async function readBody(stream: Readable): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const part of stream) parts.push(Buffer.isBuffer(part) ? part : Buffer.from(part as string));
  return Buffer.concat(parts);
}

/** JSON when the client says so (and sent something), raw bytes otherwise (tar uploads). */
export function decodeBody(contentType: string | undefined, bytes: Buffer): unknown {
  if (bytes.length === 0) return undefined;
  const type = (contentType ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
  if (type === "application/json" || type.endsWith("+json")) {
    const text = bytes.toString("utf8");
    try {
      return JSON.parse(text) as unknown;
    } catch {
      // Left as text: the router's jsonBody answers 400 "invalid JSON: ..." as dockerd would.
      return text;
    }
  }
  if (type.startsWith("text/")) return bytes.toString("utf8");
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length);
}

export interface HttpHead {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
}

export function toApiRequest(head: HttpHead, bytes: Buffer): ApiRequest {
  const url = new URL(head.url, "http://docker");
  const request: ApiRequest = {
    method: head.method.toUpperCase(),
    // Still percent-encoded: the router decodes each path parameter itself.
    path: head.url.split("?")[0] ?? "/",
    query: queryRecord(url.searchParams),
    headers: headerRecord(head.headers),
  };
  const body = decodeBody(head.headers["content-type"], bytes);
  if (body !== undefined) request.body = body;
  return request;
}
