// /volumes: list, create, inspect, remove and prune (api/server/router/volume/volume_routes.go).
import type { Engine } from "../engine.js";
import { conflict } from "../errors.js";
import type { VolumeRecord } from "../volumes/volume-service.js";
import { checkFilterKeys, matchesLabels, parseFilters } from "./filters.js";
import { boolQuery, jsonBody, noContent, ok, query, route, type Route } from "./route.js";

export function volumeView(v: VolumeRecord) {
  return { CreatedAt: new Date(v.CreatedAt).toISOString().replace(/\.\d+Z$/, "Z"), Driver: v.Driver, Labels: v.Labels, Mountpoint: v.Mountpoint, Name: v.Name, Options: v.Options, Scope: v.Scope };
}

export function volumeRoutes(engine: Engine): Route[] {
  const { volumes } = engine;
  const volumeUsers = (name: string) => engine.containers.all().filter((c) => c.Mounts.some((m) => m.Name === name));
  return [
    route("GET", "/volumes", (req) => {
      const filters = parseFilters(query(req, "filters"));
      checkFilterKeys(filters, ["dangling", "driver", "label", "name"]);
      const dangling = filters.get("dangling")?.[0];
      const list = volumes.all().filter((v) => {
        if (filters.has("name") && !filters.get("name")?.some((n) => v.Name.includes(n))) return false;
        if (filters.has("driver") && !filters.get("driver")?.includes(v.Driver)) return false;
        if (!matchesLabels(filters.get("label"), v.Labels)) return false;
        const used = volumeUsers(v.Name).length > 0;
        if ((dangling === "true" || dangling === "1") && used) return false;
        if ((dangling === "false" || dangling === "0") && !used) return false;
        return true;
      });
      return ok({ Volumes: list.map(volumeView), Warnings: null });
    }),
    route("POST", "/volumes/create", (req) => {
      const body = jsonBody<{ Name?: string; Driver?: string; DriverOpts?: Record<string, string> | null; Labels?: Record<string, string> | null }>(req);
      const volume = volumes.create(body.Name || undefined, body.Labels ?? null, body.DriverOpts && Object.keys(body.DriverOpts).length ? body.DriverOpts : null, body.Driver || "local");
      return ok(volumeView(volume), 201);
    }),
    route("POST", "/volumes/prune", (req) => {
      const filters = parseFilters(query(req, "filters"));
      checkFilterKeys(filters, ["label", "label!", "all"]);
      // API 1.42+: only anonymous volumes unless all=true (api/server/router/volume/volume_routes.go).
      const all = ["true", "1"].includes(filters.get("all")?.[0] ?? "");
      const deleted: string[] = [];
      for (const v of volumes.all()) {
        if (v.Driver !== "local" || (v.Options && Object.keys(v.Options).length > 0)) continue;
        if (!all && !volumes.isAnonymous(v)) continue;
        if (!matchesLabels(filters.get("label"), v.Labels)) continue;
        if (filters.get("label!")?.some((l) => matchesLabels([l], v.Labels))) continue;
        if (volumeUsers(v.Name).length > 0) continue;
        volumes.remove(v.Name);
        deleted.push(v.Name);
      }
      engine.ctx.events.publish("volume", "prune", "", { reclaimed: "0" });
      return ok({ VolumesDeleted: deleted, SpaceReclaimed: 0 });
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
  ];
}
