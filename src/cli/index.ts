// The CLI's public entry.
export { runDocker, topLevelCommands, managementCommands, commandTree } from "./docker.js";
export type { CommandTree } from "./help/command-tree.js";
export type { CommandDef } from "./command.js";
export type { FlagSpec } from "./flags/flag-spec.js";
export type { RunOptions } from "./docker.js";
export type { CliIo, DockerCommand, HostFileInfo, HostFiles, InputDevice, InputStream } from "./io.js";
export { clientVersion } from "./version.js";
