// /containers/{id}/pause, unpause, rename, update, top, stats, /containers/prune and the exec
// endpoints (/containers/{id}/exec, /exec/{id}/start, /exec/{id}/json).
import { containerTop } from "../containers/container-stats.js";
import type { UpdateBody } from "../containers/container-settings.js";
import type { Engine } from "../engine.js";
import { EngineError } from "../errors.js";
import type { ExecCreateBody } from "../exec/exec-service.js";
import { detachKeys, pumpStdin } from "./stdin-pump.js";
import { Channel } from "../streams/channel.js";
import { updateConfigType } from "./container-request-types.js";
import { checkFilterKeys, matchesLabels, parseFilters } from "./filters.js";
import { jsonBody, noContent, ok, query, route, type Route } from "./route.js";
import { statsResponse } from "./stats-stream.js";
import type { StdioChunk } from "./types.js";

export function containerOpsRoutes(engine: Engine): Route[] {
  const { containers, containerSettings: settings, exec } = engine;
  return [
    route("POST", "/containers/prune", (req) => {
      const filters = parseFilters(query(req, "filters"));
      checkFilterKeys(filters, ["label", "label!", "until"]);
      const until = filters.get("until")?.[0];
      const before = until === undefined ? Infinity : /^\d+$/.test(until) ? Number(until) * 1000 : Date.parse(until);
      const unwanted = filters.get("label!");
      return ok(
        settings.prune(
          (c) =>
            matchesLabels(filters.get("label"), c.Config.Labels) &&
            (!unwanted || !unwanted.some((l) => matchesLabels([l], c.Config.Labels))) &&
            c.Created < before,
        ),
      );
    }),
    route("POST", "/containers/{id}/pause", (_req, [id = ""]) => {
      containers.pause(id);
      return noContent();
    }),
    route("POST", "/containers/{id}/unpause", (_req, [id = ""]) => {
      containers.unpause(id);
      return noContent();
    }),
    route("POST", "/containers/{id}/rename", (req, [id = ""]) => {
      settings.rename(id, query(req, "name") ?? "");
      return noContent();
    }),
    route("POST", "/containers/{id}/update", (req, [id = ""]) => ok(settings.update(id, jsonBody<UpdateBody>(req, updateConfigType)))),
    route("GET", "/containers/{id}/top", (req, [id = ""]) => {
      const c = containers.get(id);
      const top = containerTop(c, query(req, "ps_args") ?? "", engine.processes.list(c.Id));
      containers.publish(c, "top");
      return ok(top);
    }),
    route("GET", "/containers/{id}/stats", (req, [id = ""]) => statsResponse(engine, containers.get(id), req)),
    route("POST", "/containers/{id}/exec", (req, [id = ""]) => ok(exec.create(id, jsonBody<ExecCreateBody>(req)), 201)),
    route("POST", "/exec/{id}/start", (req, [id = ""]) => {
      const body = jsonBody<{ Detach?: boolean; Tty?: boolean }>(req);
      exec.inspect(id);
      if (body.Detach) {
        const { output } = exec.start(id);
        void (async () => {
          for await (const chunk of output) void chunk;
        })();
        return ok();
      }
      // Past the existence check dockerd has already hijacked: a failure to start is written
      // into the output stream (router/container/exec.go).
      try {
        const { tty, output, process } = exec.start(id);
        const info = exec.inspect(id);
        if (req.stdin && process && info.OpenStdin) {
          void pumpStdin(req.stdin, detachKeys(info.DetachKeys), {
            write: (data) => process.write(data),
            detached: () => output.close(),
            // As for attach: the writer going away closes stdin only without a TTY (detach keeps it).
            ended: () => {
              if (!tty) process.closeStdin();
            },
            stopped: () => output.isClosed,
          });
        }
        return { status: 101, stream: { kind: "stdio", tty, chunks: output } };
      } catch (error) {
        if (!(error instanceof EngineError)) throw error;
        const output = new Channel<StdioChunk>();
        output.push({ stream: "stdout", data: `${error.message}\r\n` });
        output.close();
        return { status: 101, stream: { kind: "stdio", tty: body.Tty === true, chunks: output } };
      }
    }),
    route("GET", "/exec/{id}/json", (_req, [id = ""]) => ok(exec.inspect(id))),
    route("POST", "/exec/{id}/resize", (req, [id = ""]) => {
      exec.resize(id, Number(query(req, "w") || 0), Number(query(req, "h") || 0));
      return ok();
    }),
  ];
}
