// The Engine API router: strips the /v1.NN prefix (checking the version as the daemon's
// middleware does), finds the route, and turns engine errors into {"message": ...} bodies.
import type { Engine } from "../engine.js";
import { EngineError } from "../errors.js";
import { engineVersion } from "../engine-info.js";
import { archiveRoutes } from "./archive-routes.js";
import { buildRoutes } from "./build-routes.js";
import { containerRoutes } from "./container-routes.js";
import { commitRoutes } from "./commit-routes.js";
import { containerOpsRoutes } from "./container-ops-routes.js";
import { imageArchiveRoutes } from "./image-archive-routes.js";
import { imageRoutes } from "./image-routes.js";
import type { Route } from "./route.js";
import { networkRoutes } from "./network-routes.js";
import { pluginRoutes } from "./plugin-routes.js";
import { registryRoutes } from "./registry-routes.js";
import { swarmRoutes } from "./swarm-routes.js";
import { systemRoutes } from "./system-routes.js";
import { volumeRoutes } from "./volume-routes.js";
import type { ApiRequest, ApiResponse } from "./types.js";

/** api/types/versions.compare: dot-separated numbers, missing or non-numeric parts count as 0. */
function compareVersions(a: string, b: string): number {
  // Every request is checked twice: walk both strings part by part rather than split them.
  let i = 0;
  let j = 0;
  while (i <= a.length || j <= b.length) {
    const x = versionPart(a, i);
    const y = versionPart(b, j);
    if (x.value !== y.value) return x.value - y.value;
    i = x.next;
    j = y.next;
  }
  return 0;
}

/** The part of a version starting at `from` (past the end: 0) and where the next one starts. */
function versionPart(version: string, from: number): { value: number; next: number } {
  if (from > version.length) return { value: 0, next: from };
  let end = version.indexOf(".", from);
  if (end < 0) end = version.length;
  const text = version.slice(from, end);
  return { value: /^\d+$/.test(text) ? Number(text) : 0, next: end + 1 };
}

/**
 * A request path without its query, and the mux's "/v{version:[0-9.]+}" prefix taken off: read
 * character by character, as every request comes through here.
 */
const lineTerminator = /[\n\r\u2028\u2029]/;

function splitVersion(target: string): { version: string | undefined; path: string } {
  const query = target.indexOf("?");
  const path = query < 0 ? target : target.slice(0, query);
  if (path.charCodeAt(0) !== 47 || path.charCodeAt(1) !== 118) return { version: undefined, path };
  let end = 2;
  for (let c = path.charCodeAt(end); (c >= 48 && c <= 57) || c === 46; c = path.charCodeAt(++end));
  if (end === 2 || path.charCodeAt(end) !== 47) return { version: undefined, path };
  const rest = path.slice(end);
  // The mux's pattern ends in "(/.*)$", and "." matches no line terminator.
  if (lineTerminator.test(rest)) return { version: undefined, path };
  return { version: path.slice(2, end), path: rest };
}

export function errorResponse(status: number, message: string): ApiResponse {
  return { status, body: { message } };
}

