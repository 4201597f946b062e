// GET /containers/{id}/logs with json-file semantics: stdout/stderr selection, since/until,
// tail, timestamps, and follow until the container stops.
import type { ContainerRecord } from "../containers/container-record.js";
import type { Engine } from "../engine.js";
import { invalidParameter } from "../errors.js";
import type { LogEntry } from "../logs/log-store.js";
import { Channel } from "../streams/channel.js";
import { boolQuery, query } from "./route.js";
import type { ApiRequest, ApiResponse, StdioChunk } from "./types.js";

/** "2006-01-02T15:04:05.000000000Z": docker logs -t uses nine fixed digits. */
export function fixedNanoTime(ms: number): string {
  const iso = new Date(ms).toISOString();
  return `${iso.slice(0, 23)}000000Z`;
}

/** since/until: unix seconds with optional fraction, as the CLI sends them. */
function parseTime(text: string | undefined): number | undefined {
  if (!text) return undefined;
  const n = Number(text);
  if (!Number.isFinite(n)) throw invalidParameter(`invalid value for since/until: ${text}`);
  return n * 1000;
}

export function logStream(engine: Engine, c: ContainerRecord, req: ApiRequest): ApiResponse {
  const stdout = boolQuery(req, "stdout");
  const stderr = boolQuery(req, "stderr");
  if (!stdout && !stderr) throw invalidParameter("Bad parameters: you must choose at least one stream");
  const driver = (c.HostConfig["LogConfig"] as { Type?: string } | undefined)?.Type;
  if (driver === "none") {
    throw invalidParameter(`configured logging driver does not support reading`);
  }
  const since = parseTime(query(req, "since"));
  const until = parseTime(query(req, "until"));
  const timestamps = boolQuery(req, "timestamps");
  const tailText = query(req, "tail") ?? "all";
  const tail = tailText === "all" || tailText === "" ? Infinity : Number(tailText);
  const wanted = (e: LogEntry) =>
    (e.stream === "stdout" ? stdout : stderr) && (since === undefined || e.time >= since) && (until === undefined || e.time <= until);
  const toChunk = (e: LogEntry): StdioChunk => ({ stream: e.stream, data: timestamps ? `${fixedNanoTime(e.time)} ${e.text}` : e.text });

  let history = engine.logs.entries(c.Id).filter(wanted);
  if (Number.isFinite(tail)) history = tail <= 0 ? [] : history.slice(-tail);
  const chunks = new Channel<StdioChunk>();
  for (const entry of history) chunks.push(toChunk(entry));
  const follow = boolQuery(req, "follow") && c.State.Running && (until === undefined || until > engine.ctx.clock.now());
  if (!follow) {
    chunks.close();
  } else {
    const stopFollowing = engine.logs.follow(c.Id, (entry) => {
      if (wanted(entry)) chunks.push(toChunk(entry));
    });
    const stopWatching = engine.ctx.events.subscribe((event) => {
      if (event.Actor.ID === c.Id && (event.Action === "die" || event.Action === "destroy")) chunks.close();
    });
    chunks.onClose(() => {
      stopFollowing();
      stopWatching();
    });
  }
  return { status: 200, stream: { kind: "stdio", tty: c.Config.Tty, chunks } };
}
