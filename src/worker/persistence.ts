// The playground in IndexedDB (idb-keyval): one key per engine record, host file and setting,
// so a command that changes one container writes that container, not the world.
import { clear, createStore, delMany, setMany, type UseStore } from "idb-keyval";
import type { EngineSnapshot, RecordChange } from "../engine/index.js";
import { schemaVersion } from "../engine/index.js";
import { filePrefix, historyKey, metaKey, readSaved, recordPrefix, type SavedPlayground } from "./saved-state.js";

export type { SavedPlayground } from "./saved-state.js";

/** A read of the saved playground already under way (early-read.ts), and the store it reads. */
export interface EarlyRead {
  store: UseStore;
  saved: Promise<SavedPlayground>;
}

export class Persistence {
  private readonly store: UseStore;
  private pending: Promise<void> = Promise.resolve();
  private early: Promise<SavedPlayground> | undefined;

  constructor(name = "docker-playground", early?: EarlyRead) {
    this.store = early ? early.store : createStore(name, "state");
    this.early = early?.saved;
  }

  /** The saved playground; the first call takes the early read, if one was begun. */
  load(): Promise<SavedPlayground> {
    const early = this.early;
    this.early = undefined;
    return early ?? readSaved(this.store);
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
