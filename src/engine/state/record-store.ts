// The engine's records, kept by kind and key, with a log of what changed since the last
// takeChanges(): persistence writes exactly those records instead of the whole world.

/** "fs" holds writable trees (container/<id>, volume/<name>); "layer" image layers made here. */
export type RecordKind = "container" | "image" | "network" | "volume" | "logs" | "meta" | "fs" | "layer" | "registry" | "distribution";

export interface RecordChange {
  kind: RecordKind;
  key: string;
  /** The record as it is now, or null if it was removed. */
  value: unknown;
}

export class RecordStore {
  private readonly tables = new Map<RecordKind, Map<string, unknown>>();
  /**
   * What changed since the last take, per kind: key → the order it first changed in. Kept per
   * kind rather than under a joined "kind/key" string, which every put would have to build.
   */
  private readonly dirty = new Map<RecordKind, Map<string, number>>();
  private changeCount = 0;

  /** `trackChanges` false: nothing will take the changes, so none are logged (takeChanges is empty). */
  constructor(private readonly trackChanges = true) {}

  /** Whether changes are logged: whether anything will ever take them. */
  get tracksChanges(): boolean {
    return this.trackChanges;
  }

  private table(kind: RecordKind): Map<string, unknown> {
    let table = this.tables.get(kind);
    if (!table) {
      table = new Map();
      this.tables.set(kind, table);
    }
    return table;
  }

  get<T>(kind: RecordKind, key: string): T | undefined {
    return this.table(kind).get(key) as T | undefined;
  }

  values<T>(kind: RecordKind): T[] {
    return [...this.table(kind).values()] as T[];
  }

  /** The records of a kind as they stand, not copied: for a lookup that stops at the first match. */
  scan<T>(kind: RecordKind): IterableIterator<T> {
    return this.table(kind).values() as IterableIterator<T>;
  }

  keys(kind: RecordKind): string[] {
    return [...this.table(kind).keys()];
  }

  /** Stores (or re-stores after an in-place change) a record and marks it for persistence. */
  put(kind: RecordKind, key: string, value: unknown): void {
    this.table(kind).set(key, value);
    this.markDirty(kind, key);
  }

  /** Marks a record changed in place. */
  touch(kind: RecordKind, key: string): void {
    if (this.table(kind).has(key)) this.markDirty(kind, key);
  }

  remove(kind: RecordKind, key: string): void {
    this.table(kind).delete(key);
    this.markDirty(kind, key);
  }

  private markDirty(kind: RecordKind, key: string): void {
    if (!this.trackChanges) return;
    let keys = this.dirty.get(kind);
    if (!keys) this.dirty.set(kind, (keys = new Map()));
    if (!keys.has(key)) keys.set(key, this.changeCount++);
  }

  /** The changed records, in the order they first changed since the last take. */
  takeChanges(): RecordChange[] {
    const order: { kind: RecordKind; key: string; at: number }[] = [];
    for (const [kind, keys] of this.dirty) for (const [key, at] of keys) order.push({ kind, key, at });
    order.sort((a, b) => a.at - b.at);
    this.dirty.clear();
    this.changeCount = 0;
    return order.map(({ kind, key }) => ({ kind, key, value: this.table(kind).get(key) ?? null }));
  }

  clear(): void {
    for (const [kind, table] of this.tables) for (const key of table.keys()) this.remove(kind, key);
  }

  /** Every record, for a full snapshot. */
  entries(): RecordChange[] {
    const out: RecordChange[] = [];
    for (const [kind, table] of this.tables) for (const [key, value] of table) out.push({ kind, key, value });
    return out;
  }
}
