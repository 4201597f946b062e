// docker attach: connect the terminal to a running container's stdio (cli/command/container/
// attach.go): refuse stopped, paused and restarting containers, attach stdin when the container
// keeps it open, then exit with the container's status once it stops.
import type { CommandDef } from "../command.js";
import { StatusError } from "../errors.js";
import { getBool, getString } from "../flags/flag-spec.js";
import { attachedSession } from "./attach-session.js";

export const attach: CommandDef = {
  name: "attach",
  usage: "[OPTIONS] CONTAINER",
  description: "Connect your terminal to a running container's input and output",
  flags: [
    { name: "detach-keys", kind: "string", usage: "Key sequence that detaches from the container" },
    { name: "no-stdin", kind: "bool", usage: "Leave STDIN unattached" },
    { name: "sig-proxy", kind: "bool", defaultText: "true", usage: "Pass received signals on to the process" },
  ],
  args: { kind: "exact", n: 1 },
  async run({ io, client }, flags) {
    const [ref = ""] = flags.args;
    const c = await client.containerInspect(ref);
    if (!c.State.Running) throw new StatusError(1, "You cannot attach to a stopped container, start it first");
    if (c.State.Paused) throw new StatusError(1, "You cannot attach to a paused container, unpause it first");
    if (c.State.Restarting) throw new StatusError(1, "You cannot attach to a restarting container, wait until it is running");
    const stdin = !getBool(flags, "no-stdin") && c.Config.OpenStdin;
    if (stdin && c.Config.Tty && io.stdin && !io.stdin.isTTY) throw new StatusError(1, "the input device is not a TTY");
    const detachKeys = getString(flags, "detach-keys") || undefined;
    let wait: Awaited<ReturnType<typeof client.containerWait>> | undefined;
    const end = await attachedSession(io, { tty: c.Config.Tty, interactive: stdin, ...(detachKeys ? { detachKeys } : {}) }, async (input) => {
      const attached = await client.containerAttach(c.Id, { stdout: true, stderr: true, stdin, ...(input ? { input } : {}), ...(detachKeys ? { detachKeys } : {}) });
      wait = await client.containerWait(c.Id, "not-running");
      if (c.Config.Tty) await client.containerResize(c.Id, io.columns, io.rows ?? 24).catch(() => undefined);
      return attached;
    });
    if (end === "detached") return 0;
    if (end === "interrupted") {
      // sig-proxy: Ctrl-C reaches the container as SIGINT; the CLI then lets go.
      if (!c.Config.Tty && flags.values.get("sig-proxy") !== false) await client.containerKill(c.Id, "SIGINT").catch(() => undefined);
      return 130;
    }
    return wait ? (await wait.result).StatusCode : 0;
  },
};
