// docker wait: block until each container stops, printing its exit code (cli/command/container/wait.go).
import type { CommandDef } from "../command.js";
import { StatusError } from "../errors.js";
import { daemonMessage } from "./common.js";

export const wait: CommandDef = {
  name: "wait",
  usage: "CONTAINER [CONTAINER...]",
  description: "Wait for containers to stop, then print their exit codes",
  flags: [],
  args: { kind: "min", n: 1 },
  async run({ io, client }, flags) {
    const errors: string[] = [];
    for (const id of flags.args) {
      try {
        const { result } = await client.containerWait(id);
        io.stdout(`${(await result).StatusCode}\n`);
      } catch (error) {
        errors.push(daemonMessage(error));
      }
    }
    if (errors.length > 0) throw new StatusError(1, errors.join("\n"));
  },
};
