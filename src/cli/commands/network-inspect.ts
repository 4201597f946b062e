// docker network inspect (cli/command/network/inspect.go). The 28.x client passes the daemon's
// 404 through as it is ("Error response from daemon: network x not found").
import type { CommandDef } from "../command.js";
import { getString } from "../flags/flag-spec.js";
import { formatFlag } from "./common.js";
import { inspectAll } from "./inspect.js";

export const networkInspect: CommandDef = {
  name: "inspect",
  usage: "[OPTIONS] NETWORK [NETWORK...]",
  description: "Display detailed information on one or more networks",
  flags: [
    { ...formatFlag, short: "f" },
    { name: "verbose", short: "v", kind: "bool", usage: "Verbose output for diagnostics" },
  ],
  args: { kind: "min", n: 1 },
  run: (ctx, flags) =>
    inspectAll(ctx, flags.args, getString(flags, "format"), (ref) => ctx.client.networkInspect(ref)),
};
