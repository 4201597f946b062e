// docker logs: the container's json-file log, optionally followed until Ctrl-C or exit.
import type { CommandDef } from "../command.js";
import { getBool, getString } from "../flags/flag-spec.js";

/** --since/--until: a unix time, an RFC 3339 time, or a Go duration before now. */
export function parseTimestamp(text: string, now: number): string {
  if (/^\d+(\.\d+)?$/.test(text)) return text;
  const duration = /^(?:(\d+(?:\.\d+)?)(h|m|s|ms))+$/.test(text) ? goDuration(text) : undefined;
  if (duration !== undefined) return ((now - duration) / 1000).toFixed(9);
  const parsed = Date.parse(text);
  if (Number.isNaN(parsed)) throw new Error(`invalid value for "since": failed to parse value as time or duration: "${text}"`);
  return (parsed / 1000).toFixed(9);
}

export function goDuration(text: string): number | undefined {
  let total = 0;
  const re = /(\d+(?:\.\d+)?)(ms|h|m|s)/g;
  let consumed = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    total += Number(m[1]) * { h: 3_600_000, m: 60_000, s: 1000, ms: 1 }[m[2] as "h" | "m" | "s" | "ms"];
    consumed += m[0].length;
  }
  return consumed === text.length && consumed > 0 ? total : undefined;
}

export const logs: CommandDef = {
  name: "logs",
  usage: "[OPTIONS] CONTAINER",
  description: "Show what a container has written to its output",
  flags: [
    { name: "details", kind: "bool", usage: "Include the extra attributes given to the log driver" },
    { name: "follow", short: "f", kind: "bool", usage: "Keep streaming new output" },
    { name: "since", kind: "string", usage: "Start at this time: a timestamp (e.g. 2013-01-02T13:23:37Z) or a duration ago (e.g. 42m)" },
    { name: "tail", short: "n", kind: "string", defaultText: '"all"', usage: "How many lines to show, counting from the end" },
    { name: "timestamps", short: "t", kind: "bool", usage: "Prefix each line with its time" },
    { name: "until", kind: "string", usage: "Stop before this time: a timestamp (e.g. 2013-01-02T13:23:37Z) or a duration ago (e.g. 42m)" },
  ],
  args: { kind: "exact", n: 1 },
  async run({ io, client }, flags) {
    const [id = ""] = flags.args;
    await client.containerInspect(id);
    const since = getString(flags, "since");
    const until = getString(flags, "until");
    const { output } = await client.containerLogs(id, {
      stdout: true,
      stderr: true,
      follow: getBool(flags, "follow"),
      timestamps: getBool(flags, "timestamps"),
      details: getBool(flags, "details"),
      tail: getString(flags, "tail") || "all",
      ...(since ? { since: parseTimestamp(since, io.now()) } : {}),
      ...(until ? { until: parseTimestamp(until, io.now()) } : {}),
    });
    const iterator = output[Symbol.asyncIterator]();
    const aborted = new Promise<IteratorResult<never>>((resolve) => {
      io.signal?.addEventListener("abort", () => resolve({ done: true, value: undefined }), { once: true });
    });
    for (;;) {
      const next = await Promise.race([iterator.next(), aborted]);
      if (next.done) break;
      (next.value.stream === "stderr" ? io.stderr : io.stdout)(next.value.data);
    }
    // Closing tells the daemon to stop following; nothing to wait for.
    void iterator.return?.();
  },
};
