// The container commands beyond the lifecycle (pause, rename, exec, stats…), as the registry
// in docker.ts takes them: under `docker container`, and as top-level shortcuts.
import type { CommandDef } from "../command.js";
import { attach } from "./attach.js";
import { commit } from "./commit.js";
import { diff } from "./diff.js";
import { containerPrune } from "./container-prune.js";
import { cp } from "./cp.js";
import { exportCommand } from "./export.js";
import { exec } from "./exec.js";
import { pause, unpause } from "./pause.js";
import { port } from "./port.js";
import { rename } from "./rename.js";
import { stats } from "./stats.js";
import { top } from "./top.js";
import { update } from "./update.js";
import { wait } from "./wait.js";

/** Every one has a top-level shortcut except prune (`docker prune` does not exist). */
export const containerOpsTopLevel: Record<string, CommandDef> = { attach, commit, cp, diff, exec, export: exportCommand, pause, port, rename, stats, top, unpause, update, wait };

export const containerOpsCommands: Record<string, CommandDef> = { ...containerOpsTopLevel, prune: containerPrune };

export const containerOpsShortcuts: Record<string, [string, string]> = Object.fromEntries(
  Object.keys(containerOpsTopLevel).map((name) => [name, ["container", name] as [string, string]]),
);
