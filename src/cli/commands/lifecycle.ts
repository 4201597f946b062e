// docker start, stop, restart, kill and rm: one action per named container, each failure
// reported, the names echoed on success.
import type { CommandDef } from "../command.js";
import { StatusError } from "../errors.js";
import { getBool, getInt, getString } from "../flags/flag-spec.js";
import { daemonMessage, forEachTarget } from "./common.js";

const signalFlag = { name: "signal", short: "s", kind: "string", usage: "Signal to send" } as const;
const timeoutFlag = { name: "timeout", short: "t", kind: "int", usage: "How many seconds to wait before killing it" } as const;

export const start: CommandDef = {
  name: "start",
  usage: "[OPTIONS] CONTAINER [CONTAINER...]",
  description: "Start containers that are stopped",
  flags: [
    { name: "attach", short: "a", kind: "bool", usage: "Stream the container's output and pass signals on" },
    { name: "detach-keys", kind: "string", usage: "Key sequence that detaches from the container" },
    { name: "interactive", short: "i", kind: "bool", usage: "Attach the container's STDIN" },
    // Experimental: docker hides them from a daemon without experimental features, like ours.
    { name: "checkpoint", kind: "string", hidden: true, usage: "Checkpoint to restore from" },
    { name: "checkpoint-dir", kind: "string", hidden: true, usage: "Directory the checkpoints are kept in" },
  ],
  args: { kind: "min", n: 1 },
  async run({ io, client }, flags) {
    if (getBool(flags, "attach")) {
      const [id = ""] = flags.args;
      if (flags.args.length > 1) throw new StatusError(1, "you cannot start and attach multiple containers at once");
      // start.go inspects first: "No such container" comes from there, not from the hijack.
      await client.containerInspect(id);
      const attached = await client.containerAttach(id);
      const wait = await client.containerWait(id, "next-exit");
      await client.containerStart(id);
      for await (const chunk of attached.output) (chunk.stream === "stderr" ? io.stderr : io.stdout)(chunk.data);
      return (await wait.result).StatusCode;
    }
    const failed: string[] = [];
    for (const id of flags.args) {
      try {
        await client.containerStart(id);
        io.stdout(`${id}\n`);
      } catch (error) {
        io.stderr(`${daemonMessage(error)}\n`);
        failed.push(id);
      }
    }
    if (failed.length > 0) throw new StatusError(1, `Error: failed to start containers: ${failed.join(", ")}`);
    return 0;
  },
};

/** docker stop and docker restart: the same flags, passed to the daemon only when given. */
function stopLike(name: "stop" | "restart", description: string, act: "containerStop" | "containerRestart"): CommandDef {
  return {
    name,
    usage: "[OPTIONS] CONTAINER [CONTAINER...]",
    description,
    flags: [signalFlag, timeoutFlag],
    args: { kind: "min", n: 1 },
    run: (ctx, flags) => {
      const timeout = flags.changed.has("timeout") ? getInt(flags, "timeout", 10) : undefined;
      const signal = getString(flags, "signal") || undefined;
      const options = { ...(timeout !== undefined ? { timeout } : {}), ...(signal ? { signal } : {}) };
      return forEachTarget(ctx, flags.args, (id) => ctx.client[act](id, options));
    },
  };
}

export const stop = stopLike("stop", "Stop running containers", "containerStop");
export const restart = stopLike("restart", "Stop containers and start them again", "containerRestart");

export const kill: CommandDef = {
  name: "kill",
  usage: "[OPTIONS] CONTAINER [CONTAINER...]",
  description: "Send a signal (SIGKILL unless told otherwise) to running containers",
  flags: [signalFlag],
  args: { kind: "min", n: 1 },
  run: (ctx, flags) => forEachTarget(ctx, flags.args, (id) => ctx.client.containerKill(id, getString(flags, "signal") || undefined)),
};

export const rm: CommandDef = {
  name: "rm",
  usage: "[OPTIONS] CONTAINER [CONTAINER...]",
  description: "Delete containers",
  aliases: ["remove"],
  flags: [
    { name: "force", short: "f", kind: "bool", usage: "Remove even a running container (killing it with SIGKILL)" },
    { name: "link", short: "l", kind: "bool", usage: "Remove the named link, not the container" },
    { name: "volumes", short: "v", kind: "bool", usage: "Remove the container's anonymous volumes too" },
  ],
  args: { kind: "min", n: 1 },
  async run(ctx, flags) {
    const force = getBool(flags, "force");
    const errors: string[] = [];
    for (const id of flags.args) {
      try {
        await ctx.client.containerRemove(id, { force, volumes: getBool(flags, "volumes") });
        ctx.io.stdout(`${id}\n`);
      } catch (error) {
        // rm -f on a container that is already gone is not a failure (cli/command/container/rm.go).
        const message = daemonMessage(error);
        if (force && /No such container/.test(message)) {
          ctx.io.stderr(`${message}\n`);
          continue;
        }
        errors.push(message);
      }
    }
    if (errors.length > 0) throw new StatusError(1, errors.join("\n"));
    return 0;
  },
};
