// How a request goes out to a daemon as docker's Go client sends it (query encoding, body and
// its Content-Type), and which answers come back as something other than one document: the
// json-lines streams and the hijacked connections.
import type { ApiRequest } from "../engine/index.js";

/** Routes answered with a stream of JSON documents rather than one (moby's client reads them so). */
const jsonLinesRoutes: [string, RegExp][] = [
  ["POST", /^\/images\/create$/],
  ["POST", /^\/images\/.+\/push$/],
  ["POST", /^\/images\/load$/],
  ["POST", /^\/build$/],
  ["GET", /^\/events$/],
  ["POST", /^\/containers\/[^/]+\/wait$/],
  ["POST", /^\/plugins\/(pull|[^/]+\/upgrade)$/],
];

/** The path without /vX.Y, as the routes above are written. */
function routePath(path: string): string {
  return path.replace(/^\/v\d+\.\d+(?=\/)/, "");
}

export function isJsonLines(request: ApiRequest): boolean {
  const path = routePath(request.path);
  if (request.method === "GET" && /^\/containers\/[^/]+\/stats$/.test(path)) return !["0", "false"].includes(request.query?.["stream"] ?? "1");
  return jsonLinesRoutes.some(([method, pattern]) => method === request.method && pattern.test(path));
}

/** Attach and attached exec start are hijacked: the connection becomes the container's stdio. */
export function isHijacked(request: ApiRequest): boolean {
  if (request.method !== "POST") return false;
  const path = routePath(request.path);
  if (/^\/containers\/[^/]+\/attach$/.test(path)) return true;
  return /^\/exec\/[^/]+\/start$/.test(path) && (request.body as { Detach?: unknown } | undefined)?.Detach !== true;
}

/** url.Values.Encode: keys sorted, QueryEscape'd values (space as "+"). */
export function encodeQuery(query: Record<string, string | undefined> | undefined, lists?: Record<string, string[]>): string {
  const escape = (s: string) =>
    encodeURIComponent(s)
      .replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
      .replace(/%20/g, "+");
  // A key with a list (names=a&names=b) is written with every value, in order.
  const pairs = [
    ...Object.entries(query ?? {}).filter((entry): entry is [string, string] => entry[1] !== undefined && !(lists && entry[0] in lists)),
    ...Object.entries(lists ?? {}).flatMap(([k, values]) => values.map((v): [string, string] => [k, v])),
  ].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return pairs.map(([k, v]) => `${escape(k)}=${escape(v)}`).join("&");
}

/** The body bytes and the Content-Type docker's client sends them with. */
export function encodeBody(request: ApiRequest, hijack: boolean): { bytes: Buffer; contentType: string | undefined } {
  const { body } = request;
  if (body === undefined || body === null) {
    // buildRequest: a POST or PUT without a payload still says text/plain (attach included).
    return { bytes: Buffer.alloc(0), contentType: request.method === "POST" || request.method === "PUT" || hijack ? "text/plain" : undefined };
  }
  if (body instanceof Uint8Array) return { bytes: Buffer.from(body.buffer, body.byteOffset, body.byteLength), contentType: "application/x-tar" };
  if (typeof body === "string") return { bytes: Buffer.from(body, "utf8"), contentType: "text/plain" };
  // json.NewEncoder(...).Encode: the document and a newline.
  return { bytes: Buffer.from(`${JSON.stringify(body)}\n`, "utf8"), contentType: "application/json" };
}
