// The `docker system` and `docker builder` management commands, as docker.ts registers them.
import type { CommandDef } from "../command.js";
import { build } from "./build.js";
import { builderPrune } from "./builder-prune.js";
import { events } from "./events.js";
import { info } from "./system.js";
import { systemDf } from "./system-df.js";
import { systemPrune } from "./system-prune.js";

interface Group {
  description: string;
  use?: string;
  commands: Record<string, CommandDef>;
  aliases: Record<string, string[]>;
}

export const systemGroup: Group = {
  description: "Look after the Docker daemon and its disk use",
  commands: { df: systemDf, events, info, prune: systemPrune },
  aliases: {},
};

export const builderGroup: Group = {
  description: "Work with builds",
  commands: { build, prune: builderPrune },
  aliases: {},
};
