// docker volume inspect (cli/command/volume/inspect.go). The 28.x client passes the daemon's
// 404 through as it is ("Error response from daemon: get x: no such volume"), and hands the
// inspector only the decoded volume, so a failing template has no raw JSON to fall back on.
import type { CommandDef } from "../command.js";
import { getString } from "../flags/flag-spec.js";
import { templateFormatFlag } from "./common.js";
import { inspectAll, lookupAs } from "./inspect.js";

export const volumeInspect: CommandDef = {
  name: "inspect",
  usage: "[OPTIONS] VOLUME [VOLUME...]",
  description: "Show the full details of one or more volumes",
  flags: [templateFormatFlag],
  args: { kind: "min", n: 1 },
  run: (ctx, flags) =>
    inspectAll(ctx, flags.args, getString(flags, "format"), lookupAs(ctx, "volume"), { rawFallback: false }),
};
