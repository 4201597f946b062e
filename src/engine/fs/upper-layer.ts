// A writable layer (a container's, a volume's) that can start as a copy of another's without
// copying: most containers of an image write the same few paths at start (image-memo.ts), so the
// layer first points at the recorded entries and takes its own copy only when it is changed or
// walked. A lookup copies nothing.
import type { LayerEntry } from "./layer.js";

interface Shared {
  entries: ReadonlyMap<string, LayerEntry>;
  /** Entries stamped with this time were written by the recording run: they take `now`. */
  recordedAt: number;
  now: number;
}

export class UpperLayer extends Map<string, LayerEntry> {
  private shared: Shared | undefined;

  /**
   * Makes an empty layer hold `entries`, those stamped `recordedAt` restamped `now`. A layer that
   * already holds something takes them one by one.
   */
  adopt(entries: ReadonlyMap<string, LayerEntry>, recordedAt: number, now: number): void {
    const shared = { entries, recordedAt, now };
    if (this.shared === undefined && super.size === 0) this.shared = shared;
    else for (const [path, entry] of entries) this.set(path, restamped(entry, shared));
  }

  /** Takes the layer's own copy of what it shares; every change and every walk comes here first. */
  private own(): void {
    const shared = this.shared;
    if (shared === undefined) return;
    this.shared = undefined;
    for (const [path, entry] of shared.entries) super.set(path, restamped(entry, shared));
  }

  override get(path: string): LayerEntry | undefined {
    const shared = this.shared;
    if (shared === undefined) return super.get(path);
    // A lookup copies nothing: path resolution reads the footprint's directories (/etc, /run)
    // on its way to nearly every file. Entries are replaced, never changed, so handing out the
    // shared one (or its restamped copy) is safe.
    const entry = shared.entries.get(path);
    return entry === undefined ? undefined : restamped(entry, shared);
  }

  override has(path: string): boolean {
    return this.shared !== undefined ? this.shared.entries.has(path) : super.has(path);
  }

  /** Map's size, counting what is shared (installed as the `size` accessor below). */
  private count(): number {
    return this.shared !== undefined ? this.shared.entries.size : super.size;
  }

  override set(path: string, entry: LayerEntry): this {
    this.own();
    return super.set(path, entry);
  }

  override delete(path: string): boolean {
    this.own();
    return super.delete(path);
  }

  override clear(): void {
    this.shared = undefined;
    super.clear();
  }

  override forEach(callback: (entry: LayerEntry, path: string, layer: Map<string, LayerEntry>) => void, thisArg?: unknown): void {
    this.own();
    super.forEach(callback, thisArg);
  }

  override keys(): MapIterator<string> {
    this.own();
    return super.keys();
  }

  override values(): MapIterator<LayerEntry> {
    this.own();
    return super.values();
  }

  override entries(): MapIterator<[string, LayerEntry]> {
    this.own();
    return super.entries();
  }

  override [Symbol.iterator](): MapIterator<[string, LayerEntry]> {
    return this.entries();
  }

  static {
    // TypeScript declares Map's size a property, so a subclass cannot declare it as an accessor;
    // the accessor goes on the prototype directly.
    Object.defineProperty(UpperLayer.prototype, "size", {
      get(this: UpperLayer): number {
        return this.count();
      },
      configurable: true,
    });
  }
}

function restamped(entry: LayerEntry, shared: Shared): LayerEntry {
  // Entries are never changed in place (a change replaces them): the unstamped ones (directories
  // copied up from the image) stay shared with the run that recorded them.
  return entry.type !== "whiteout" && entry.mtime === shared.recordedAt && shared.now !== shared.recordedAt ? { ...entry, mtime: shared.now } : entry;
}
