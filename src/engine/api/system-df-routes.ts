// GET /system/df, POST /images/prune and POST /build/prune: disk usage and the prunes the
// container, network and volume routes do not cover. The first two are fetched on first use.
import type { Engine } from "../engine.js";
import { invalidParameter } from "../errors.js";
import type { DiskUsageObject } from "../system/disk-usage.js";
import { getTimestamp } from "../system/go-timestamp.js";
import { parseFilters } from "./filters.js";
import { ok, query, route, type Route } from "./route.js";
import type { ApiRequest } from "./types.js";

const objects: DiskUsageObject[] = ["container", "image", "volume", "build-cache"];

/** keep-storage and friends: bytes as an integer, or the build router's error. */
function checkBytes(req: ApiRequest, name: string): void {
  const value = query(req, name);
  if (!value) return;
  if (!/^[+-]?\d+$/.test(value)) throw invalidParameter(`${name} is in bytes and expects an integer, got ${value}: strconv.Atoi: parsing "${value}": invalid syntax`);
}

export function systemDfRoutes(engine: Engine): Route[] {
  return [
    route("GET", "/system/df", async (req) => {
      const type = query(req, "type");
      if (type !== undefined && !objects.includes(type as DiskUsageObject)) throw invalidParameter(`unknown object type: ${type}`);
      const { diskUsage } = await import("../system/disk-usage.js");
      return ok(diskUsage(engine, new Set(type === undefined ? objects : [type as DiskUsageObject])));
    }),
    route("POST", "/images/prune", async (req) => {
      const filters = parseFilters(query(req, "filters"));
      const { pruneImages } = await import("../system/image-prune.js");
      return ok(pruneImages(engine, filters));
    }),
    route("POST", "/build/prune", (req) => {
      const filters = parseFilters(query(req, "filters"));
      for (const name of ["reserved-space", "keep-storage", "max-used-space", "min-free-space"]) checkBytes(req, name);
      const until = [...(filters.get("until") ?? []), ...(filters.get("unused-for") ?? [])];
      if (filters.has("until") && filters.has("unused-for")) throw invalidParameter('conflicting filters: "until" and "unused-for"');
      if (until.length > 1) throw invalidParameter("filters expect only one value");
      if (until[0] !== undefined) {
        try {
          getTimestamp(until[0], engine.ctx.clock.now());
        } catch (error) {
          const key = filters.has("until") ? "until" : "unused-for";
          throw invalidParameter(`"${key}" filter expects a duration (e.g., '24h') or a timestamp: ${(error as Error).message}`);
        }
      }
      // The legacy builder leaves no cache behind: nothing to delete.
      engine.ctx.events.publish("builder", "prune", "", { reclaimed: "0" });
      return ok({ CachesDeleted: null, SpaceReclaimed: 0 });
    }),
  ];
}
