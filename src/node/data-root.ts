// The layout of a daemon's --data-root on disk, as dockerd keeps one file per object:
//   DIR/meta.json                      {"schemaVersion", "daemonId"}
//   DIR/records/<kind>/<key>.json      one engine record (key URI-encoded)
// Reading turns the directory back into a snapshot document for loadSnapshot; every write
// goes to a temporary file that is renamed over the old one, so a crash leaves either the
// old record or the new one, never half of one.
import { createHash, randomBytes } from "node:crypto";
import { mkdir, open, readdir, readFile, rename, rm, unlink } from "node:fs/promises";
import { join } from "node:path";
import { loadSnapshot, schemaVersion, type EngineSnapshot, type RecordKind } from "../engine/index.js";

export const metaFile = "meta.json";
export const recordsDir = "records";
const suffix = ".json";
const tempSuffix = ".tmp";

/** The file of one record, relative to the data root. */
export function recordPath(kind: RecordKind, key: string): string {
  return join(recordsDir, kind, `${encodeURIComponent(key)}${suffix}`);
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function isMissing(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | null)?.code === "ENOENT";
}

async function readJson(root: string, file: string): Promise<{ text: string; value: unknown }> {
  const text = await readFile(join(root, file), "utf8");
  try {
    return { text, value: JSON.parse(text) as unknown };
  } catch (error) {
    throw new Error(`${file}: ${errorText(error)}`);
  }
}

async function listDir(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir, { withFileTypes: true })).map((entry) => entry.name).sort();
  } catch (error) {
    if (isMissing(error)) return [];
    throw error;
  }
}

export interface DataRootContents {
  /** The document to pass through loadSnapshot; undefined for an empty (new) data root. */
  doc: unknown;
  /** The digest of what each record file holds, by recordPath(), so unchanged records are not rewritten. */
  onDisk: Map<string, string>;
}

/** Reads DIR into a snapshot document. Throws with the file's name if one is not JSON. */
export async function readDataRoot(root: string): Promise<DataRootContents> {
  const onDisk = new Map<string, string>();
  const records: { kind: string; key: string; value: unknown }[] = [];
  for (const kind of await listDir(join(root, recordsDir))) {
    for (const name of await listDir(join(root, recordsDir, kind))) {
      // A temporary file left by a crash mid-write: the record it was replacing is still intact.
      if (name.endsWith(tempSuffix)) {
        await rm(join(root, recordsDir, kind, name), { force: true });
        continue;
      }
      const file = join(recordsDir, kind, name);
      if (!name.endsWith(suffix)) throw new Error(`${file}: not a record file`);
      const { text, value } = await readJson(root, file);
      onDisk.set(file, digest(text));
      records.push({ kind, key: decodeURIComponent(name.slice(0, -suffix.length)), value });
    }
  }
  let meta: unknown;
  try {
    meta = (await readJson(root, metaFile)).value;
  } catch (error) {
    if (!isMissing(error)) throw error;
    if (records.length === 0) return { doc: undefined, onDisk };
    throw new Error(`${metaFile} is missing but ${recordsDir}/ holds ${records.length} records`);
  }
  if (meta === null || typeof meta !== "object" || Array.isArray(meta)) throw new Error(`${metaFile}: not an object`);
  return { doc: { ...meta, records }, onDisk };
}

/** Reads and validates DIR: the snapshot to start from (undefined if empty), or an error saying why not. */
export async function loadDataRoot(root: string): Promise<{ snapshot: EngineSnapshot | undefined; onDisk: Map<string, string> }> {
  let contents: DataRootContents;
  try {
    contents = await readDataRoot(root);
  } catch (error) {
    throw new Error(`data root ${root} is corrupt: ${errorText(error)}`);
  }
  if (contents.doc === undefined) return { snapshot: undefined, onDisk: contents.onDisk };
  const result = loadSnapshot(contents.doc);
  if (result.status === "too-new") {
    throw new Error(
      `data root ${root} was written by a newer version (schema version ${result.found}, this version supports ${result.supported}); refusing to start so as not to overwrite it`,
    );
  }
  if (result.status === "corrupt") throw new Error(`data root ${root} is corrupt: ${result.reason}`);
  return { snapshot: result.snapshot, onDisk: contents.onDisk };
}

/** Writes text to root/file atomically: a synced temporary file renamed over the old one. */
export async function writeAtomic(root: string, file: string, text: string): Promise<void> {
  const target = join(root, file);
  const temp = `${target}.${randomBytes(6).toString("hex")}${tempSuffix}`;
  const handle = await open(temp, "w");
  try {
    await handle.writeFile(text, "utf8");
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(temp, target);
}

export async function removeFile(root: string, file: string): Promise<void> {
  try {
    await unlink(join(root, file));
  } catch (error) {
    if (!isMissing(error)) throw error;
  }
}

export async function ensureDir(root: string, dir: string): Promise<void> {
  await mkdir(join(root, dir), { recursive: true });
}

export function digest(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

export function metaText(daemonId: string): string {
  return `${JSON.stringify({ schemaVersion, daemonId }, null, 2)}\n`;
}
