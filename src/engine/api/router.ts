// The Engine API router: strips the /v1.NN prefix (checking the version as the daemon's
// middleware does), finds the route, and turns engine errors into {"message": ...} bodies.
import type { Engine } from "../engine.js";
import { EngineError } from "../errors.js";
import { engineVersion } from "../engine-info.js";
import { containerRoutes } from "./container-routes.js";
import { containerOpsRoutes } from "./container-ops-routes.js";
import { imageRoutes } from "./image-routes.js";
import type { Route } from "./route.js";
import { networkRoutes } from "./network-routes.js";
import { systemRoutes } from "./system-routes.js";
import { volumeRoutes } from "./volume-routes.js";
import type { ApiRequest, ApiResponse } from "./types.js";

function compareVersions(a: string, b: string): number {
  const [a1 = 0, a2 = 0] = a.split(".").map(Number);
  const [b1 = 0, b2 = 0] = b.split(".").map(Number);
  return a1 - b1 || a2 - b2;
}

export function errorResponse(status: number, message: string): ApiResponse {
  return { status, body: { message } };
}

export function createRouter(engine: Engine): (request: ApiRequest) => Promise<ApiResponse> {
  const routes: Route[] = [...systemRoutes(engine), ...containerRoutes(engine), ...containerOpsRoutes(engine), ...imageRoutes(engine), ...networkRoutes(engine), ...volumeRoutes(engine)];
  const baseHeaders = { "Api-Version": engineVersion.ApiVersion, Server: `Docker/${engineVersion.Version} (linux)` };
  return async (request) => {
    let path = request.path.split("?")[0] ?? "";
    const versioned = /^\/v(\d+\.\d+)(\/.*)$/.exec(path);
    if (versioned) {
      const version = versioned[1] ?? "";
      path = versioned[2] ?? "";
      if (compareVersions(version, engineVersion.MinAPIVersion) < 0) {
        return { ...errorResponse(400, `client version ${version} is too old. Minimum supported API version is ${engineVersion.MinAPIVersion}, please upgrade your client to a newer version`), headers: baseHeaders };
      }
      if (compareVersions(version, engineVersion.ApiVersion) > 0) {
        return { ...errorResponse(400, `client version ${version} is too new. Maximum supported API version is ${engineVersion.ApiVersion}`), headers: baseHeaders };
      }
    }
    const method = request.method.toUpperCase();
    for (const route of routes) {
      if (route.method !== method && !(route.method === "GET" && method === "HEAD" && route.head)) continue;
      const match = route.pattern.exec(path);
      if (!match) continue;
      try {
        const response = await route.handle(request, match.slice(1).map(decodeURIComponent));
        response.headers = { ...baseHeaders, ...response.headers };
        return response;
      } catch (error) {
        if (error instanceof EngineError) {
          if (error.status === 304) return { status: 304, headers: baseHeaders };
          return { ...errorResponse(error.status, error.message), headers: baseHeaders };
        }
        return { ...errorResponse(500, error instanceof Error ? error.message : String(error)), headers: baseHeaders };
      }
    }
    return { ...errorResponse(404, "page not found"), headers: baseHeaders };
  };
}
