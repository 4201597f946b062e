// How the playground is laid out in IndexedDB (idb-keyval: one key per engine record, host file
// and setting), and how it is read back. Nothing here imports the engine, so the worker can begin
// this read before the engine's modules have been evaluated (early-read.ts).
import { createStore, entries, type UseStore } from "idb-keyval";

export const recordPrefix = "rec:";
export const filePrefix = "file:";
export const metaKey = "meta";
export const historyKey = "history";

export interface SavedPlayground {
  /** The engine document as stored: handed to loadSnapshot, which validates and migrates it. */
  engine: unknown;
  files: Record<string, string | Uint8Array>;
  history: string[];
  empty: boolean;
}

export function openStore(name: string): UseStore {
  return createStore(name, "state");
}

export async function readSaved(store: UseStore): Promise<SavedPlayground> {
  const all = await entries<string, unknown>(store);
  const records: unknown[] = [];
  const files: Record<string, string | Uint8Array> = {};
  let meta: unknown;
  let history: string[] = [];
  for (const [key, value] of all) {
    if (key === metaKey) meta = value;
    else if (key === historyKey && Array.isArray(value)) history = value.filter((h): h is string => typeof h === "string");
    else if (key.startsWith(filePrefix) && (typeof value === "string" || value instanceof Uint8Array)) files[key.slice(filePrefix.length)] = value;
    else if (key.startsWith(recordPrefix)) {
      const rest = key.slice(recordPrefix.length);
      const colon = rest.indexOf(":");
      records.push({ kind: rest.slice(0, colon), key: rest.slice(colon + 1), value });
    }
  }
  const empty = meta === undefined && records.length === 0;
  const engine = meta && typeof meta === "object" ? { ...(meta as object), records } : empty ? undefined : { records };
  return { engine, files, history, empty };
}
