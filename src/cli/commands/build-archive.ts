// The tar docker build sends as its context: a host directory minus what .dockerignore leaves
// out (moby/go-archive TarWithOptions, owners set to root), a Dockerfile read from stdin made a
// one-file context, and a Dockerfile from elsewhere added under a random name.
import { goJoin, readTar, TarWriter, writeTar, type TarEntry } from "../../client/index.js";
import type { HostFiles } from "../io.js";
import { PatternMatcher, readIgnoreFile, trimBuildFilesFromExcludes, type MatchInfo } from "./build-ignore.js";

const second = (ms: number) => Math.floor(ms / 1000) * 1000;

/** ReadDockerignore: the patterns of the context's .dockerignore, none if it has none. */
export async function readDockerignore(files: HostFiles, contextDir: string): Promise<string[]> {
  const path = goJoin(contextDir, ".dockerignore");
  const info = await files.stat(path).catch(() => undefined);
  if (!info) return [];
  return readIgnoreFile(new TextDecoder().decode(await files.readFile(path)));
}

/**
 * ValidateContextDirectory: walks the context as the archive will, so that a pattern only a
 * path can reveal as broken fails here, as "error checking context: ...".
 */
export async function validateContextDirectory(files: HostFiles, contextDir: string, excludes: readonly string[]): Promise<void> {
  try {
    const matcher = new PatternMatcher(excludes);
    const visit = async (path: string, rel: string): Promise<void> => {
      for (const name of await files.readdir(path)) {
        const childRel = rel === "" ? name : `${rel}/${name}`;
        const info = await files.lstat(goJoin(path, name));
        if (!info) continue;
        if (matcher.matchesOrParentMatches(childRel)) continue;
        if (info.type === "dir") await visit(goJoin(path, name), childRel);
      }
    };
    await visit(contextDir, "");
  } catch (error) {
    throw new Error(`error checking context: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** TarWithOptions with the excludes (Dockerfile and .dockerignore kept) and uid/gid 0. */
export async function tarContextDir(files: HostFiles, contextDir: string, excludes: readonly string[], relDockerfile: string, dockerfileFromStdin: boolean): Promise<Uint8Array> {
  const matcher = new PatternMatcher(trimBuildFilesFromExcludes(excludes, relDockerfile, dockerfileFromStdin));
  const writer = new TarWriter();
  const visit = async (path: string, rel: string, parentInfo: MatchInfo): Promise<void> => {
    for (const name of await files.readdir(path)) {
      const childPath = goJoin(path, name);
      const childRel = rel === "" ? name : `${rel}/${name}`;
      const info = await files.lstat(childPath);
      if (!info) continue;
      const [skip, matchInfo] = matcher.matchesUsingParentResults(childRel, parentInfo);
      if (skip) {
        // An excluded directory is still walked when a "!pattern" may bring back something below it.
        const dirSlash = `${childRel}/`;
        if (info.type === "dir" && matcher.exclusions && matcher.patterns.some((p) => p.exclusion && `${p.cleaned}/`.startsWith(dirSlash))) {
          await visit(childPath, childRel, matchInfo);
        }
        continue;
      }
      const header = { mode: info.mode & 0o7777, uid: 0, gid: 0, mtime: second(info.mtime) };
      if (info.type === "dir") {
        writer.add({ ...header, name: `${childRel}/`, type: "dir" });
        await visit(childPath, childRel, matchInfo);
      } else if (info.type === "symlink") {
        writer.add({ ...header, name: childRel, type: "symlink", linkname: await files.readlink(childPath) });
      } else if (info.type === "file") {
        writer.add({ ...header, name: childRel, type: "file", data: await files.readFile(childPath) });
      }
    }
  };
  await visit(contextDir, "", []);
  return writer.finish();
}

/** Whether stdin holds an archive (tar or compressed) rather than a Dockerfile: IsArchive. */
export function isArchive(bytes: Uint8Array): boolean {
  const starts = (...magic: number[]) => magic.every((b, i) => bytes[i] === b);
  if (starts(0x1f, 0x8b, 0x08) || starts(0x42, 0x5a, 0x68) || starts(0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00) || starts(0x28, 0xb5, 0x2f, 0xfd)) return true;
  if (bytes.length < 512) return false;
  // archive/tar's Next accepts the first header when its checksum adds up (and it is not zeros).
  const header = bytes.subarray(0, 512);
  if (header.every((b) => b === 0)) return false;
  const field = new TextDecoder().decode(header.subarray(148, 156)).replace(/[\0 ]+$/, "").trim();
  if (!/^[0-7]+$/.test(field)) return false;
  let unsigned = 0;
  let signed = 0;
  header.forEach((b, i) => {
    const v = i >= 148 && i < 156 ? 0x20 : b;
    unsigned += v;
    signed += v > 127 ? v - 256 : v;
  });
  const sum = parseInt(field, 8);
  return sum === unsigned || sum === signed;
}

/** GetContextFromReader's Dockerfile case: a context of that one file (os.Create's 0644). */
export function dockerfileOnlyContext(dockerfile: Uint8Array, now: number): Uint8Array {
  return writeTar([{ name: "Dockerfile", type: "file", mode: 0o644, uid: 0, gid: 0, mtime: second(now), data: dockerfile }]);
}

/** Fills a buffer with random bytes: the CLI's CliIo.randomFill, or a fixed source in tests. */
export type RandomFill = (bytes: Uint8Array) => void;

/**
 * stringid.GenerateRandomID: 32 random bytes as 64 hex digits, drawn again while the first 12
 * (the short id) are digits only, so that a short id never reads as a number.
 */
export function generateRandomId(fill: RandomFill): string {
  const bytes = new Uint8Array(32);
  for (;;) {
    fill(bytes);
    const id = Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
    if (!/^[0-9]{12}/.test(id)) return id;
  }
}

/**
 * AddDockerfileToBuildContext: the Dockerfile (from stdin or outside the context) added as
 * .dockerfile.<random>, and that name appended to .dockerignore so COPY never sees it.
 */
export function addDockerfileToContext(context: Uint8Array, dockerfile: Uint8Array, now: number, random: RandomFill): { context: Uint8Array; relDockerfile: string } {
  const name = `.dockerfile.${generateRandomId(random).slice(0, 20)}`;
  // tar.Writer rounds the time of a header whose format nobody chose (and drops atime/ctime).
  const fresh = { type: "file" as const, mode: 0o600, uid: 0, gid: 0, mtime: Math.round(now / 1000) * 1000 };
  const encoder = new TextEncoder();
  let ignored = false;
  const entries: TarEntry[] = readTar(context).map((entry) => {
    if (entry.name !== ".dockerignore") return entry;
    ignored = true;
    const before = new TextDecoder().decode(entry.data ?? new Uint8Array(0));
    return { ...entry, data: encoder.encode(`${before}\n${name}\n`) };
  });
  // Go adds the two from a map, in no set order; here the Dockerfile always comes first.
  entries.push({ ...fresh, name, data: dockerfile });
  if (!ignored) entries.push({ ...fresh, name: ".dockerignore", data: encoder.encode(`.dockerignore\n${name}\n`) });
  return { context: unclosed(writeTar(entries), entries.at(-1)), relDockerfile: name };
}

/**
 * ReplaceFileTarWrapper closes its pipe before its tar writer, so docker sends the archive
 * without the last entry's padding and the two zero blocks; Go's tar reader takes that end as
 * a clean one. Kept, since the size docker prints is of what it sent.
 */
function unclosed(archive: Uint8Array, last: TarEntry | undefined): Uint8Array {
  const size = last?.type === "file" ? (last.data?.length ?? 0) : 0;
  const padding = (512 - (size % 512)) % 512;
  return archive.subarray(0, archive.length - 1024 - padding);
}
