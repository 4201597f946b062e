// Every other name a command answers to, as docker 28.2.2's help lists them under "Aliases:"
// (the canonical path first, then the others in docker's order). Commands missing here have
// no Aliases section.

const aliasLines: readonly (readonly string[])[] = [
  ["container attach", "attach"],
  ["container commit", "commit"],
  ["container cp", "cp"],
  ["container create", "create"],
  ["container diff", "diff"],
  ["container exec", "exec"],
  ["container export", "export"],
  ["container kill", "kill"],
  ["container logs", "logs"],
  ["container ls", "container list", "container ps", "ps"],
  ["container pause", "pause"],
  ["container port", "port"],
  ["container rename", "rename"],
  ["container restart", "restart"],
  ["container rm", "container remove", "rm"],
  ["container run", "run"],
  ["container start", "start"],
  ["container stats", "stats"],
  ["container stop", "stop"],
  ["container top", "top"],
  ["container unpause", "unpause"],
  ["container update", "update"],
  ["container wait", "wait"],
  ["image build", "build", "builder build"],
  ["image history", "history"],
  ["image import", "import"],
  ["image load", "load"],
  ["image ls", "image list", "images"],
  ["image pull", "pull"],
  ["image push", "push"],
  ["image rm", "image remove", "rmi"],
  ["image save", "save"],
  ["image tag", "tag"],
  ["network ls", "network list"],
  ["network rm", "network remove"],
  ["system events", "events"],
  ["system info", "info"],
  ["volume ls", "volume list"],
  ["volume rm", "volume remove"],
];

const byName = new Map<string, readonly string[]>();
for (const names of aliasLines) for (const name of names) byName.set(name, names);

/** "container ls" for "ps", "container list" or "container ls"; the path itself otherwise. */
export function canonicalPath(path: string): string {
  return byName.get(path)?.[0] ?? path;
}

/** The Aliases line for `docker <path> --help` ("docker ps" or "ps"), or undefined if none. */
export function aliasesOf(path: string): string | undefined {
  const names = byName.get(path.replace(/^docker /, ""));
  return names?.map((n) => `docker ${n}`).join(", ");
}

/** The subcommands of a management command that also have a top-level shortcut: [sub, shortcut]. */
export function groupShortcuts(group: string): Array<[string, string]> {
  const found: Array<[string, string]> = [];
  for (const names of aliasLines) {
    const [canonical = ""] = names;
    const shortcut = names.find((n) => !n.includes(" "));
    if (shortcut && canonical.startsWith(`${group} `)) found.push([canonical.slice(group.length + 1), shortcut]);
  }
  return found;
}
