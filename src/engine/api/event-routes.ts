// GET /events (api/server/router/system getEvents): replays the kept events between since and
// until, then streams live ones until `until` passes or the client goes away.
import type { Engine } from "../engine.js";
import { invalidParameter } from "../errors.js";
import type { DockerEvent } from "../events/event-bus.js";
import { includeEvent } from "../events/event-filter.js";
import { parseEventTime } from "../events/event-time.js";
import { Channel } from "../streams/channel.js";
import { parseFilters } from "./filters.js";
import { query, route, type Route } from "./route.js";

function apiVersion(path: string): string | undefined {
  return /^\/v([0-9.]+)\//.exec(path)?.[1];
}

function olderThan(version: string | undefined, than: string): boolean {
  if (version === undefined) return false;
  const [a = 0, b = 0] = version.split(".").map(Number);
  const [c = 0, d = 0] = than.split(".").map(Number);
  return a < c || (a === c && b < d);
}

export function eventRoutes(engine: Engine): Route[] {
  const { clock, events } = engine.ctx;
  return [
    route("GET", "/events", (req) => {
      const since = parseEventTime(query(req, "since"));
      const until = parseEventTime(query(req, "until"));
      const now = clock.now() * 1e6;
      if (until !== undefined && since !== undefined && until < since) {
        throw invalidParameter(`\`since\` time (${query(req, "since")}) cannot be after \`until\` time (${query(req, "until")})`);
      }
      const onlyPast = until !== undefined && until < now;
      const filters = parseFilters(query(req, "filters"));
      // Image create events came with API 1.46; older clients never see them.
      const skip = olderThan(apiVersion(req.path), "1.46") ? (e: DockerEvent) => e.Type === "image" && e.Action === "create" : () => false;
      const wanted = (e: DockerEvent) => includeEvent(filters, e) && !skip(e);

      const messages = new Channel<unknown>();
      for (const e of events.buffered(since, until, wanted)) messages.push(e);
      if (onlyPast) {
        messages.close();
      } else {
        const unsubscribe = events.subscribe((e) => {
          if (wanted(e)) messages.push(e);
        });
        const cancel = until === undefined ? () => undefined : clock.setTimer((until - now) / 1e6, () => messages.close());
        messages.onClose(() => {
          unsubscribe();
          cancel();
        });
      }
      return { status: 200, stream: { kind: "json-lines", messages } };
    }),
  ];
}
