// Every docker 28.2.2 single-host command the playground cannot run yet, placed where docker
// has it: under its management command (by subcommand name) and as a top-level shortcut.
import type { CommandDef } from "../../command.js";
import { attach, commit, cp, diff, exportCommand } from "./container.js";
import { build, history, imagePrune, importCommand, load, push, save } from "./image.js";
import { builderPrune, df, events, login, logout, search, systemPrune, volumeUpdate } from "./system.js";

export const pendingGroups: Readonly<Record<string, Readonly<Record<string, CommandDef>>>> = {
  builder: { build, prune: builderPrune },
  container: { attach, commit, cp, diff, export: exportCommand },
  image: { build, history, import: importCommand, load, prune: imagePrune, push, save },
  system: { df, events, prune: systemPrune },
  volume: { update: volumeUpdate },
};

export const pendingTopLevel: Readonly<Record<string, CommandDef>> = {
  attach, build, commit, cp, diff, events, export: exportCommand, history, import: importCommand,
  load, login, logout, push, save, search,
};

/** Descriptions of the management commands docker has that may not be registered yet. */
export const pendingGroupDescriptions: Readonly<Record<string, string>> = {
  builder: "Work with builds",
  system: "Look after the Docker daemon and its disk use",
};
