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
  private readonly dirty = new Map<string, { kind: RecordKind; key: string }>();

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

  keys(kind: RecordKind): string[] {
    return [...this.table(kind).keys()];
  }

  /** Stores (or re-stores after an in-place change) a record and marks it for persistence. */
  put(kind: RecordKind, key: string, value: unknown): void {
    this.table(kind).set(key, value);
    this.dirty.set(`${kind}\u0000${key}`, { kind, key });
  }

  /** Marks a record changed in place. */
  touch(kind: RecordKind, key: string): void {
    if (this.table(kind).has(key)) this.dirty.set(`${kind}\u0000${key}`, { kind, key });
  }

  remove(kind: RecordKind, key: string): void {
    this.table(kind).delete(key);
    this.dirty.set(`${kind}\u0000${key}`, { kind, key });
  }

  takeChanges(): RecordChange[] {
    const changes = [...this.dirty.values()].map(({ kind, key }) => ({
      kind,
      key,
      value: this.table(kind).get(key) ?? null,
    }));
    this.dirty.clear();
    return changes;
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
