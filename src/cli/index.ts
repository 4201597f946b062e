// The CLI's public entry.
export { runDocker, topLevelCommands, managementCommands } from "./docker.js";
export type { CliIo, DockerCommand } from "./io.js";
export { clientVersion } from "./version.js";
