// docker exec: run a command in a running container (cli/command/container/exec.go): inspect
// first (so "No such container" wins), create the exec, start it attached, then read its exit
// code. With -i the terminal's keys go to the process; with -t it gets a terminal of its own.
import type { ExecCreateOptions } from "../../client/index.js";
import type { CommandDef } from "../command.js";
import { StatusError } from "../errors.js";
import { attachedSession } from "./attach-session.js";
import { getBool, getList, getString } from "../flags/flag-spec.js";
import { parseEnvFile, resolveEnv } from "../opts/env.js";
import { validateEnv } from "../opts/validators.js";

export const exec: CommandDef = {
  name: "exec",
  usage: "[OPTIONS] CONTAINER COMMAND [ARG...]",
  description: "Run a command inside a running container",
  flags: [
    { name: "detach", short: "d", kind: "bool", usage: "Run the command in the background" },
    { name: "detach-keys", kind: "string", usage: "Key sequence that detaches from the container" },
    { name: "env", short: "e", kind: "list", validate: validateEnv, usage: "Environment variable for the command" },
    { name: "env-file", kind: "list", usage: "File of environment variables to read" },
    { name: "interactive", short: "i", kind: "bool", usage: "Keep STDIN open, attached or not" },
    { name: "privileged", kind: "bool", usage: "Give the command extended privileges" },
    { name: "tty", short: "t", kind: "bool", usage: "Give the command a pseudo-TTY" },
    { name: "user", short: "u", kind: "string", usage: "User to run as: \"<name|uid>[:<group|gid>]\"" },
    { name: "workdir", short: "w", kind: "string", usage: "Working directory for the command" },
  ],
  interspersed: false,
  args: { kind: "min", n: 2 },
  async run({ io, client }, flags) {
    const [container = "", ...cmd] = flags.args;
    const detach = getBool(flags, "detach");
    const tty = getBool(flags, "tty");
    const interactive = getBool(flags, "interactive");
    const env: string[] = [];
    for (const file of getList(flags, "env-file")) {
      if (!io.readFile) throw new Error(`open ${file}: no such file or directory`);
      env.push(...parseEnvFile(await io.readFile(file), io.env));
    }
    env.push(...resolveEnv(getList(flags, "env"), io.env));
    await client.containerInspect(container);
    if (!detach && tty && interactive && !io.isTTY) throw new StatusError(1, "the input device is not a TTY");
    const options: ExecCreateOptions = {
      Cmd: cmd,
      AttachStdin: interactive && !detach,
      AttachStdout: !detach,
      AttachStderr: !detach,
      Tty: tty,
      Privileged: getBool(flags, "privileged"),
      ...(env.length > 0 ? { Env: env } : {}),
      ...(getString(flags, "user") ? { User: getString(flags, "user") } : {}),
      ...(getString(flags, "workdir") ? { WorkingDir: getString(flags, "workdir") } : {}),
      ...(getString(flags, "detach-keys") ? { DetachKeys: getString(flags, "detach-keys") } : {}),
    };
    const { Id } = await client.containerExecCreate(container, options);
    if (detach) {
      await client.containerExecStart(Id, { detach: true, tty });
      return 0;
    }
    const detachKeys = getString(flags, "detach-keys") || undefined;
    const end = await attachedSession(io, { tty, interactive, ...(detachKeys ? { detachKeys } : {}) }, async (input) => {
      const started = await client.containerExecStart(Id, { tty, ...(input ? { input } : {}) });
      if (tty) await client.execResize(Id, io.columns, io.rows ?? 24).catch(() => undefined);
      return started;
    });
    if (end === "detached") return 0;
    if (end === "interrupted") return 130;
    const result = await client.containerExecInspect(Id);
    // getExecExitStatus: a non-zero code becomes the CLI's exit status, with nothing printed.
    return result.ExitCode ?? 0;
  },
};
