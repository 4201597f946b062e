// buildkit's instructions.ParseInstruction: a line node to a typed instruction, with the argument
// counts, flags and forms each instruction allows. Errors carry buildkit's texts; parse.ts adds
// "dockerfile parse error on line N: ".

import { BFlags } from "./bflags";
import { parseGoDuration } from "./go-duration";
import { goQuote, parseGoInt32, trimGoSpace } from "./go-text";
import { mustParseHeredoc } from "./heredoc";
import type { CommandLine, HealthcheckSpec, Instruction, KeyValue, OptionalKeyValue, Stage } from "./instructions";
import type { LineNode } from "./line-parsers";
import { checkRunFlags } from "./run-flags";
import { withSuggestion } from "./suggest";

export type Parsed = Instruction | (Stage & { kind: "from" });

export const instructionNames = [
  "ADD", "ARG", "CMD", "COPY", "ENTRYPOINT", "ENV", "EXPOSE", "FROM", "HEALTHCHECK",
  "LABEL", "MAINTAINER", "ONBUILD", "RUN", "SHELL", "STOPSIGNAL", "USER", "VOLUME", "WORKDIR",
];

const atLeastOne = (cmd: string): Error => new Error(`${cmd} requires at least one argument`);
const exactlyOne = (cmd: string): Error => new Error(`${cmd} requires exactly one argument`);
const noDestination = (cmd: string): Error =>
  new Error(`${cmd} requires at least two arguments, but only one was provided. Destination could not be determined`);
const blankNames = (cmd: string): Error => new Error(`${cmd} names can not be blank`);

interface Request {
  node: LineNode;
  args: string[];
  flags: BFlags;
  base: { source: string; line: number };
}

function keyValues(args: string[], cmd: string): KeyValue[] {
  if (args.length === 0) throw atLeastOne(cmd);
  if (args.length % 3 !== 0) throw new Error(`Bad input to ${cmd}, too many arguments`);
  const pairs: KeyValue[] = [];
  for (let j = 0; j < args.length; j += 3) {
    const key = args[j] ?? "";
    if (key === "") throw blankNames(cmd);
    pairs.push({ key, value: args[j + 1] ?? "", noDelim: args[j + 2] === "" });
  }
  return pairs;
}

/** CMD, ENTRYPOINT, RUN: the shell form is the arguments joined into one string. */
function commandLine(req: Request): CommandLine {
  const { args, node } = req;
  return { args: node.json || args.length === 0 ? args : [args.join(" ")], prependShell: !node.json };
}

/** ADD/COPY sources and destination; heredoc sources (`COPY <<EOF /x`) are not paths. */
function sourcesAndDest(args: string[], cmd: string): { sources: string[]; dest: string } {
  const dest = args[args.length - 1] ?? "";
  if (mustParseHeredoc(dest)) throw new Error(`${cmd} cannot accept a heredoc as a destination`);
  const sources = args.slice(0, -1).filter((src) => !mustParseHeredoc(src));
  return { sources, dest };
}

function parseAdd(req: Request): Instruction {
  if (req.args.length < 2) throw noDestination("ADD");
  const chown = req.flags.string("chown");
  const chmod = req.flags.string("chmod");
  req.flags.bool("link");
  req.flags.bool("keep-git-dir");
  req.flags.string("checksum");
  req.flags.parse();
  const { sources, dest } = sourcesAndDest(req.args, "ADD");
  return { ...req.base, kind: "add", sources, dest, chown: chown.value, chmod: chmod.value, flagsUsed: req.flags.used };
}

function parseCopy(req: Request): Instruction {
  if (req.args.length < 2) throw noDestination("COPY");
  // --parents and --exclude exist only in buildkit's labs builds, not in the daemon's copy.
  const chown = req.flags.string("chown");
  const from = req.flags.string("from");
  const chmod = req.flags.string("chmod");
  req.flags.bool("link");
  req.flags.parse();
  const { sources, dest } = sourcesAndDest(req.args, "COPY");
  return {
    ...req.base,
    kind: "copy",
    sources,
    dest,
    from: from.value,
    chown: chown.value,
    chmod: chmod.value,
    flagsUsed: req.flags.used,
  };
}

