// The playground in IndexedDB (idb-keyval): one key per engine record, host file and setting,
// so a command that changes one container writes that container, not the world.
import { clear, createStore, delMany, entries, setMany, type UseStore } from "idb-keyval";
import type { EngineSnapshot, RecordChange } from "../engine/index.js";
import { schemaVersion } from "../engine/index.js";

const recordPrefix = "rec:";
const filePrefix = "file:";
const metaKey = "meta";
const historyKey = "history";

export interface SavedPlayground {
  /** The engine document as stored: handed to loadSnapshot, which validates and migrates it. */
  engine: unknown;
  files: Record<string, string | Uint8Array>;
  history: string[];
  empty: boolean;
}

export class Persistence {
  private readonly store: UseStore;
  private pending: Promise<void> = Promise.resolve();

  constructor(name = "docker-playground") {
    this.store = createStore(name, "state");
  }

  async load(): Promise<SavedPlayground> {
    const all = await entries<string, unknown>(this.store);
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

  /** Queues writes in order; the returned promise settles when these are on disk. */
  private enqueue(work: () => Promise<void>): Promise<void> {
    this.pending = this.pending.then(work, work);
    return this.pending;
  }

  writeEngine(daemonId: string, changes: RecordChange[]): Promise<void> {
    if (changes.length === 0) return this.pending;
    const puts: [string, unknown][] = [[metaKey, { schemaVersion, daemonId }]];
    const dels: string[] = [];
    for (const c of changes) {
      const key = `${recordPrefix}${c.kind}:${c.key}`;
      if (c.value === null) dels.push(key);
      else puts.push([key, c.value]);
    }
    return this.enqueue(async () => {
      await setMany(puts, this.store);
      if (dels.length > 0) await delMany(dels, this.store);
    });
  }

  writeFull(snapshot: EngineSnapshot): Promise<void> {
    return this.writeEngine(snapshot.daemonId, snapshot.records);
  }

  writeFiles(changed: Record<string, string | Uint8Array | null>): Promise<void> {
    const puts: [string, string | Uint8Array][] = [];
    const dels: string[] = [];
    for (const [path, content] of Object.entries(changed)) {
      if (content === null) dels.push(`${filePrefix}${path}`);
      else puts.push([`${filePrefix}${path}`, content]);
    }
    return this.enqueue(async () => {
      if (puts.length > 0) await setMany(puts, this.store);
      if (dels.length > 0) await delMany(dels, this.store);
    });
  }

  writeHistory(history: string[]): Promise<void> {
    return this.enqueue(() => setMany([[historyKey, history]], this.store));
  }

  clearAll(): Promise<void> {
    return this.enqueue(() => clear(this.store));
  }

  flushed(): Promise<void> {
    return this.pending;
  }
}
