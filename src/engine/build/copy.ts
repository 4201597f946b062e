// COPY and ADD (builder/dockerfile/copy.go): sources from the build context, or from an image or
// earlier stage with --from, written into a build container's layer. A directory copies its
// contents; a file lands at the destination, or inside it when the destination ends in "/" or
// is a directory; ADD unpacks a local tar archive instead of copying it.
import { lookupId, type IdLookup } from "../archive/container-user.js";
import { decompress } from "../archive/decompress.js";
import { goBase, goClean, goDir, goJoin } from "../archive/go-path.js";
import { readTar } from "../archive/tar-reader.js";
import type { TarEntry } from "../archive/tar-entry.js";
import { sha256Hex } from "../digest/index.js";
import type { LayeredFs } from "../fs/layered-fs.js";
import { clean, type BuildContext, type ContextPath } from "./build-context.js";
import { BuildStepError } from "./build-error.js";
import { goMatch, hasWildcards } from "./path-match.js";

export interface CopyInfo {
  path: ContextPath;
  /** "file:<hex>" or "dir:<hex>": what the cache key and the history line name. */
  hash: string;
}

export interface CopyPlan {
  infos: CopyInfo[];
  /** The destination made absolute against WORKDIR, its trailing slash kept. */
  dest: string;
}

const encoder = new TextEncoder();

/** What tarsum hashes of an entry: its name, mode, owners, size, type and link, then its data. */
function fileHash(path: ContextPath, entry: TarEntry): string {
  const data = entry.data ?? new Uint8Array();
  const head = encoder.encode([path, entry.mode.toString(8), entry.uid, entry.gid, data.length, entry.type, entry.linkname ?? ""].join("\0") + "\0");
  const all = new Uint8Array(head.length + data.length);
  all.set(head);
  all.set(data, head.length);
  return sha256Hex(all);
}

/** normalizeDest: relative destinations are joined to WORKDIR, keeping a trailing slash. */
export function normalizeDest(workingDir: string, requested: string): string {
  if (requested.startsWith("/")) return requested;
  const joined = goJoin("/", workingDir, requested);
  return requested.endsWith("/") && joined !== "/" ? `${joined}/` : joined;
}

function infoFor(source: BuildContext, fromContext: boolean, orig: string, allowWildcards = true): CopyInfo[] {
  let path = orig.replace(/^\/+/, "");
  if (path.startsWith("./")) path = path.slice(2);
  if (allowWildcards && hasWildcards(path)) {
    // Each match is taken by its own name, wildcard characters in it included.
    return source
      .all()
      .filter((rel) => goMatch(path, rel))
      .flatMap((rel) => infoFor(source, fromContext, rel, false));
  }
  const entry = source.stat(path);
  if (!entry) {
    const reason = `stat ${clean(path) || "."}: file does not exist`;
    throw new Error(fromContext ? `file not found in build context or excluded by .dockerignore: ${reason}` : reason);
  }
  if (entry.type !== "dir") return [{ path: clean(path), hash: `file:${fileHash(clean(path), entry)}` }];
  const hashes = source.under(path).map((p) => {
    const e = source.raw(p);
    return e ? fileHash(p, e) : sha256Hex(p);
  });
  return [{ path: clean(path), hash: `dir:${sha256Hex(hashes.join(","))}` }];
}

/** createCopyInstruction: the sources resolved, or the daemon's error ("COPY failed: ..."). */
export function planCopy(source: BuildContext, fromContext: boolean, cmdName: "COPY" | "ADD", sources: string[], dest: string, workingDir: string): CopyPlan {
  let infos: CopyInfo[];
  try {
    infos = sources.flatMap((s) => infoFor(source, fromContext, s));
    if (infos.length === 0) throw new Error("no source files were specified");
  } catch (error) {
    throw new BuildStepError(`${cmdName} failed: ${(error as Error).message}`);
  }
  if (infos.length > 1 && !dest.endsWith("/")) {
    throw new BuildStepError(`When using ${cmdName} with more than one source file, the destination must be a directory and end with a /`);
  }
  return { infos, dest: normalizeDest(workingDir, dest) };
}

/** The key that tells whether an earlier build already made this layer. */
export function sourceHash(infos: CopyInfo[]): string {
  if (infos.length === 1) return infos[0]?.hash ?? "";
  return `multi:${sha256Hex(infos.map((i) => i.hash).join(","))}`;
}