export function createRouter(engine: Engine): (request: ApiRequest) => Promise<ApiResponse> {
  const routes: Route[] = [
    ...systemRoutes(engine),
    ...containerRoutes(engine),
    ...containerOpsRoutes(engine),
    ...commitRoutes(engine),
    ...buildRoutes(engine),
    ...archiveRoutes(engine),
    ...registryRoutes(engine),
    // Before imageRoutes: POST /images/create with fromSrc is an import, not a pull.
    ...imageArchiveRoutes(engine),
    ...imageRoutes(engine),
    ...networkRoutes(engine),
    ...volumeRoutes(engine),
    ...swarmRoutes(),
    ...pluginRoutes(),
  ];
  // The routes a path may match, by its first segment ("containers" for /containers/json), in
  // the order they were declared: a request tries a few routes, not all of them.
  const segmentOf = (path: string) => {
    const end = path.indexOf("/", 1);
    return end < 0 ? path.slice(1) : path.slice(1, end);
  };
  const bySegment = new Map<string, Route[]>();
  const anySegment = routes.filter((r) => r.prefix.indexOf("/", 1) < 0 && r.prefix.length <= 1);
  for (const r of routes) {
    if (anySegment.includes(r)) continue;
    const segment = segmentOf(r.prefix);
    if (!bySegment.has(segment)) bySegment.set(segment, routes.filter((o) => anySegment.includes(o) || segmentOf(o.prefix) === segment));
  }
  /** Whether a version is in the supported range; each version's answer is worked out once. */
  const versionChecks = new Map<string, ApiResponse | null>();
  const checkVersion = (version: string): ApiResponse | null => {
    let answer = versionChecks.get(version);
    if (answer !== undefined) return answer;
    if (compareVersions(version, engineVersion.MinAPIVersion) < 0) {
      answer = errorResponse(400, `client version ${version} is too old. Minimum supported API version is ${engineVersion.MinAPIVersion}, please upgrade your client to a newer version`);
    } else if (compareVersions(version, engineVersion.ApiVersion) > 0) {
      answer = errorResponse(400, `client version ${version} is too new. Maximum supported API version is ${engineVersion.ApiVersion}`);
    } else {
      answer = null;
    }
    if (versionChecks.size < 256) versionChecks.set(version, answer);
    return answer;
  };
  // What the version middleware sets on every routed answer (api/server/middleware/version.go).
  // Shared by every answer that adds none of its own: answers are read, never changed.
  const baseHeaders: Record<string, string> = Object.freeze({ "Api-Version": engineVersion.ApiVersion, Ostype: "linux", Server: `Docker/${engineVersion.Version} (linux)` });
  // A loop rather than a spread of two objects, which takes V8's slow generic path (microseconds).
  const withBaseHeaders = (own: Record<string, string>): Record<string, string> => {
    const merged: Record<string, string> = { ...baseHeaders };
    for (const name in own) merged[name] = own[name] as string;
    return merged;
  };
  /** A handler's answer, with the middleware's headers. */
  const answered = (response: ApiResponse): ApiResponse => {
    response.headers = response.headers ? withBaseHeaders(response.headers) : baseHeaders;
    return response;
  };
  /** What a handler threw, as the daemon's error answer. */
  const failed = (error: unknown): ApiResponse => {
    if (error instanceof EngineError) {
      if (error.status === 304) return { status: 304, headers: baseHeaders };
      return { ...errorResponse(error.status, error.message), headers: baseHeaders };
    }
    return { ...errorResponse(500, error instanceof Error ? error.message : String(error)), headers: baseHeaders };
  };
  // Not an async function: most handlers answer at once, and an async frame per request (with
  // the loop's iterator kept alive across its await) is most of what routing would cost.
  return (request) => {
    const { version, path } = splitVersion(request.path);
    const method = request.method.toUpperCase();
    const candidates = bySegment.get(segmentOf(path)) ?? anySegment;
    for (let r = 0; r < candidates.length; r++) {
      const route = candidates[r] as Route;
      if (route.method !== method && !(route.method === "GET" && method === "HEAD" && route.head)) continue;
      if (!path.startsWith(route.prefix)) continue;
      // Most routes of a segment share its prefix; their last words tell them apart without a regex.
      if (route.suffix !== "" && !path.endsWith(route.suffix) && !path.endsWith(`${route.suffix}/`)) continue;
      const match = route.pattern.exec(path);
      if (!match) continue;
      // Only a routed request reaches the version check: an unknown path is 404 at any version.
      const refused = version === undefined ? null : checkVersion(version);
      if (refused) return Promise.resolve({ ...refused, body: { ...(refused.body as object) }, headers: baseHeaders });
      try {
        const params: string[] = [];
        for (let i = 1; i < match.length; i++) {
          const param = match[i] ?? "";
          params.push(param.includes("%") ? decodeURIComponent(param) : param);
        }
        const result = route.handle(request, params);
        return result instanceof Promise ? result.then(answered).catch(failed) : Promise.resolve(answered(result));
      } catch (error) {
        return Promise.resolve(failed(error));
      }
    }
    // The mux's NotFoundHandler runs outside the middleware: no Server or Api-Version header.
    return Promise.resolve(errorResponse(404, "page not found"));
  };
}
