// The engine's state as a versioned document of records. Loading never throws: it reports ok,
// too-new (saved by a newer version of the app) or corrupt, and migrates older documents up one
// version step at a time.
import type { RecordChange, RecordKind } from "./record-store.js";

export const schemaVersion = 1;

export interface EngineSnapshot {
  schemaVersion: number;
  daemonId: string;
  records: RecordChange[];
}

/** One step: turns a document of version n into version n + 1. */
export type Migration = (doc: EngineSnapshot) => EngineSnapshot;

/** migrations[n] upgrades version n to n + 1. Version 1 is the first: nothing to migrate yet. */
export const migrations: Record<number, Migration> = {};

export type LoadResult =
  | { status: "ok"; snapshot: EngineSnapshot; migratedFrom?: number }
  | { status: "too-new"; found: number; supported: number }
  | { status: "corrupt"; reason: string };

const kinds: RecordKind[] = ["container", "image", "network", "volume", "logs", "meta", "fs", "layer", "registry", "distribution"];

function validate(doc: unknown): string | undefined {
  if (doc === null || typeof doc !== "object") return "not an object";
  const d = doc as Partial<EngineSnapshot>;
  if (typeof d.schemaVersion !== "number" || !Number.isInteger(d.schemaVersion) || d.schemaVersion < 1) {
    return "missing or invalid schemaVersion";
  }
  if (typeof d.daemonId !== "string") return "missing daemonId";
  if (!Array.isArray(d.records)) return "records is not a list";
  for (const r of d.records as unknown[]) {
    const rec = r as Partial<RecordChange> | null;
    if (!rec || typeof rec !== "object" || !kinds.includes(rec.kind as RecordKind) || typeof rec.key !== "string") {
      return "a record has no valid kind and key";
    }
    if (rec.value === null || typeof rec.value !== "object") return `record ${rec.kind}:${rec.key} has no value`;
  }
  return undefined;
}

export function loadSnapshot(
  doc: unknown,
  steps: Record<number, Migration> = migrations,
  current: number = schemaVersion,
): LoadResult {
  try {
    const problem = validate(doc);
    if (problem) return { status: "corrupt", reason: problem };
    let snapshot = doc as EngineSnapshot;
    const from = snapshot.schemaVersion;
    if (from > current) return { status: "too-new", found: from, supported: current };
    while (snapshot.schemaVersion < current) {
      const step = steps[snapshot.schemaVersion];
      if (!step) return { status: "corrupt", reason: `no migration from schema version ${snapshot.schemaVersion}` };
      const next = step(structuredClone(snapshot));
      if (next.schemaVersion !== snapshot.schemaVersion + 1) {
        return { status: "corrupt", reason: `migration from ${snapshot.schemaVersion} did not advance the version` };
      }
      snapshot = next;
    }
    const again = validate(snapshot);
    if (again) return { status: "corrupt", reason: again };
    return from === current ? { status: "ok", snapshot } : { status: "ok", snapshot, migratedFrom: from };
  } catch (error) {
    return { status: "corrupt", reason: error instanceof Error ? error.message : String(error) };
  }
}
