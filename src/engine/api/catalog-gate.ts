// The image catalog is fetched on first use (images/catalog-loader.ts), and the services read it
// synchronously, so a request waits for it here, before it is routed. Listings that only read
// records (what a page shows at start-up, a first `docker ps` or `docker images`) need no
// catalog and go straight through, unless a load is already under way: then every request
// waits for it, in arrival order, so no answer overtakes one asked for earlier. Once loaded,
// nothing waits and a request runs exactly as it would without this gate.
import { catalogState, loadCatalog } from "../images/index.js";
import { boolQuery } from "./route.js";
import type { ApiRequest, ApiResponse } from "./types.js";

type Handler = (request: ApiRequest) => Promise<ApiResponse>;

/** Routes answered from records alone (method and path without the /v1.NN prefix). */
const recordReads = new Set(["GET /_ping", "HEAD /_ping", "GET /version", "GET /containers/json", "GET /images/json", "GET /volumes", "GET /networks"]);

function readsOnlyRecords(request: ApiRequest): boolean {
  const path = (request.path.split("?")[0] ?? "").replace(/^\/v[0-9.]+(?=\/)/, "").replace(/(.)\/$/, "$1");
  if (!recordReads.has(`${request.method.toUpperCase()} ${path}`)) return false;
  // `docker ps --size` adds each image's layer sizes, which the catalog knows.
  return !(path === "/containers/json" && boolQuery(request, "size"));
}

/**
 * Wraps the router. `pending` is other start-up work requests must wait for (a daemon restart
 * bringing containers back); it settles before the catalog gate is consulted.
 */
export function catalogGate(route: Handler, pending: () => Promise<void> | undefined): Handler {
  return (request) => {
    const restoring = pending();
    if (restoring) return restoring.then(() => catalogGate(route, pending)(request));
    const state = catalogState();
    if (state === "loaded" || (state === "unloaded" && readsOnlyRecords(request))) return route(request);
    return loadCatalog().then(
      () => route(request),
      // Offline before the catalog arrived: the daemon's answer to an internal failure.
      (error: unknown) => ({ status: 500, body: { message: `image catalog unavailable: ${error instanceof Error ? error.message : String(error)}` } }),
    );
  };
}
