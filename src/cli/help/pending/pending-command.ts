// A command the playground knows the interface of (usage, flags, arguments) but cannot run yet:
// its help is complete and its flag and argument errors are docker's, and running it says so.
import type { ArgRule, CommandDef } from "../../command.js";
import { StatusError } from "../../errors.js";
import type { FlagSpec } from "../../flags/flag-spec.js";

export interface PendingSpec {
  name: string;
  usage: string;
  description: string;
  flags: FlagSpec[];
  args: ArgRule;
  interspersed?: boolean;
}

export function pending(spec: PendingSpec): CommandDef {
  return {
    ...spec,
    run: ({ path }) => Promise.reject(new StatusError(1, `docker: '${path}' is not available in this playground yet`)),
  };
}
