// docker run / docker container run: create (pulling if needed), then either start detached and
// print the id, or attach, start, stream the output and exit with the container's code.
import type { CommandContext, CommandDef } from "../command.js";
import { StatusError } from "../errors.js";
import { getBool, getList, getString, type FlagSpec, type ParsedFlags } from "../flags/flag-spec.js";
import { daemonMessage } from "./common.js";
import { buildCreateRequest, containerFlags } from "./container-options.js";
import { createContainer } from "./create-container.js";
import { attachedSession } from "./attach-session.js";

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
  const tty = getBool(flags, "tty");
  const interactive = getBool(flags, "interactive");
  const detachKeys = getString(flags, "detach-keys") || undefined;
  let wait: Awaited<ReturnType<typeof client.containerWait>> | undefined;
  const end = await attachedSession(io, { tty, interactive, ...(detachKeys ? { detachKeys } : {}) }, async (input) => {
    const attached = await client.containerAttach(id, { stdout: true, stderr: true, stdin: interactive, ...(input ? { input } : {}), ...(detachKeys ? { detachKeys } : {}) });
    wait = await client.containerWait(id, autoRemove ? "removed" : "next-exit");
    await client.containerStart(id);
    if (tty) await client.containerResize(id, io.columns, io.rows ?? 24).catch(() => undefined);
    return attached;
  });
  if (end === "detached") return 0;
  if (end === "interrupted") {
    // Without a TTY the CLI proxies Ctrl-C to the container as SIGINT (--sig-proxy, on by
    // default), then stops waiting; with one it forwards nothing and the container runs on.
    if (!tty && flags.values.get("sig-proxy") !== false) await client.containerKill(id, "SIGINT").catch(() => undefined);
    return 130;
  }
  if (!wait) return 0;
  const { StatusCode } = await wait.result;
  return StatusCode;
}

const runFlags: FlagSpec[] = [
  ...containerFlags,
  { name: "detach", short: "d", kind: "bool", usage: "Run the container in the background and print its ID" },
  { name: "detach-keys", kind: "string", usage: "Key sequence that detaches from the container" },
  { name: "sig-proxy", kind: "bool", defaultText: "true", usage: "Pass the signals the client receives on to the container" },
];

export const run: CommandDef = {
  name: "run",
  usage: "[OPTIONS] IMAGE [COMMAND] [ARG...]",
  description: "Create a container from an image and start it",
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
