// The `docker network` and `docker volume` management commands, as docker.ts registers them.
import type { CommandDef } from "../command.js";
import { networkConnect } from "./network-connect.js";
import { networkCreate } from "./network-create.js";
import { networkDisconnect } from "./network-disconnect.js";
import { networkInspect } from "./network-inspect.js";
import { networkLs } from "./network-ls.js";
import { networkPrune } from "./network-prune.js";
import { networkRm } from "./network-rm.js";
import { volumeCreate } from "./volume-create.js";
import { volumeInspect } from "./volume-inspect.js";
import { volumeLs } from "./volume-ls.js";
import { volumePrune } from "./volume-prune.js";
import { volumeRm } from "./volume-rm.js";

interface Group {
  description: string;
  /** What follows the group name on the Usage line of its errors (cobra's Use, e.g. "volume COMMAND"). */
  use?: string;
  commands: Record<string, CommandDef>;
  aliases: Record<string, string[]>;
}

export const networkGroup: Group = {
  description: "Work with networks",
  commands: { connect: networkConnect, create: networkCreate, disconnect: networkDisconnect, inspect: networkInspect, ls: networkLs, prune: networkPrune, rm: networkRm },
  aliases: { ls: ["list"], rm: ["remove"] },
};

export const volumeGroup: Group = {
  description: "Work with volumes",
  // cli/command/volume/cmd.go declares Use "volume COMMAND"; the network group's Use is bare.
  use: "COMMAND",
  commands: { create: volumeCreate, inspect: volumeInspect, ls: volumeLs, prune: volumePrune, rm: volumeRm },
  aliases: { ls: ["list"], rm: ["remove"] },
};
