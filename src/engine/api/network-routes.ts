// /networks: list, inspect, create, connect, disconnect, remove and prune
// (api/server/router/network/network_routes.go).
import type { Engine } from "../engine.js";
import { invalidParameter } from "../errors.js";
import type { EndpointRequest } from "../networks/network-service.js";
import { isPredefined } from "../networks/network-service.js";
import type { NetworkCreateRequest } from "../networks/network-create.js";
import type { NetworkRecord } from "../networks/network-record.js";
import { rfc3339Nano } from "../time-format.js";
import { checkFilterKeys, matchesLabels, parseFilters, type Filters } from "./filters.js";
import { jsonBody, noContent, ok, query, route, type Route } from "./route.js";

export function networkView(engine: Engine, n: NetworkRecord, withContainers: boolean) {
  const containers: Record<string, unknown> = {};
  if (withContainers) {
    for (const { container: c, endpoint: e } of engine.networks.endpointsOn(n)) {
      containers[c.Id] = {
        Name: c.Name.slice(1),
        EndpointID: e.EndpointID,
        MacAddress: e.MacAddress,
        IPv4Address: e.IPAddress ? `${e.IPAddress}/${e.IPPrefixLen}` : "",
        IPv6Address: "",
      };
    }
  }
  // Field order as dockerd's network.Inspect marshals it (Containers between ConfigOnly and Options).
  const { Name, Id, Created, Options, Labels, ConfiguredSubnet: _configured, ...rest } = n;
  return { Name, Id, Created: rfc3339Nano(Created), ...rest, Containers: containers, Options, Labels };
}

/** label!= : none of the given labels (key or key=value) may match. */
function matchesNoLabel(unwanted: string[] | undefined, labels: Record<string, string>): boolean {
  return !unwanted || unwanted.every((u) => !matchesLabels([u], labels));
}

/** The prune `until` filter: a Unix timestamp, an RFC 3339 date, or a Go duration back from now. */
export function untilCutoff(filters: Filters, now: number): number | undefined {
  const value = filters.get("until")?.[0];
  if (value === undefined) return undefined;
  if (/^\d+(\.\d+)?$/.test(value)) return Number(value) * 1000;
  const duration = /^(\d+(?:\.\d+)?)(h|m|s|ms)$/.exec(value);
  if (duration) return now - Number(duration[1]) * { h: 3_600_000, m: 60_000, s: 1000, ms: 1 }[duration[2] as "h" | "m" | "s" | "ms"];
  const date = Date.parse(value);
  if (Number.isNaN(date)) throw invalidParameter(`failed to parse value as time or duration: "${value}"`);
  return date;
}

export function networkRoutes(engine: Engine): Route[] {
  const { networks } = engine;
  return [
    route("GET", "/networks", (req) => {
      const filters = parseFilters(query(req, "filters"));
      checkFilterKeys(filters, ["dangling", "driver", "id", "label", "name", "scope", "type"]);
      const list = networks.all().filter((n) => {
        if (filters.has("name") && !filters.get("name")?.some((v) => n.Name.includes(v))) return false;
        if (filters.has("id") && !filters.get("id")?.some((v) => n.Id.startsWith(v))) return false;
        if (filters.has("driver") && !filters.get("driver")?.includes(n.Driver)) return false;
        if (filters.has("scope") && !filters.get("scope")?.includes(n.Scope)) return false;
        if (!matchesLabels(filters.get("label"), n.Labels)) return false;
        if (filters.has("type") && !filters.get("type")?.includes(isPredefined(n) ? "builtin" : "custom")) return false;
        const dangling = filters.get("dangling")?.[0];
        if (dangling !== undefined) {
          if (!["true", "false", "1", "0"].includes(dangling)) throw invalidParameter(`invalid filter 'dangling=${dangling}'`);
          const unused = !isPredefined(n) && networks.endpointsOn(n).length === 0;
          if (unused !== (dangling === "true" || dangling === "1")) return false;
        }
        return true;
      });
      return ok(list.map((n) => networkView(engine, n, false)));
    }),
    route("GET", "/networks/{id}", (_req, [id = ""]) => ok(networkView(engine, networks.find(id), true))),
    route("POST", "/networks/create", (req) => {
      const network = networks.create(jsonBody<NetworkCreateRequest>(req));
      return ok({ Id: network.Id, Warning: "" }, 201);
    }),
    route("POST", "/networks/prune", (req) => {
      const filters = parseFilters(query(req, "filters"));
      checkFilterKeys(filters, ["label", "label!", "until"]);
      const until = untilCutoff(filters, engine.ctx.clock.now());
      const keep = (n: NetworkRecord) =>
        !matchesLabels(filters.get("label"), n.Labels) || !matchesNoLabel(filters.get("label!"), n.Labels) || (until !== undefined && n.Created >= until);
      return ok({ NetworksDeleted: networks.prune(keep) });
    }),
    route("POST", "/networks/{id}/connect", (req, [id = ""]) => {
      const body = jsonBody<{ Container?: string; EndpointConfig?: EndpointRequest | null }>(req);
      networks.connect(engine.containers.get(body.Container ?? ""), id, body.EndpointConfig ?? {});
      return ok();
    }),
    route("POST", "/networks/{id}/disconnect", (req, [id = ""]) => {
      const body = jsonBody<{ Container?: string; Force?: boolean }>(req);
      networks.disconnect(engine.containers.get(body.Container ?? ""), id, body.Force ?? false);
      return ok();
    }),
    route("DELETE", "/networks/{id}", (_req, [id = ""]) => {
      networks.remove(id);
      return noContent();
    }),
  ];
}