const validStageName = /^[a-z][a-z0-9\-_.]*$/;

function parseFrom(req: Request): Parsed {
  const { args } = req;
  let name = "";
  if (args.length === 3 && (args[1] ?? "").toLowerCase() === "as") {
    name = (args[2] ?? "").toLowerCase();
    if (!validStageName.test(name)) {
      throw new Error(
        `invalid name for build stage: ${goQuote(args[2] ?? "")}, name can't start with a number or contain symbols`,
      );
    }
  } else if (args.length !== 1) {
    throw new Error("FROM requires either one or three arguments");
  }
  const platform = req.flags.string("platform");
  req.flags.parse();
  return { ...req.base, kind: "from", name, baseName: args[0] ?? "", platform: platform.value, commands: [] };
}

function parseOnBuild(req: Request): Instruction {
  if (req.args.length === 0) throw atLeastOne("ONBUILD");
  req.flags.parse();
  const trigger = trimGoSpace(req.args[0] ?? "").toUpperCase();
  if (trigger === "ONBUILD") throw new Error("Chaining ONBUILD via `ONBUILD ONBUILD` isn't allowed");
  if (trigger === "MAINTAINER" || trigger === "FROM") throw new Error(`${trigger} isn't allowed as an ONBUILD trigger`);
  let expression = req.node.original.replace(/^\s*ONBUILD\s*/i, "");
  for (const doc of req.node.heredocs) expression += `\n${doc.content}${doc.name}`;
  return { ...req.base, kind: "onbuild", expression };
}

function oneArg(req: Request, cmd: string): string {
  if (req.args.length !== 1) throw exactlyOne(cmd);
  return req.args[0] ?? "";
}

/** --interval and friends: 0 when absent or zero, at least 1ms otherwise. */
function interval(value: string, name: string): number {
  if (value === "") return 0;
  const d = parseGoDuration(value);
  if (d === 0) return 0;
  if (d < 1_000_000) throw new Error(`Interval ${goQuote(name)} cannot be less than 1ms`);
  return d;
}

function parseHealthcheck(req: Request): Instruction {
  if (req.args.length === 0) throw atLeastOne("HEALTHCHECK");
  let type = (req.args[0] ?? "").toUpperCase();
  const args = req.args.slice(1);
  const none: HealthcheckSpec = { test: [], interval: 0, timeout: 0, startPeriod: 0, startInterval: 0, retries: 0 };
  if (type === "NONE") {
    // Flags are not even looked at for NONE.
    if (args.length !== 0) throw new Error("HEALTHCHECK NONE takes no arguments");
    return { ...req.base, kind: "healthcheck", health: { ...none, test: ["NONE"] } };
  }
  const flInterval = req.flags.string("interval");
  const flTimeout = req.flags.string("timeout");
  const flStartPeriod = req.flags.string("start-period");
  const flStartInterval = req.flags.string("start-interval");
  const flRetries = req.flags.string("retries");
  req.flags.parse();
  if (type !== "CMD") throw new Error(`Unknown type ${goQuote(type)} in HEALTHCHECK (try CMD)`);
  const cmd = req.node.json || args.length === 0 ? args : [args.join(" ")];
  if (cmd.length === 0) throw new Error("Missing command after HEALTHCHECK CMD");
  if (!req.node.json) type = "CMD-SHELL";
  const health: HealthcheckSpec = {
    test: [type, ...cmd],
    interval: interval(flInterval.value, "interval"),
    timeout: interval(flTimeout.value, "timeout"),
    startPeriod: interval(flStartPeriod.value, "start-period"),
    startInterval: interval(flStartInterval.value, "start-interval"),
    retries: 0,
  };
  if (flRetries.value !== "") {
    const retries = parseGoInt32(flRetries.value);
    if (retries < 0) throw new Error(`--retries cannot be negative (${retries})`);
    health.retries = retries;
  }
  return { ...req.base, kind: "healthcheck", health };
}

