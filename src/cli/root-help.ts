// `docker --help` and `docker container --help`: the commands grouped as the CLI groups them.
import type { CommandDef } from "./command.js";

interface GroupLike {
  description: string;
}

export function rootHelp(commands: Record<string, CommandDef>, groups: Record<string, GroupLike>, path = "docker", description = "A self-sufficient runtime for containers"): string {
  const names = Object.keys(commands).sort();
  const width = Math.max(...names.map((n) => n.length), ...Object.keys(groups).map((n) => n.length)) + 3;
  // Only the root help opens with a blank line: its template differs from the groups'.
  const lines = [
    ...(path === "docker" ? [""] : []),
    `Usage:  ${path} ${path === "docker" ? "[OPTIONS] COMMAND" : "COMMAND"}`,
    "",
    description,
    "",
    "Commands:",
    ...names.map((n) => `  ${n.padEnd(width)}${commands[n]?.description ?? ""}`),
  ];
  const groupNames = Object.keys(groups).sort();
  if (groupNames.length > 0) {
    lines.push("", "Management Commands:", ...groupNames.map((n) => `  ${n.padEnd(width)}${groups[n]?.description ?? ""}`));
  }
  lines.push("", `Run '${path} COMMAND --help' for more information on a command.`, "");
  return lines.join("\n");
}
