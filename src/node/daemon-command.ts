// `docker-playground daemon [-H HOST]...`: the command line of the headless daemon, with
// dockerd's wording for what it prints, and a clean shutdown on SIGINT/SIGTERM.
import { defaultHost, startDaemon } from "./daemon.js";

export const usage = `Usage:  docker-playground COMMAND

A Docker Engine emulated in TypeScript

Commands:
  daemon    Serve the Docker Engine API (API 1.50) over HTTP

Daemon options:
  -D, --debug       Log every API call on stderr
  -H, --host list   Daemon socket(s) to listen on: tcp://HOST:PORT or unix:///PATH
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

/** Parses -D and -H/--host, the latter in the forms pflag accepts: "-H x", "-Hx", "--host x", "--host=x". */
export function parseDaemonArgs(args: string[]): { hosts: string[]; debug: boolean } | { error: string } {
  const hosts: string[] = [];
  let debug = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? "";
    let value: string | undefined;
    if (arg === "-D" || arg === "--debug") {
      debug = true;
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
  return { hosts, debug };
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
    daemon = await startDaemon({ hosts: parsed.hosts, ...(parsed.debug ? { debug } : {}) });
  } catch (error) {
    io.err(`failed to start daemon: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
  for (const address of daemon.addresses) io.out(`API listen on ${address}\n`);
  const stop = (signal: string) => {
    io.err(`Processing signal '${signal}'\n`);
    void daemon.close().then(() => process.exit(0));
  };
  process.once("SIGINT", () => stop("interrupt"));
  process.once("SIGTERM", () => stop("terminated"));
  return undefined;
}
