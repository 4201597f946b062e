// /containers/...: create, inspect, list, lifecycle, wait, attach and logs.
import { listContainers } from "../containers/container-list.js";
import { containerInspect } from "../containers/container-view.js";
import type { AttachChunk, WaitCondition } from "../containers/container-service.js";
import type { CreateBody } from "../containers/create-config.js";
import type { Engine } from "../engine.js";
import { EngineError, invalidParameter } from "../errors.js";
import { Channel } from "../streams/channel.js";
import { parseFilters } from "./filters.js";
import { logStream } from "./log-stream.js";
import { boolQuery, intQuery, jsonBody, noContent, ok, query, route, type Route } from "./route.js";
import type { StdioChunk } from "./types.js";

export function containerRoutes(engine: Engine): Route[] {
  const { containers } = engine;
  const now = () => engine.ctx.clock.now();
  return [
    route("GET", "/containers/json", (req) =>
      ok(
        listContainers(containers.all(), engine.images.all(), {
          all: boolQuery(req, "all"),
          limit: intQuery(req, "limit") ?? -1,
          filters: parseFilters(query(req, "filters")),
        }, now()),
      ),
    ),
    route("POST", "/containers/create", (req) => {
      const body = jsonBody<CreateBody>(req);
      return ok(containers.create(body, query(req, "name") || undefined), 201);
    }),
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
    route("POST", "/containers/{id}/attach", (_req, [id = ""]) => {
      const c = containers.get(id);
      const chunks = new Channel<StdioChunk>();
      const detach = containers.attach(id, (chunk: AttachChunk | null) => {
        if (chunk) chunks.push(chunk);
        else chunks.close();
      });
      chunks.onClose(detach);
      return { status: 101, stream: { kind: "stdio", tty: c.Config.Tty, chunks } };
    }),
    route("GET", "/containers/{id}/logs", (req, [id = ""]) => {
      const c = containers.get(id);
      return logStream(engine, c, req);
    }),
  ];
}
