// GET /containers/{id}/stats (daemon/stats.go ContainerStats): one frame for stream=0 or
// one-shot, otherwise a frame per second of the engine clock, each carrying the previous
// sample as precpu_stats, until the container is removed or the client goes away.
import type { ContainerRecord } from "../containers/container-record.js";
import { containerStats, sampleOf, statsFrame } from "../containers/container-stats.js";
import type { Engine } from "../engine.js";
import { invalidParameter } from "../errors.js";
import { Channel } from "../streams/channel.js";
import { boolQuery, ok, query } from "./route.js";
import type { ApiRequest, ApiResponse } from "./types.js";

/** httputils.BoolValueOrDefault: the default when the key is absent, BoolValue otherwise. */
function boolOr(request: ApiRequest, name: string, fallback: boolean): boolean {
  return query(request, name) === undefined ? fallback : boolQuery(request, name);
}

export const statsInterval = 1000;

export function statsResponse(engine: Engine, c: ContainerRecord, request: ApiRequest): ApiResponse {
  const { clock, events, store } = engine.ctx;
  const stream = boolOr(request, "stream", true);
  const oneShot = boolOr(request, "one-shot", false);
  if (stream && oneShot) throw invalidParameter("cannot have stream=true and one-shot=true");
  if (oneShot) return ok(statsFrame(c, clock.now(), undefined, engine.activity(c)));
  if (!stream) return ok(containerStats(c, clock.now(), engine.activity(c)));

  const frames = new Channel<unknown>();
  // The daemon's first frame has no earlier sample: precpu zero, preread the zero time.
  let previous: ReturnType<typeof sampleOf> | undefined;
  let cancel = () => undefined as void;
  const tick = () => {
    const current = store.get<ContainerRecord>("container", c.Id);
    if (!current) {
      frames.close();
      return;
    }
    const now = clock.now();
    const activity = engine.activity(current);
    frames.push(statsFrame(current, now, previous, activity));
    previous = sampleOf(current, now, activity);
    cancel = clock.setTimer(statsInterval, tick);
  };
  tick();
  const unsubscribe = events.subscribe((e) => {
    if (e.Type === "container" && e.Action === "destroy" && e.Actor.ID === c.Id) frames.close();
  });
  frames.onClose(() => {
    unsubscribe();
    cancel();
  });
  return { status: 200, stream: { kind: "json-lines", messages: frames } };
}
