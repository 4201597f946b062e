// docker top: the container's processes as the daemon's `ps` reported them, in a tabwriter
// with a minimum column width of 20 (cli/command/container/top.go).
import type { CommandDef } from "../command.js";
import { tabwrite } from "../format/index.js";

export const top: CommandDef = {
  name: "top",
  usage: "CONTAINER [ps OPTIONS]",
  description: "Show the processes running in a container",
  flags: [],
  interspersed: false,
  args: { kind: "min", n: 1 },
  async run({ io, client }, flags) {
    const [container = "", ...psArgs] = flags.args;
    const list = await client.containerTop(container, psArgs.join(" "));
    const lines = [list.Titles, ...list.Processes].map((cells) => `${cells.join("\t")}\n`).join("");
    io.stdout(tabwrite(lines, { minwidth: 20, tabwidth: 1, padding: 3, padchar: " " }));
  },
};
