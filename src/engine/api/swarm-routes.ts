// The swarm endpoints (/swarm, /nodes, /services, /tasks, /secrets, /configs) as a daemon that
// is not part of a swarm answers them (api/server/router/swarm, daemon/cluster): each handler
// reads and checks its own input first, then the cluster refuses with 503.
import { EngineError, invalidParameter, systemError } from "../errors.js";
import { parseFilters } from "./filters.js";
import { boolQuery, jsonBody, query, route, type Route } from "./route.js";
import type { ApiRequest } from "./types.js";

// daemon/cluster/errors.go errNoSwarm, and errNoManager for a node with no swarm at all.
export const notInSwarm = "This node is not part of a swarm";
export const notAManager = 'This node is not a swarm manager. Use "docker swarm init" or "docker swarm join" to connect this node to swarm and try again.';

const unavailable = (message: string) => new EngineError("unavailable", message);

/** strconv.ParseUint's error for a bad "version" query value. */
function versionError(raw: string): string {
  const reason = /^\d+$/.test(raw) ? "value out of range" : "invalid syntax";
  return `strconv.ParseUint: parsing "${raw}": ${reason}`;
}

function requireVersion(req: ApiRequest, message: (raw: string) => string): void {
  const raw = query(req, "version") ?? "";
  if (!/^\d+$/.test(raw) || BigInt(raw) > 18446744073709551615n) throw invalidParameter(message(raw));
}

/** strconv.ParseBool on an optional query value, wrapped as the swarm router wraps it. */
function optionalBool(req: ApiRequest, name: string): void {
  const value = query(req, name);
  if (value === undefined || value === "") return;
  if (!["1", "t", "T", "TRUE", "true", "True", "0", "f", "F", "FALSE", "false", "False"].includes(value)) {
    throw invalidParameter(`invalid value for ${name}: ${value}: strconv.ParseBool: parsing "${value}": invalid syntax`);
  }
}

const noManager = () => {
  throw unavailable(notAManager);
};

const list = (path: string): Route =>
  route("GET", path, (req) => {
    parseFilters(query(req, "filters"));
    return noManager();
  });

const withBody = (method: string, path: string, check: (req: ApiRequest) => void = () => undefined): Route =>
  route(method, path, (req) => {
    jsonBody(req);
    check(req);
    return noManager();
  });

const logs = (path: string): Route =>
  route("GET", path, (req) => {
    // A plain error in the swarm router: 500, as dockerd answers it.
    if (!boolQuery(req, "stdout") && !boolQuery(req, "stderr")) throw systemError("Bad parameters: you must choose at least one stream");
    return noManager();
  });

export function swarmRoutes(): Route[] {
  return [
    withBody("POST", "/swarm/init", () => {
      // A real daemon would form a one-node swarm; the playground has no cluster to form.
      throw new EngineError("not-implemented", "swarm mode is not supported by this playground engine");
    }),
    withBody("POST", "/swarm/join", () => {
      throw new EngineError("not-implemented", "swarm mode is not supported by this playground engine");
    }),
    route("POST", "/swarm/leave", () => {
      throw unavailable(notInSwarm);
    }),
    route("GET", "/swarm", noManager),
    route("GET", "/swarm/unlockkey", noManager),
    withBody("POST", "/swarm/update", (req) => {
      requireVersion(req, (raw) => `invalid swarm version '${raw}': ${versionError(raw)}`);
      for (const name of ["rotateWorkerToken", "rotateManagerToken", "rotateManagerUnlockKey"]) {
        const value = query(req, name);
        if (value && !["1", "t", "T", "TRUE", "true", "True", "0", "f", "F", "FALSE", "false", "False"].includes(value)) {
          throw invalidParameter(`invalid value for ${name}: ${value}`);
        }
      }
    }),
    withBody("POST", "/swarm/unlock"),

    route("GET", "/services", (req) => {
      parseFilters(query(req, "filters"));
      optionalBool(req, "status");
      return noManager();
    }),
    withBody("POST", "/services/create"),
    logs("/services/{id}/logs"),
    withBody("POST", "/services/{id}/update", (req) => requireVersion(req, (raw) => `invalid service version '${raw}': ${versionError(raw)}`)),
    route("GET", "/services/{id}", (req) => {
      optionalBool(req, "insertDefaults");
      return noManager();
    }),
    route("DELETE", "/services/{id}", noManager),

    list("/nodes"),
    route("GET", "/nodes/{id}", noManager),
    route("DELETE", "/nodes/{id}", noManager),
    withBody("POST", "/nodes/{id}/update", (req) => requireVersion(req, (raw) => `invalid node version '${raw}': ${versionError(raw)}`)),

    list("/tasks"),
    logs("/tasks/{id}/logs"),
    route("GET", "/tasks/{id}", noManager),

    list("/secrets"),
    withBody("POST", "/secrets/create"),
    withBody("POST", "/secrets/{id}/update", (req) => requireVersion(req, () => "invalid secret version")),
    route("GET", "/secrets/{id}", noManager),
    route("DELETE", "/secrets/{id}", noManager),

    list("/configs"),
    withBody("POST", "/configs/create"),
    withBody("POST", "/configs/{id}/update", (req) => requireVersion(req, () => "invalid config version")),
    route("GET", "/configs/{id}", noManager),
    route("DELETE", "/configs/{id}", noManager),
  ];
}
