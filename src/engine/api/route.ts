// A route of the Engine API and the small helpers handlers share for reading requests.
import { invalidParameter } from "../errors.js";
import { decodeGoJson, fromPlain, GoJsonError, moreContent, toPlain, type GoJsonNode } from "./go-json.js";
import { conformingCopy, goAny, GoUnmarshalError, NONCONFORMING, unmarshalGo, type GoType } from "./go-json-types.js";
import type { ApiRequest, ApiResponse } from "./types.js";

export interface Route {
  method: string;
  pattern: RegExp;
  /** The path up to its first parameter: what a request's path must start with to match. */
  prefix: string;
  /** The path after its last parameter ("/start"): what it must end with, before a trailing "/". */
  suffix: string;
  /** Also answers HEAD (as /_ping does). */
  head?: boolean;
  handle(request: ApiRequest, params: string[]): Promise<ApiResponse> | ApiResponse;
}

export function route(method: string, path: string, handle: Route["handle"], head = false): Route {
  // "{name*}" may contain slashes (image names); "{id}" may not.
  const source = path.replace(/\{\w+\*\}/g, "(.+)").replace(/\{\w+\}/g, "([^/]+)");
  const brace = path.indexOf("{");
  const suffix = brace < 0 ? "" : path.slice(path.lastIndexOf("}") + 1);
  return { method, pattern: new RegExp(`^${source}/?$`), prefix: brace < 0 ? path : path.slice(0, brace), suffix, handle, head };
}

export function query(request: ApiRequest, name: string): string | undefined {
  return request.query?.[name];
}

/** moby's BoolValue: false only for "", "0", "no", "false" and "none". */
export function boolQuery(request: ApiRequest, name: string): boolean {
  const value = query(request, name);
  return value !== undefined && !["", "0", "no", "false", "none"].includes(value.toLowerCase());
}

export function intQuery(request: ApiRequest, name: string): number | undefined {
  const value = query(request, name);
  if (value === undefined || value === "") return undefined;
  const n = Number(value);
  if (!Number.isInteger(n)) throw invalidParameter(`strconv.Atoi: parsing "${value}": invalid syntax`);
  return n;
}

/**
 * httputils.ReadJSON: an empty body is no error; otherwise the Content-Type must be JSON and the
 * body one JSON value of the handler's Go type, with Go's error texts. Over HTTP the body arrives
 * as text; in-process callers pass plain objects, which only get the type check.
 */
export function jsonBody<T>(request: ApiRequest, type: GoType = goAny): T {
  const body = request.body;
  if (body === undefined || body === null || body === "") return {} as T;
  checkJsonContentType(request);
  return decodeJsonBody(body, type) as T;
}

/** CheckForJSON, when the request came over HTTP (in-process requests carry no headers). */
export function checkJsonContentType(request: ApiRequest): void {
  if (!request.headers) return;
  const header = Object.entries(request.headers).find(([k]) => k.toLowerCase() === "content-type")?.[1] ?? "";
  const empty = request.body === undefined || request.body === "" || (request.body instanceof Uint8Array && request.body.length === 0);
  if (header === "" && empty) return;
  const media = header.split(";")[0]?.trim().toLowerCase() ?? "";
  if (media === "") throw invalidParameter(`malformed Content-Type header (${header}): mime: no media type`);
  if (media !== "application/json") throw invalidParameter(`unsupported Content-Type header (${header}): must be 'application/json'`);
}

/** Decodes a body (text or plain value) as Go's json.Decoder into the given type, or throws its error. */
export function decodeJsonBody(body: unknown, type: GoType): unknown {
  let node: GoJsonNode;
  if (typeof body === "string" || body instanceof Uint8Array) {
    const text = typeof body === "string" ? body : utf8Text(body);
    let decoded;
    try {
      decoded = decodeGoJson(text);
    } catch (error) {
      if (error instanceof GoJsonError) throw invalidParameter(error.empty ? "invalid JSON: got EOF while reading request body" : `invalid JSON: ${error.message}`);
      throw error;
    }
    if (moreContent(decoded.rest)) throw invalidParameter("unexpected content after JSON");
    node = decoded.value;
  } else {
    const copy = conformingCopy(body, type);
    if (copy !== NONCONFORMING) return copy;
    node = fromPlain(body);
  }
  try {
    return toPlain(unmarshalGo(node, type));
  } catch (error) {
    if (error instanceof GoUnmarshalError) throw invalidParameter(`invalid JSON: ${error.message}`);
    throw error;
  }
}

/** UTF-8 bytes as text, malformed sequences becoming U+FFFD as Go's decoder reads them. */
function utf8Text(bytes: Uint8Array): string {
  let out = "";
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i] ?? 0;
    const size = b < 0x80 ? 1 : b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 0;
    let cp = size === 1 ? b : size === 2 ? b & 0x1f : size === 3 ? b & 0x0f : b & 0x07;
    let ok = size > 0 && i + size <= bytes.length;
    for (let k = 1; ok && k < size; k++) {
      const c = bytes[i + k] ?? 0;
      if ((c & 0xc0) !== 0x80) ok = false;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (!ok || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) {
      out += "\ufffd";
      i++;
      continue;
    }
    out += String.fromCodePoint(cp);
    i += size;
  }
  return out;
}

export const ok = (body?: unknown, status = 200): ApiResponse => (body === undefined ? { status } : { status, body });
export const noContent = (): ApiResponse => ({ status: 204 });
