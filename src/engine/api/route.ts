// A route of the Engine API and the small helpers handlers share for reading requests.
import { invalidParameter } from "../errors.js";
import type { ApiRequest, ApiResponse } from "./types.js";

export interface Route {
  method: string;
  pattern: RegExp;
  /** Also answers HEAD (as /_ping does). */
  head?: boolean;
  handle(request: ApiRequest, params: string[]): Promise<ApiResponse> | ApiResponse;
}

export function route(method: string, path: string, handle: Route["handle"], head = false): Route {
  // "{name*}" may contain slashes (image names); "{id}" may not.
  const source = path.replace(/\{\w+\*\}/g, "(.+)").replace(/\{\w+\}/g, "([^/]+)");
  return { method, pattern: new RegExp(`^${source}/?$`), handle, head };
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

export function jsonBody<T>(request: ApiRequest): T {
  const body = request.body;
  if (body === undefined || body === null || body === "") return {} as T;
  if (typeof body === "string") {
    try {
      return JSON.parse(body) as T;
    } catch (error) {
      throw invalidParameter(`invalid JSON: ${error instanceof Error ? error.message : "unexpected end of JSON input"}`);
    }
  }
  if (typeof body !== "object") throw invalidParameter("invalid JSON body");
  return body as T;
}

export const ok = (body?: unknown, status = 200): ApiResponse => (body === undefined ? { status } : { status, body });
export const noContent = (): ApiResponse => ({ status: 204 });
