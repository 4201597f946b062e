// `docker-playground daemon [-H HOST]... [--data-root DIR]`: the command line of the headless daemon, with
// dockerd's wording for what it prints, and a clean shutdown on SIGINT/SIGTERM.
import { resolve } from "node:path";
import { defaultHost, startDaemon } from "./daemon.js";

export const usage = `Usage:  docker-playground COMMAND

A Docker Engine emulated in TypeScript

Commands:
  daemon    Serve the Docker Engine API (API 1.50) over HTTP

Daemon options:
      --data-root string   Directory to keep the daemon's state in across restarts
                           (default: in memory only, lost when the daemon stops)
  -D, --debug              Log every API call on stderr
  -H, --host list          Daemon socket(s) to listen on: tcp://HOST:PORT or unix:///PATH
                           (default ${defaultHost})
`;

export interface CommandIo {
  out(text: string): void;
  err(text: string): void;
}

const consoleIo: CommandIo = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
};

export interface DaemonArgs {
  hosts: string[];
  debug: boolean;
  dataRoot?: string;
}

/**
 * Parses -D, --data-root and -H/--host, the latter in the forms pflag accepts: "-H x", "-Hx",
 * "--host x", "--host=x" (and "--data-root x", "--data-root=x").
 */
export function parseDaemonArgs(args: string[]): DaemonArgs | { error: string } {
  const hosts: string[] = [];
  let debug = false;
  let dataRoot: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? "";
    let value: string | undefined;
    if (arg === "-D" || arg === "--debug") {
      debug = true;
      continue;
    }
    if (arg === "--data-root" || arg.startsWith("--data-root=")) {
      dataRoot = arg === "--data-root" ? args[++i] : arg.slice("--data-root=".length);
      if (dataRoot === undefined) return { error: "flag needs an argument: --data-root" };
      if (dataRoot === "") return { error: "invalid argument \"\" for \"--data-root\" flag: the data root cannot be empty" };
      continue;
    }
    if (arg === "-H" || arg === "--host") {
      value = args[++i];
      if (value === undefined) return { error: `flag needs an argument: ${arg === "-H" ? "'H' in -H" : "--host"}` };
    } else if (arg.startsWith("--host=")) value = arg.slice("--host=".length);
    else if (arg.startsWith("-H") && arg.length > 2) value = arg.slice(2).replace(/^=/, "");
    else return { error: `unknown flag: ${arg}` };
    hosts.push(value);
  }
  return dataRoot === undefined ? { hosts, debug } : { hosts, debug, dataRoot };
}

/** Runs the command; resolves with an exit code only for failures (the daemon runs until a signal). */
export async function runCommand(argv: string[], io: CommandIo = consoleIo): Promise<number | undefined> {
  const [command, ...rest] = argv;
  if (command === "-h" || command === "--help" || command === "help") {
    io.out(usage);
    return 0;
  }
  if (command !== "daemon") {
    io.err(command === undefined ? usage : `docker-playground: unknown command "${command}"\n\n${usage}`);
    return 2;
  }
  const parsed = parseDaemonArgs(rest);
  if ("error" in parsed) {
    io.err(`${parsed.error}\n\n${usage}`);
    return 2;
  }
  let daemon;
  try {
    const debug = (line: string) => io.err(`level=debug msg="${line}"\n`);
    daemon = await startDaemon({
      hosts: parsed.hosts,
      ...(parsed.debug ? { debug } : {}),
      ...(parsed.dataRoot === undefined ? {} : { dataRoot: resolve(parsed.dataRoot) }),
    });
  } catch (error) {
    io.err(`failed to start daemon: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
  for (const address of daemon.addresses) io.out(`API listen on ${address}\n`);
  const stop = (signal: string) => {
    io.err(`Processing signal '${signal}'\n`);
    // close() writes the last changes to the data root before the process goes.
    void daemon.close().then(
      () => process.exit(0),
      (error: unknown) => {
        io.err(`failed to shut down cleanly: ${error instanceof Error ? error.message : String(error)}\n`);
        process.exit(1);
      },
    );
  };
  process.once("SIGINT", () => stop("interrupt"));
  process.once("SIGTERM", () => stop("terminated"));
  return undefined;
}
