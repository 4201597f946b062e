// Tab completion for the host shell: command names for the first word, docker's subcommands
// after `docker`, and host file names everywhere else.

import { visibleWidth } from "./text-width.js";

export interface Completion {
  /** Offset in the line where the word being completed starts. */
  start: number;
  /** Full replacements for line.slice(start, cursor), each starting with it. */
  candidates: readonly string[];
}

export type Completer = (line: string, cursor: number) => Completion | undefined;

export interface CompletionSource {
  commands(): readonly string[];
  /** Every path of the host filesystem, or undefined while it is not loaded yet. */
  paths(): readonly string[] | undefined;
  cwd(): string;
  home: string;
}

const dockerCommands = [
  "attach", "build", "builder", "commit", "compose", "container", "context", "cp", "create",
  "diff", "events", "exec", "export", "history", "image", "images", "import", "info", "inspect",
  "kill", "load", "login", "logout", "logs", "network", "pause", "port", "ps", "pull", "push",
  "rename", "restart", "rm", "rmi", "run", "save", "search", "start", "stats", "stop", "system",
  "tag", "top", "unpause", "update", "version", "volume", "wait",
];

const dockerSubcommands: Readonly<Record<string, readonly string[]>> = {
  container: [
    "attach", "commit", "cp", "create", "diff", "exec", "export", "inspect", "kill", "logs", "ls",
    "pause", "port", "prune", "rename", "restart", "rm", "run", "start", "stats", "stop", "top",
    "unpause", "update", "wait",
  ],
  image: ["build", "history", "import", "inspect", "load", "ls", "prune", "pull", "push", "rm", "save", "tag"],
  network: ["connect", "create", "disconnect", "inspect", "ls", "prune", "rm"],
  volume: ["create", "inspect", "ls", "prune", "rm"],
  system: ["df", "events", "info", "prune"],
  compose: [
    "build", "config", "cp", "create", "down", "events", "exec", "images", "kill", "logs", "ls",
    "pause", "port", "ps", "pull", "push", "restart", "rm", "run", "start", "stop", "top",
    "unpause", "up", "version", "wait",
  ],
};

export function createCompleter(source: CompletionSource): Completer {
  return (line, cursor) => {
    const before = line.slice(0, cursor);
    let start = cursor;
    while (start > 0 && !/[\s|;&<>()]/.test(before[start - 1] ?? "")) start--;
    // A backslash-escaped space belongs to the word ("my\ file").
    while (start > 1 && before[start - 1] === " " && before[start - 2] === "\\") {
      start--;
      while (start > 0 && !/[\s|;&<>()]/.test(before[start - 1] ?? "")) start--;
    }
    const word = before.slice(start);
    const segment = before.slice(0, start).split(/\|\|?|&&|;/).pop() ?? "";
    const words = segment.trim() === "" ? [] : segment.trim().split(/\s+/);
    const options = choices(words, word, source);
    const candidates = [...new Set(options.filter((c) => c.startsWith(word)))].sort();
    return { start, candidates };
  };
}

function choices(words: readonly string[], word: string, source: CompletionSource): readonly string[] {
  if (words.length === 0 && !word.includes("/")) return source.commands();
  if (words[0] === "docker" && words.length === 1) return dockerCommands;
  if (words[0] === "docker" && words.length === 2) return dockerSubcommands[words[1] ?? ""] ?? fileChoices(word, source);
  return fileChoices(word, source);
}

function fileChoices(word: string, source: CompletionSource): readonly string[] {
  const paths = source.paths();
  if (!paths) return [];
  const slash = word.lastIndexOf("/");
  const dirPart = word.slice(0, slash + 1);
  const namePrefix = unescape(word.slice(slash + 1));
  const dir = resolveDir(unescape(dirPart), source);
  const directories = new Set(paths.map(parentOf));
  const found: string[] = [];
  for (const path of paths) {
    if (path === "/" || parentOf(path) !== dir) continue;
    const name = path.slice(path.lastIndexOf("/") + 1);
    if (!name.startsWith(namePrefix) || (name.startsWith(".") && !namePrefix.startsWith("."))) continue;
    found.push(dirPart + name.replace(/([\s\\'"$`&|;<>()*?])/g, "\\$1") + (directories.has(path) ? "/" : ""));
  }
  return found;
}

function resolveDir(dirPart: string, source: CompletionSource): string {
  let path = dirPart;
  if (path === "~" || path.startsWith("~/")) path = source.home + path.slice(1);
  else if (!path.startsWith("/")) path = `${source.cwd()}/${path}`;
  const parts: string[] = [];
  for (const part of path.split("/")) {
    if (part === "" || part === ".") continue;
    if (part === "..") parts.pop();
    else parts.push(part);
  }
  return `/${parts.join("/")}`;
}

function parentOf(path: string): string {
  const slash = path.lastIndexOf("/");
  return slash <= 0 ? "/" : path.slice(0, slash);
}

function unescape(text: string): string {
  return text.replace(/\\(.)/g, "$1");
}

export function commonPrefix(items: readonly string[]): string {
  let prefix = items[0] ?? "";
  for (const item of items) {
    while (!item.startsWith(prefix)) prefix = prefix.slice(0, -1);
  }
  return prefix;
}

/** Lists items in columns, top to bottom then left to right, like bash and ls. */
export function formatColumns(items: readonly string[], cols: number): string {
  const width = Math.max(...items.map(visibleWidth)) + 2;
  const perRow = Math.max(1, Math.floor(cols / width));
  const rows = Math.ceil(items.length / perRow);
  let out = "";
  for (let r = 0; r < rows; r++) {
    let row = "";
    for (let c = 0; c < perRow; c++) {
      const item = items[c * rows + r];
      if (item !== undefined) row += item + " ".repeat(width - visibleWidth(item));
    }
    out += row.trimEnd() + "\r\n";
  }
  return out;
}
