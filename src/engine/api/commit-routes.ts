// POST /commit and GET /containers/{id}/changes: a container's writable layer, listed as
// docker diff shows it, or frozen into an image (its code fetched on the first commit).
import type { Engine } from "../engine.js";
import type { ImageConfig } from "../images/image-record.js";
import { boolQuery, ok, query, route, type Route } from "./route.js";

export function commitRoutes(engine: Engine): Route[] {
  return [
    route("GET", "/containers/{id}/changes", (_req, [id = ""]) => {
      const changes = engine.fs.diff(engine.containers.get(id));
      // A Go nil slice: no changes encode as null.
      return ok(changes.length > 0 ? changes : null);
    }),
    route("POST", "/commit", async (req) => {
      const { commitContainer } = await import("../image-store/commit.js");
      const c = engine.containers.get(query(req, "container") ?? "");
      const pause = req.query?.["pause"] === undefined || boolQuery(req, "pause");
      const paused = pause && c.State.Running && !c.State.Paused;
      if (paused) engine.containers.pause(c.Id);
      try {
        // The CLI sends one `changes` value per --change (each may hold several lines).
        const values = req.queryLists?.["changes"] ?? (req.query?.["changes"] ? [req.query["changes"]] : []);
        const changes = values.flatMap((v) => v.split("\n")).filter((l) => l.trim() !== "");
        const config = req.body && typeof req.body === "object" && !(req.body instanceof Uint8Array) ? (req.body as Partial<ImageConfig>) : null;
        const image = commitContainer(engine.ctx, engine.images, engine.fs, c, {
          repo: query(req, "repo") || undefined,
          tag: query(req, "tag") || undefined,
          comment: query(req, "comment") || undefined,
          author: query(req, "author") || undefined,
          changes,
          config,
        });
        return ok({ Id: image.Id }, 201);
      } finally {
        if (paused) engine.containers.unpause(c.Id);
      }
    }),
  ];
}
