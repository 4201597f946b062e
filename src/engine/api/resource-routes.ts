// /networks and /volumes: listing and inspecting (creation and removal of volumes too).
import type { Engine } from "../engine.js";
import { conflict, forbidden } from "../errors.js";
import { predefinedNetworks } from "../networks/network-service.js";
import type { NetworkRecord } from "../networks/network-record.js";
import { rfc3339Nano } from "../time-format.js";
import type { VolumeRecord } from "../volumes/volume-service.js";
import { checkFilterKeys, matchesLabels, parseFilters } from "./filters.js";
import { boolQuery, jsonBody, noContent, ok, query, route, type Route } from "./route.js";

export function networkView(engine: Engine, n: NetworkRecord, withContainers: boolean) {
  const containers: Record<string, unknown> = {};
  if (withContainers) {
    for (const c of engine.containers.all()) {
      const e = Object.values(c.Networks).find((ep) => ep.NetworkID === n.Id);
      if (!e || !c.State.Running) continue;
      containers[c.Id] = {
        Name: c.Name.slice(1),
        EndpointID: e.EndpointID,
        MacAddress: e.MacAddress,
        IPv4Address: e.IPAddress ? `${e.IPAddress}/${e.IPPrefixLen}` : "",
        IPv6Address: "",
      };
    }
  }
  const { Name, Id, Created, ...rest } = n;
  return { Name, Id, Created: rfc3339Nano(Created), ...rest, Containers: containers };
}

export function volumeView(v: VolumeRecord) {
  return { CreatedAt: new Date(v.CreatedAt).toISOString().replace(/\.\d+Z$/, "Z"), Driver: v.Driver, Labels: v.Labels, Mountpoint: v.Mountpoint, Name: v.Name, Options: v.Options, Scope: v.Scope };
}

export function resourceRoutes(engine: Engine): Route[] {
  const { networks, volumes } = engine;
  const volumeUsers = (name: string) => engine.containers.all().filter((c) => c.Mounts.some((m) => m.Name === name));
  return [
    route("GET", "/networks", (req) => {
      const filters = parseFilters(query(req, "filters"));
      checkFilterKeys(filters, ["dangling", "driver", "id", "label", "name", "scope", "type"]);
      const list = networks.all().filter((n) => {
        if (filters.has("name") && !filters.get("name")?.some((v) => n.Name.includes(v))) return false;
        if (filters.has("id") && !filters.get("id")?.some((v) => n.Id.startsWith(v))) return false;
        if (filters.has("driver") && !filters.get("driver")?.includes(n.Driver)) return false;
        if (!matchesLabels(filters.get("label"), n.Labels)) return false;
        const builtin = (predefinedNetworks as readonly string[]).includes(n.Name);
        if (filters.has("type") && !filters.get("type")?.includes(builtin ? "builtin" : "custom")) return false;
        return true;
      });
      return ok(list.map((n) => networkView(engine, n, false)));
    }),
    route("GET", "/networks/{id}", (_req, [id = ""]) => ok(networkView(engine, networks.find(id), true))),
    route("GET", "/volumes", (req) => {
      const filters = parseFilters(query(req, "filters"));
      checkFilterKeys(filters, ["dangling", "driver", "label", "name"]);
      const dangling = filters.get("dangling")?.[0];
      const list = volumes.all().filter((v) => {
        if (filters.has("name") && !filters.get("name")?.some((n) => v.Name.includes(n))) return false;
        if (!matchesLabels(filters.get("label"), v.Labels)) return false;
        const used = volumeUsers(v.Name).length > 0;
        if (dangling === "true" && used) return false;
        if (dangling === "false" && !used) return false;
        return true;
      });
      return ok({ Volumes: list.map(volumeView), Warnings: null });
    }),
    route("POST", "/volumes/create", (req) => {
      const body = jsonBody<{ Name?: string; Driver?: string; DriverOpts?: Record<string, string> | null; Labels?: Record<string, string> | null }>(req);
      const volume = volumes.create(body.Name || undefined, body.Labels ?? null, body.DriverOpts && Object.keys(body.DriverOpts).length ? body.DriverOpts : null);
      return ok(volumeView(volume), 201);
    }),
    route("GET", "/volumes/{name}", (_req, [name = ""]) => ok(volumeView(volumes.get(name)))),
    route("DELETE", "/volumes/{name}", (req, [name = ""]) => {
      const force = boolQuery(req, "force");
      const volume = volumes.find(name);
      if (!volume) {
        if (force) return noContent();
        volumes.get(name);
      }
      const users = volumeUsers(name);
      if (users.length > 0) throw conflict(`remove ${name}: volume is in use - [${users.map((c) => c.Id).join(", ")}]`);
      volumes.remove(name);
      return noContent();
    }),
    route("DELETE", "/networks/{id}", (_req, [id = ""]) => {
      const n = networks.find(id);
      if ((predefinedNetworks as readonly string[]).includes(n.Name)) throw forbidden(`${n.Name} is a pre-defined network and cannot be removed`);
      engine.ctx.store.remove("network", n.Id);
      engine.ctx.events.publish("network", "destroy", n.Id, { name: n.Name, type: n.Driver });
      return noContent();
    }),
  ];
}