function parseArg(req: Request): Instruction {
  if (req.args.length === 0) throw atLeastOne("ARG");
  const args: OptionalKeyValue[] = req.args.map((arg) => {
    const eq = arg.indexOf("=");
    if (eq < 0) return { key: arg, value: undefined };
    if (eq === 0) throw blankNames("ARG");
    return { key: arg.slice(0, eq), value: arg.slice(eq + 1) };
  });
  return { ...req.base, kind: "arg", args };
}

function parseShell(req: Request): Instruction {
  req.flags.parse();
  if (req.args.length === 0) throw atLeastOne("SHELL");
  if (!req.node.json) throw new Error("SHELL requires the arguments to be in JSON form");
  return { ...req.base, kind: "shell", shell: req.args };
}

function parseVolume(req: Request): Instruction {
  if (req.args.length === 0) throw atLeastOne("VOLUME");
  req.flags.parse();
  const volumes = req.args.map((v) => {
    const trimmed = trimGoSpace(v);
    if (trimmed === "") throw new Error("VOLUME specified can not be an empty string");
    return trimmed;
  });
  return { ...req.base, kind: "volume", volumes };
}

function parseRun(req: Request): Instruction {
  const flags = checkRunFlags(req.flags);
  return { ...req.base, kind: "run", command: commandLine(req), flagsUsed: flags };
}

type Parser = (req: Request) => Parsed;

const parsers: Record<string, Parser> = {
  env: (req) => {
    req.flags.parse();
    return { ...req.base, kind: "env", pairs: keyValues(req.args, "ENV") };
  },
  maintainer: (req) => {
    const maintainer = oneArg(req, "MAINTAINER");
    req.flags.parse();
    return { ...req.base, kind: "maintainer", maintainer };
  },
  label: (req) => {
    req.flags.parse();
    return { ...req.base, kind: "label", pairs: keyValues(req.args, "LABEL") };
  },
  add: parseAdd,
  copy: parseCopy,
  from: parseFrom,
  onbuild: parseOnBuild,
  workdir: (req) => {
    const path = oneArg(req, "WORKDIR");
    req.flags.parse();
    return { ...req.base, kind: "workdir", path };
  },
  run: parseRun,
  cmd: (req) => {
    req.flags.parse();
    return { ...req.base, kind: "cmd", command: commandLine(req) };
  },
  healthcheck: parseHealthcheck,
  entrypoint: (req) => {
    req.flags.parse();
    return { ...req.base, kind: "entrypoint", command: commandLine(req) };
  },
  expose: (req) => {
    if (req.args.length === 0) throw atLeastOne("EXPOSE");
    req.flags.parse();
    return { ...req.base, kind: "expose", ports: [...req.args].sort() };
  },
  user: (req) => {
    const user = oneArg(req, "USER");
    req.flags.parse();
    return { ...req.base, kind: "user", user };
  },
  volume: parseVolume,
  // STOPSIGNAL never parses its flags, so any are accepted and ignored.
  stopsignal: (req) => ({ ...req.base, kind: "stopsignal", signal: oneArg(req, "STOPSIGNAL") }),
  arg: parseArg,
  shell: parseShell,
};

/** One node to its instruction (or, for FROM, the stage it opens). Throws buildkit's error text. */
export function parseInstruction(node: LineNode): Parsed {
  const parse = parsers[node.value.toLowerCase()];
  if (!parse) {
    throw new Error(withSuggestion(`unknown instruction: ${node.value}`, node.value, instructionNames, false));
  }
  return parse({
    node,
    args: node.args,
    flags: new BFlags(node.flags),
    base: { source: trimGoSpace(node.original), line: node.startLine },
  });
}
