// Pieces several commands share: printing daemon errors the way the CLI wraps them, and running
// an action over many targets (docker stop a b c) reporting each failure.
import { ApiError } from "../../client/index.js";
import type { CommandContext } from "../command.js";
import { StatusError } from "../errors.js";
import { tableFormatHelp, templateFormatHelp } from "../help/flag-help.js";

export function daemonMessage(error: unknown): string {
  if (error instanceof ApiError) return `Error response from daemon: ${error.message}`;
  if (error instanceof Error) return error.message;
  return String(error);
}

/** Runs action for each target; prints the target on success, collects errors (errors.Join). */
export async function forEachTarget(
  ctx: CommandContext,
  targets: string[],
  action: (target: string) => Promise<void>,
  printTarget = true,
): Promise<number> {
  const errors: string[] = [];
  for (const target of targets) {
    try {
      await action(target);
      if (printTarget) ctx.io.stdout(`${target}\n`);
    } catch (error) {
      errors.push(daemonMessage(error));
    }
  }
  if (errors.length > 0) throw new StatusError(1, errors.join("\n"));
  return 0;
}

/** --format of the commands that print tables. */
export const formatFlag = { name: "format", kind: "string", usage: tableFormatHelp } as const;

/** -f, --format of the commands that print whole objects (inspect, version, info). */
export const templateFormatFlag = { name: "format", short: "f", kind: "string", usage: templateFormatHelp } as const;
