// /containers/...: create, inspect, list, lifecycle, wait, attach and logs.
import { listContainers } from "../containers/container-list.js";
import { containerInspect } from "../containers/container-view.js";
import type { AttachChunk, WaitCondition } from "../containers/container-service.js";
import type { Engine } from "../engine.js";
import { EngineError, invalidParameter } from "../errors.js";
import { Channel } from "../streams/channel.js";
import { parseFilters } from "./filters.js";
import { detachKeys, pumpStdin } from "./stdin-pump.js";
import { logStream } from "./log-stream.js";
import { createBody } from "./create-body.js";
import { boolQuery, intQuery, noContent, ok, query, route, type Route } from "./route.js";
import type { StdioChunk } from "./types.js";

export function containerRoutes(engine: Engine): Route[] {
  const { containers } = engine;
  const now = () => engine.ctx.clock.now();
  const findImage = (ref: string) => {
    try {
      return engine.images.get(ref);
    } catch {
      return undefined;
    }
  };
  return [
    route("GET", "/containers/json", (req) => {
      const list = listContainers(containers.all(), engine.images.all(), {
        all: boolQuery(req, "all"),
        limit: intQuery(req, "limit") ?? -1,
        filters: parseFilters(query(req, "filters")),
      }, now(), findImage);
      if (!boolQuery(req, "size")) return ok(list);
      // Sizes come with disk usage, fetched on first use: a plain `docker ps` stays small.
      return import("../system/disk-usage.js").then(({ withContainerSizes }) => ok(withContainerSizes(engine, list)));
    }),
    route("POST", "/containers/create", (req) => ok(containers.create(createBody(req), query(req, "name") || undefined), 201)),
    route("GET", "/containers/{id}/json", (_req, [id = ""]) => {
      const c = containers.get(id);
      return ok({ ...containerInspect(c, engine.images.all().find((i) => i.Id === c.Image)), ExecIDs: engine.exec.idsOf(c.Id) });
    }),
    route("POST", "/containers/{id}/start", (_req, [id = ""]) => {
      containers.start(id);
      return noContent();
    }),
    route("POST", "/containers/{id}/stop", async (req, [id = ""]) => {
      await containers.stop(id, intQuery(req, "t"), query(req, "signal") || undefined);
      return noContent();
    }),
    route("POST", "/containers/{id}/restart", async (req, [id = ""]) => {
      await containers.restart(id, intQuery(req, "t"), query(req, "signal") || undefined);
      return noContent();
    }),
    route("POST", "/containers/{id}/kill", (req, [id = ""]) => {
      try {
        containers.kill(id, query(req, "signal") || "SIGKILL");
      } catch (error) {
        if (error instanceof EngineError && !error.message.startsWith("cannot kill container")) {
          throw new EngineError(error.kind, `cannot kill container: ${id}: ${error.message}`);
        }
        throw error;
      }
      return noContent();
    }),
    route("DELETE", "/containers/{id}", (req, [id = ""]) => {
      containers.remove(id, boolQuery(req, "force"), boolQuery(req, "v"));
      return noContent();
    }),
    route("POST", "/containers/{id}/wait", (req, [id = ""]) => {
      const condition = (query(req, "condition") || "not-running") as WaitCondition;
      if (!["not-running", "next-exit", "removed"].includes(condition)) {
        throw invalidParameter(`invalid condition: "${condition}"`);
      }
      const result = containers.wait(id, condition);
      const messages = new Channel<unknown>();
      void result.then((r) => {
        messages.push(r);
        messages.close();
      });
      return { status: 200, stream: { kind: "json-lines", messages } };
    }),
    route("POST", "/containers/{id}/attach", (req, [id = ""]) => {
      const c = containers.get(id);
      const chunks = new Channel<StdioChunk>();
      const detach = containers.attach(id, (chunk: AttachChunk | null) => {
        if (chunk) chunks.push(chunk);
        else chunks.close();
      });
      chunks.onClose(detach);
      containers.publish(c, "attach");
      if (req.stdin && boolQuery(req, "stdin") && c.Config.OpenStdin) {
        const keys = detachKeys(query(req, "detachKeys"));
        void pumpStdin(req.stdin, keys, {
          write: (data) => containers.writeStdin(c.Id, data),
          // The detach sequence leaves the container running; only this connection ends.
          detached: () => chunks.close(),
          // moby closes the container's stdin when the writer ends only without a TTY.
          ended: () => {
            if (c.Config.StdinOnce && !c.Config.Tty) containers.closeStdin(c.Id);
          },
          stopped: () => chunks.isClosed,
        });
      }
      return { status: 101, stream: { kind: "stdio", tty: c.Config.Tty, chunks } };
    }),
    route("POST", "/containers/{id}/resize", (req, [id = ""]) => {
      const [width, height] = [Number(query(req, "w") || 0), Number(query(req, "h") || 0)];
      containers.resize(id, width, height);
      containers.publish(containers.get(id), "resize", { height: String(height), width: String(width) });
      return { status: 200 };
    }),
    route("GET", "/containers/{id}/logs", (req, [id = ""]) => {
      const c = containers.get(id);
      return logStream(engine, c, req);
    }),
  ];
}
