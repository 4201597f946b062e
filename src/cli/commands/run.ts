// docker run / docker container run: create (pulling if needed), then either start detached and
// print the id, or attach, start, stream the output and exit with the container's code.
import type { CommandContext, CommandDef } from "../command.js";
import { StatusError } from "../errors.js";
import { getBool, getList, getString, type FlagSpec, type ParsedFlags } from "../flags/flag-spec.js";
import { daemonMessage } from "./common.js";
import { buildCreateRequest, containerFlags } from "./container-options.js";
import { createContainer } from "./create-container.js";

/** docker run's wrapper: "docker: <err>" + help hint, exit 125 (126/127 for exec failures). */
export function runError(error: unknown, path: string): StatusError {
  if (error instanceof StatusError) return error;
  const message = daemonMessage(error);
  let code = 125;
  if (/executable file not found|no such file or directory|system cannot find the file specified/.test(message)) code = 127;
  else if (/permission denied|is a directory/.test(message)) code = 126;
  return new StatusError(code, `docker: ${message}\n\nRun '${path} --help' for more information`);
}

function pullPolicy(flags: ParsedFlags): string {
  const pull = getString(flags, "pull") || "missing";
  if (!["always", "missing", "never"].includes(pull)) {
    throw new Error(`invalid pull option: '${pull}': must be one of "always", "missing" or "never"`);
  }
  return pull;
}

async function runContainer(ctx: CommandContext, flags: ParsedFlags): Promise<number> {
  const { io, client } = ctx;
  const detach = getBool(flags, "detach");
  if (getBool(flags, "tty") && getBool(flags, "interactive") && !io.isTTY) throw new Error("the input device is not a TTY");
  const request = await buildCreateRequest(flags, io, !detach);
  // run.go checks this in runContainer, after parsing: so it is printed bare, exit 1.
  if (detach && getList(flags, "attach").length > 0) throw new StatusError(1, "conflicting options: cannot specify both --attach and --detach");
  const id = await createContainer(client, request, io, pullPolicy(flags), getBool(flags, "quiet"));
  const autoRemove = getBool(flags, "rm");
  if (detach) {
    // The CLI prints the id as soon as the container exists, so a failed start still shows it.
    io.stdout(`${id}\n`);
    await client.containerWait(id, autoRemove ? "removed" : "next-exit");
    await client.containerStart(id);
    return 0;
  }
  const attached = await client.containerAttach(id, { stdout: true, stderr: true, stdin: getBool(flags, "interactive") });
  const wait = await client.containerWait(id, autoRemove ? "removed" : "next-exit");
  await client.containerStart(id);
  const interrupted = new Promise<"interrupted">((resolve) => {
    if (io.signal?.aborted) resolve("interrupted");
    io.signal?.addEventListener("abort", () => resolve("interrupted"), { once: true });
  });
  const streamed = (async () => {
    for await (const chunk of attached.output) (chunk.stream === "stderr" ? io.stderr : io.stdout)(chunk.data);
    return "done" as const;
  })();
  if ((await Promise.race([streamed, interrupted])) === "interrupted") {
    // The CLI proxies Ctrl-C to the container as SIGINT, then stops waiting for it.
    await client.containerKill(id, "SIGINT").catch(() => undefined);
    return 130;
  }
  const { StatusCode } = await wait.result;
  return StatusCode;
}

const runFlags: FlagSpec[] = [
  ...containerFlags,
  { name: "detach", short: "d", kind: "bool", usage: "Run container in background and print container ID" },
  { name: "sig-proxy", kind: "bool", defaultText: "true", usage: "Proxy received signals to the process" },
];

export const run: CommandDef = {
  name: "run",
  usage: "[OPTIONS] IMAGE [COMMAND] [ARG...]",
  description: "Create and run a new container from an image",
  flags: runFlags,
  interspersed: false,
  args: { kind: "min", n: 1 },
  async run(ctx, flags) {
    try {
      return await runContainer(ctx, flags);
    } catch (error) {
      throw runError(error, ctx.path);
    }
  },
};

export const create: CommandDef = {
  name: "create",
  usage: "[OPTIONS] IMAGE [COMMAND] [ARG...]",
  description: "Create a new container without starting it",
  flags: containerFlags,
  interspersed: false,
  args: { kind: "min", n: 1 },
  async run({ io, client, path }, flags) {
    let request;
    try {
      request = await buildCreateRequest(flags, io, false);
      pullPolicy(flags);
    } catch (error) {
      throw runError(error, path);
    }
    const id = await createContainer(client, request, io, pullPolicy(flags), getBool(flags, "quiet"));
    io.stdout(`${id}\n`);
  },
};
