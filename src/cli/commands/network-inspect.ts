// docker network inspect (cli/command/network/inspect.go). The 28.x client passes the daemon's
// 404 through as it is ("Error response from daemon: network x not found").
import type { CommandDef } from "../command.js";
import { getString } from "../flags/flag-spec.js";
import { templateFormatFlag } from "./common.js";
import { inspectAll, lookupAs } from "./inspect.js";

export const networkInspect: CommandDef = {
  name: "inspect",
  usage: "[OPTIONS] NETWORK [NETWORK...]",
  description: "Show the full details of one or more networks",
  flags: [
    templateFormatFlag,
    { name: "verbose", short: "v", kind: "bool", usage: "Add details for diagnosing problems" },
  ],
  args: { kind: "min", n: 1 },
  run: (ctx, flags) =>
    inspectAll(ctx, flags.args, getString(flags, "format"), lookupAs(ctx, "network")),
};
