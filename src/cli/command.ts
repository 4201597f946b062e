// A `docker` subcommand: its usage line, flags, argument rule and action. Parsing is separate
// from doing, as in docker/cli's cobra commands.
import type { DockerClient } from "../client/index.js";
import type { FlagSpec, ParsedFlags } from "./flags/flag-spec.js";
import type { CliIo } from "./io.js";

export type ArgRule =
  | { kind: "none" }
  | { kind: "exact"; n: number }
  | { kind: "min"; n: number }
  | { kind: "max"; n: number }
  | { kind: "range"; min: number; max: number };

export interface CommandContext {
  io: CliIo;
  client: DockerClient;
  /** "docker run" or "docker container run": how the user called it, for messages. */
  path: string;
  useLine: string;
}

export interface CommandDef {
  name: string;
  /** Usage after the command name, e.g. "[OPTIONS] IMAGE [COMMAND] [ARG...]". */
  usage: string;
  /** Our own one-line description. */
  description: string;
  /** Every way to call it, as `docker X --help` lists them under Aliases. */
  aliases?: string[];
  flags: FlagSpec[];
  /** false: flags stop at the first argument (docker run IMAGE -- the rest is the command). */
  interspersed?: boolean;
  args: ArgRule;
  run(ctx: CommandContext, flags: ParsedFlags): Promise<number | void>;
}

function plural(n: number): string {
  return n === 1 ? "argument" : "arguments";
}

/** cli/required.go's messages, quirks included ("See" vs "Run", and the "SRun" typo). */
export function checkArgs(rule: ArgRule, count: number, path: string, useLine: string): string | undefined {
  const usage = `\n\nUsage:  ${useLine}\n\n`;
  switch (rule.kind) {
    case "none":
      return count > 0 ? `docker: '${path}' accepts no arguments${usage}Run '${path} --help' for more information` : undefined;
    case "exact":
      return count !== rule.n ? `docker: '${path}' requires ${rule.n} ${plural(rule.n)}${usage}Run '${path} --help' for more information` : undefined;
    case "min":
      return count < rule.n ? `docker: '${path}' requires at least ${rule.n} ${plural(rule.n)}${usage}See '${path} --help' for more information` : undefined;
    case "max":
      return count > rule.n ? `docker: '${path}' requires at most ${rule.n} ${plural(rule.n)}${usage}SRun '${path} --help' for more information` : undefined;
    case "range":
      return count < rule.min || count > rule.max
        ? `docker: '${path}' requires at least ${rule.min} and at most ${rule.max} ${plural(rule.max)}${usage}Run '${path} --help' for more information`
        : undefined;
  }
}
