// docker events / docker system events (cli/command/system/events.go): the daemon's events from
// --since, streamed until --until passes or Ctrl-C, one line each, or through --format.
import { getTimestamp, type SystemEvent } from "../../client/index.js";
import type { CommandDef } from "../command.js";
import { StatusError } from "../errors.js";
import { getList, getString } from "../flags/flag-spec.js";
import { DOCKER_FUNCS, encodeJson, goStruct, JSON_FORMAT, MARSHAL_JSON, parseTemplate, rfc3339NanoFixed, type Template } from "../format/index.js";
import { templateFormatHelp } from "../help/flag-help.js";
import { parseFilterFlags } from "./ps.js";

/** events.Message as templates see it: Go field names, its own JSON (the wire form). */
function message(e: SystemEvent | undefined) {
  const data = goStruct("*events.Message", {
    Status: e?.status ?? "",
    ID: e?.id ?? "",
    From: e?.from ?? "",
    Type: e?.Type ?? "",
    Action: e?.Action ?? "",
    // A nil map reads as an empty one in Go templates (.Actor.Attributes.x is <no value>).
    Actor: goStruct("events.Actor", { ID: e?.Actor.ID ?? "", Attributes: e?.Actor.Attributes ?? {} }),
    Scope: e?.scope ?? "",
    Time: e?.time ?? 0,
    TimeNano: e?.timeNano ?? 0,
  });
  Object.defineProperty(data, MARSHAL_JSON, { value: () => encodeJson(wireForm(e), { escapeHTML: false }) });
  return data;
}

/** The Go encoding of events.Message: struct order, the omitempty fields left out when empty. */
function wireForm(e: SystemEvent | undefined): object {
  const out: Record<string, unknown> = {};
  if (e?.status) out["status"] = e.status;
  if (e?.id) out["id"] = e.id;
  if (e?.from) out["from"] = e.from;
  Object.assign(out, { Type: e?.Type ?? "", Action: e?.Action ?? "", Actor: goStruct("events.Actor", { ID: e?.Actor.ID ?? "", Attributes: e?.Actor.Attributes ?? null }) });
  if (e?.scope) out["scope"] = e.scope;
  if (e?.time) out["time"] = e.time;
  if (e?.timeNano) out["timeNano"] = e.timeNano;
  return goStruct("events.Message", out);
}

/** makeTemplate: "json" is {{json .}}; the template is tried on an empty message first. */
function makeTemplate(format: string): Template | undefined {
  if (format === "") return undefined;
  try {
    const tmpl = parseTemplate(format === "json" ? JSON_FORMAT : format, DOCKER_FUNCS);
    tmpl.execute(message(undefined), { typeName: "*events.Message" });
    return tmpl;
  } catch (error) {
    throw new StatusError(64, `Error parsing format: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** prettyPrintEvent: time, type, action, actor id, then the attributes sorted by key. */
export function prettyEvent(e: SystemEvent): string {
  let line = "";
  if (e.timeNano) {
    // timeNano is past 2^53: read it to the microsecond, which a double still holds exactly.
    const micros = Math.round(e.timeNano / 1000);
    line += `${rfc3339NanoFixed(Math.floor(micros / 1000), (micros % 1000) * 1000)} `;
  }
  else if (e.time) line += `${rfc3339NanoFixed(e.time * 1000)} `;
  line += `${e.Type} ${e.Action} ${e.Actor.ID}`;
  const keys = Object.keys(e.Actor.Attributes ?? {}).sort();
  if (keys.length > 0) line += ` (${keys.map((k) => `${k}=${e.Actor.Attributes[k]}`).join(", ")})`;
  return `${line}\n`;
}

export const events: CommandDef = {
  name: "events",
  usage: "[OPTIONS]",
  description: "Stream what happens on the daemon as it happens",
  flags: [
    { name: "filter", short: "f", kind: "filter", usage: "Only show events that match these conditions" },
    { name: "format", kind: "string", usage: templateFormatHelp },
    { name: "since", kind: "string", usage: "Start with the events since this time" },
    { name: "until", kind: "string", usage: "Stop streaming at this time" },
  ],
  args: { kind: "none" },
  async run({ io, client }, flags) {
    const tmpl = makeTemplate(getString(flags, "format"));
    const since = getString(flags, "since");
    const until = getString(flags, "until");
    const now = io.now();
    const stream = await client.events({
      ...(since ? { since: getTimestamp(since, now) } : {}),
      ...(until ? { until: getTimestamp(until, now) } : {}),
      filters: parseFilterFlags(getList(flags, "filter")),
    });
    const iterator = stream[Symbol.asyncIterator]();
    const aborted = new Promise<IteratorResult<never>>((resolve) => {
      if (io.signal?.aborted) resolve({ done: true, value: undefined });
      io.signal?.addEventListener("abort", () => resolve({ done: true, value: undefined }), { once: true });
    });
    try {
      for (;;) {
        const next = await Promise.race([iterator.next(), aborted]);
        // Ctrl-C: docker exits as a process killed by SIGINT does.
        if (io.signal?.aborted) return 130;
        if (next.done) return 0;
        io.stdout(tmpl ? `${tmpl.execute(message(next.value), { typeName: "*events.Message" })}\n` : prettyEvent(next.value));
      }
    } finally {
      // Closing tells the daemon to stop streaming.
      void iterator.return?.();
    }
  },
};
