// Tab completion for the host shell: command names for the first word, what docker's own
// completion offers on a `docker ...` line (docker-completion.ts), and host file names
// everywhere else. Completions that need the daemon's objects come back as a promise.

import type { CommandTree } from "../cli/index.js";
import { loadDockerCli, loadedDockerCli } from "./docker-cli.js";
import { DockerCompleter, type DockerAnswer, type DockerObjects } from "./docker-completion.js";
import { visibleWidth } from "./text-width.js";

export type { ContainerEntry, DockerObjects } from "./docker-completion.js";

export interface Completion {
  /** Offset in the line where the word being completed starts. */
  start: number;
  /** Full replacements for line.slice(start, cursor), each starting with it. */
  candidates: readonly string[];
  /** A unique candidate is not followed by a space ("--link web:", "--log-opt max-size="). */
  noSpace?: boolean;
  /** File names: listed by their last component, as bash's `-o filenames` lists them. */
  filenames?: boolean;
}

export type Completer = (line: string, cursor: number) => Completion | undefined | Promise<Completion | undefined>;

export interface CompletionSource {
  commands(): readonly string[];
  /** Every path of the host filesystem, or undefined while it is not loaded yet. */
  paths(): readonly string[] | undefined;
  cwd(): string;
  home: string;
  /** The shell's exported variables: `docker run -e` completes their names. */
  env?(): Readonly<Record<string, string>>;
  /** The daemon's containers, images, networks and volumes, through the Docker client. */
  docker?: DockerObjects;
}

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
    const completion = (options: readonly string[], noSpace = false): Completion => {
      const candidates = [...new Set(options.filter((c) => c.startsWith(word)))].sort();
      return noSpace ? { start, candidates, noSpace } : { start, candidates };
    };
    const files = (options: readonly string[]): Completion => ({ ...completion(options), filenames: true });
    if (words.length === 0 && !word.includes("/")) return completion(source.commands());
    if (words[0] !== "docker") return files(fileChoices(word, source));
    const env = source.env?.() ?? {};
    const complete = (tree: CommandTree): Completion | Promise<Completion> => {
      const docker = new DockerCompleter({ tree, objects: source.docker, env });
      const answer: DockerAnswer = docker.complete(words.slice(1), unescape(word));
      if (answer.kind === "files") return files(fileChoices(word, source));
      if (answer.kind === "dirs") return files(fileChoices(word, source).filter((c) => c.endsWith("/")));
      const noSpace = answer.noSpace ?? false;
      const listed = answer.words;
      return Array.isArray(listed) ? completion(listed, noSpace) : Promise.resolve(listed).then((l) => completion(l, noSpace));
    };
    // The first Tab on a docker line may have to wait for the CLI chunk (its command tree).
    const cli = loadedDockerCli();
    return cli ? complete(cli.commandTree) : loadDockerCli().then((loaded) => complete(loaded.commandTree));
  };
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
