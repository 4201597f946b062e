// Serving files over HTTP from a container's filesystem, as nginx and httpd do for their
// document roots: index files for directories, a redirect for a directory without its slash,
// 403 for a directory with no index, 404 for what is not there, HEAD without a body.
import type { IFileSystem } from "just-bash";
import type { HttpRequest, HttpResponse } from "../../net/net-stack.js";

const MIME: Record<string, string> = {
  html: "text/html",
  htm: "text/html",
  css: "text/css",
  js: "application/javascript",
  mjs: "application/javascript",
  json: "application/json",
  txt: "text/plain",
  xml: "text/xml",
  svg: "image/svg+xml",
  png: "image/png",
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  gif: "image/gif",
  ico: "image/x-icon",
  webp: "image/webp",
  wasm: "application/wasm",
  pdf: "application/pdf",
};

export function mimeType(path: string, fallback = "application/octet-stream"): string {
  const dot = path.lastIndexOf(".");
  return (dot >= 0 ? MIME[path.slice(dot + 1).toLowerCase()] : undefined) ?? fallback;
}

const DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const pad = (n: number) => String(n).padStart(2, "0");

/** RFC 7231 date: "Sat, 28 Nov 2026 12:00:00 GMT". */
export function httpDate(ms: number): string {
  const d = new Date(ms);
  return `${DAYS[d.getUTCDay()]}, ${pad(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} GMT`;
}

/** Common log time: "28/Nov/2026:12:00:00 +0000". */
export function logTime(ms: number): string {
  const d = new Date(ms);
  return `${pad(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()}:${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} +0000`;
}

export type Found =
  | { kind: "file"; path: string; content: Uint8Array; mtime: number }
  | { kind: "redirect"; location: string }
  | { kind: "forbidden" }
  | { kind: "missing" };

/** What a request path names under `root`. */
export async function lookupFile(fs: IFileSystem, root: string, target: string, indexes: string[]): Promise<Found> {
  let path: string;
  try {
    path = decodeURIComponent((target.split("?")[0] ?? "/").split("#")[0] ?? "/");
  } catch {
    return { kind: "missing" };
  }
  if (!path.startsWith("/")) path = `/${path}`;
  // No escaping the document root with "..".
  const parts: string[] = [];
  for (const part of path.split("/")) {
    if (part === "" || part === ".") continue;
    if (part === "..") parts.pop();
    else parts.push(part);
  }
  const full = `${root.replace(/\/$/, "")}/${parts.join("/")}`;
  try {
    const stat = await fs.stat(full);
    if (stat.isDirectory) {
      if (!path.endsWith("/")) return { kind: "redirect", location: `${path}/` };
      for (const index of indexes) {
        const candidate = `${full.replace(/\/$/, "")}/${index}`;
        try {
          const s = await fs.stat(candidate);
          if (s.isFile) return { kind: "file", path: candidate, content: await fs.readFileBuffer(candidate), mtime: s.mtime.getTime() };
        } catch {
          // Next index name.
        }
      }
      return { kind: "forbidden" };
    }
    return { kind: "file", path: full, content: await fs.readFileBuffer(full), mtime: stat.mtime.getTime() };
  } catch {
    return { kind: "missing" };
  }
}

export interface StaticServerOptions {
  server: string;
  root: () => Promise<{ root: string; indexes: string[] }>;
  /** The container's files, composed when the first request comes. */
  files(): IFileSystem | undefined;
  now: () => number;
  errorPage(status: number, reason: string): string;
  /** Extra headers of every answer, after Server and Date. */
  extraHeaders?: (found: Found) => [string, string][];
  log(request: HttpRequest, status: number, bytes: number): void;
}

const REASONS: Record<number, string> = { 200: "OK", 301: "Moved Permanently", 403: "Forbidden", 404: "Not Found", 405: "Not Allowed" };

export function staticServer(options: StaticServerOptions): (request: HttpRequest) => Promise<HttpResponse> {
  return async (request) => {
    const headers: [string, string][] = [
      ["Server", options.server],
      ["Date", httpDate(options.now())],
    ];
    const answer = (status: number, body: string | Uint8Array, type: string, more: [string, string][] = []): HttpResponse => {
      const reason = REASONS[status] ?? "";
      const length = typeof body === "string" ? new TextEncoder().encode(body).length : body.length;
      options.log(request, status, request.method === "HEAD" ? 0 : length);
      return {
        status,
        reason,
        headers: [...headers, ["Content-Type", type], ["Content-Length", String(length)], ...more, ["Connection", "keep-alive"]],
        body: request.method === "HEAD" ? "" : body,
      };
    };
    if (request.method !== "GET" && request.method !== "HEAD") return answer(405, options.errorPage(405, "Not Allowed"), "text/html");
    const { root, indexes } = await options.root();
    const fs = options.files();
    const found: Found = fs ? await lookupFile(fs, root, request.path, indexes) : { kind: "missing" };
    switch (found.kind) {
      case "file":
        return answer(200, found.content, mimeType(found.path), [["Last-Modified", httpDate(found.mtime)], ...(options.extraHeaders?.(found) ?? []), ["Accept-Ranges", "bytes"]]);
      case "redirect":
        return answer(301, options.errorPage(301, "Moved Permanently"), "text/html", [["Location", `http://${request.headers["host"] ?? "localhost"}${found.location}`]]);
      case "forbidden":
        return answer(403, options.errorPage(403, "Forbidden"), "text/html");
      case "missing":
        return answer(404, options.errorPage(404, "Not Found"), "text/html");
    }
  };
}