/** IsArchivePath: a file ADD unpacks is one whose (decompressed) bytes start with a tar header. */
async function archiveEntries(data: Uint8Array): Promise<TarEntry[] | undefined> {
  try {
    const entries = readTar(await decompress(data));
    return entries.length > 0 ? entries : undefined;
  } catch {
    return undefined;
  }
}

/** The ids of a --chown value, from the image's own /etc/passwd and /etc/group. */
async function chownIds(root: LayeredFs, chown: string): Promise<{ uid: number; gid: number }> {
  const lookup: IdLookup = {
    read: (path) => root.readText(path),
    // Any number is an id as it stands.
    maxId: Infinity,
    notFound: (kind, name) =>
      new BuildStepError(
        `unable to convert uid/gid chown string to host mapping: can't find ${kind === "user" ? "uid" : "gid"} for ${kind} ${name}: no such ${kind}: ${name}`,
      ),
  };
  const [userPart = "", groupPart] = chown.split(":", 2);
  const uid = (await lookupId(lookup, "user", userPart)).id;
  // A user alone gives both ids the same number, as the builder's parseChownFlag does.
  const gid = groupPart === undefined ? uid : (await lookupId(lookup, "group", groupPart)).id;
  return { uid, gid };
}

/** Writes the planned copy into a layer over the step's image. */
export async function performCopy(
  root: LayeredFs,
  source: BuildContext,
  plan: CopyPlan,
  options: { chown: string; preserveOwnership: boolean; decompress: boolean; now: number },
): Promise<void> {
  const owner = options.chown !== "" ? await chownIds(root, options.chown) : { uid: 0, gid: 0 };
  // Directories the copy has to make are the copy's owner's (MkdirAllAndChown, new ones only).
  const makeDirs = (dir: string) => {
    let at = "";
    for (const part of dir.split("/").filter(Boolean)) {
      at = `${at}/${part}`;
      if (root.resolve(at, true).entry?.type !== "dir") root.put(at, { type: "dir", mode: 0o755, mtime: options.now, ...owner });
    }
  };
  const write = (path: string, entry: TarEntry, keepOwners = options.preserveOwnership) => {
    const parent = goDir(path);
    if (root.resolve(parent, true).entry?.type !== "dir") makeDirs(parent);
    const ids = keepOwners ? { uid: entry.uid, gid: entry.gid } : owner;
    const mode = entry.mode & 0o7777;
    if (entry.type === "dir") {
      // Merged into an existing directory, which takes the copied one's mode, owners and time
      // (why `COPY . /` with a tmp/ in the context changes /tmp).
      root.put(path, { type: "dir", mode, mtime: entry.mtime, ...ids });
    } else if (entry.type === "symlink") {
      root.put(path, { type: "symlink", target: entry.linkname ?? "", mode: 0o777, mtime: entry.mtime, ...ids });
    } else if (entry.type === "file" || entry.type === "link") {
      const data = entry.type === "link" ? (source.stat(entry.linkname ?? "")?.data ?? new Uint8Array()) : (entry.data ?? new Uint8Array());
      root.put(path, { type: "file", content: data, mode, mtime: entry.mtime, ...ids });
    }
  };
  for (const info of plan.infos) {
    const entry = source.stat(info.path);
    if (!entry) throw new BuildStepError(`source path not found: stat ${info.path}: file does not exist`);
    const destPath = goClean(plan.dest);
    if (entry.type === "dir") {
      if (root.resolve(destPath, true).entry?.type !== "dir") makeDirs(destPath);
      const prefix = info.path === "" ? "" : `${info.path}/`;
      for (const p of source.under(info.path)) {
        const child = source.raw(p);
        if (child) write(goJoin(destPath, p.slice(prefix.length)), child);
      }
      continue;
    }
    const data = entry.data ?? new Uint8Array();
    const members = options.decompress ? await archiveEntries(data) : undefined;
    if (members) {
      if (root.resolve(destPath, true).entry?.type !== "dir") makeDirs(destPath);
      // Unpacked as the archive says, its owners included (the builder's Untar maps no ids).
      for (const member of members) {
        const name = goClean(`/${member.name}`);
        if (name !== "/") write(goJoin(destPath, name), member, true);
      }
      continue;
    }
    const target = plan.dest.endsWith("/") || root.resolve(destPath, true).entry?.type === "dir" ? goJoin(destPath, goBase(info.path)) : destPath;
    write(target, entry);
  }
}
