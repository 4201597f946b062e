// docker exec: run a command in a running container (cli/command/container/exec.go): inspect
// first (so "No such container" wins), create the exec, start it attached, then read its exit
// code. Interactive sessions (-it with a live stdin) are not emulated: stdin is always empty.
import type { ExecCreateOptions } from "../../client/index.js";
import type { CommandDef } from "../command.js";
import { StatusError } from "../errors.js";
import { getBool, getList, getString } from "../flags/flag-spec.js";
import { parseEnvFile, resolveEnv } from "../opts/env.js";
import { validateEnv } from "../opts/validators.js";

export const exec: CommandDef = {
  name: "exec",
  usage: "[OPTIONS] CONTAINER COMMAND [ARG...]",
  description: "Execute a command in a running container",
  flags: [
    { name: "detach", short: "d", kind: "bool", usage: "Detached mode: run command in the background" },
    { name: "detach-keys", kind: "string", usage: "Override the key sequence for detaching a container" },
    { name: "env", short: "e", kind: "list", validate: validateEnv, usage: "Set environment variables" },
    { name: "env-file", kind: "list", usage: "Read in a file of environment variables" },
    { name: "interactive", short: "i", kind: "bool", usage: "Keep STDIN open even if not attached" },
    { name: "privileged", kind: "bool", usage: "Give extended privileges to the command" },
    { name: "tty", short: "t", kind: "bool", usage: "Allocate a pseudo-TTY" },
    { name: "user", short: "u", kind: "string", usage: "Username or UID (format: \"<name|uid>[:<group|gid>]\")" },
    { name: "workdir", short: "w", kind: "string", usage: "Working directory inside the container" },
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
    const { output } = await client.containerExecStart(Id, { tty });
    for await (const chunk of output) (chunk.stream === "stderr" && !tty ? io.stderr : io.stdout)(chunk.data);
    const result = await client.containerExecInspect(Id);
    // getExecExitStatus: a non-zero code becomes the CLI's exit status, with nothing printed.
    return result.ExitCode ?? 0;
  },
};
