// docker pause / unpause: freeze or thaw each named container, echoing each name on success.
import type { CommandDef } from "../command.js";
import { forEachTarget } from "./common.js";

export const pause: CommandDef = {
  name: "pause",
  usage: "CONTAINER [CONTAINER...]",
  description: "Freeze every process of the containers",
  flags: [],
  args: { kind: "min", n: 1 },
  run: (ctx, flags) => forEachTarget(ctx, flags.args, (id) => ctx.client.containerPause(id)),
};

export const unpause: CommandDef = {
  name: "unpause",
  usage: "CONTAINER [CONTAINER...]",
  description: "Let the processes of paused containers run again",
  flags: [],
  args: { kind: "min", n: 1 },
  run: (ctx, flags) => forEachTarget(ctx, flags.args, (id) => ctx.client.containerUnpause(id)),
};
