// Every docker 28.2.2 single-host command the playground cannot run yet, placed where docker
// has it: under its management command (by subcommand name) and as a top-level shortcut.
import type { CommandDef } from "../../command.js";
import { volumeUpdate } from "./system.js";

export const pendingGroups: Readonly<Record<string, Readonly<Record<string, CommandDef>>>> = {
  volume: { update: volumeUpdate },
};

export const pendingTopLevel: Readonly<Record<string, CommandDef>> = {};

/** Descriptions of the management commands docker has that may not be registered yet. */
export const pendingGroupDescriptions: Readonly<Record<string, string>> = {
  builder: "Work with builds",
  system: "Look after the Docker daemon and its disk use",
};
