// Keeps a --data-root in step with the engine: after a request or an event (a container that
// exits on its own), and on a slow safety tick, it takes the engine's changed records and writes
// just those, each atomically. Writes are debounced, so a burst of requests touching the same
// record writes it once; a record whose content did not change is not written at all.
import { dirname } from "node:path";
import type { Engine } from "../engine/index.js";
import { digest, ensureDir, metaFile, metaText, recordPath, removeFile, writeAtomic } from "./data-root.js";

export interface RecordWriterOptions {
  /** How long to wait after a change for more to batch with it. */
  delayMs?: number;
  /** How often to look for changes nobody announced (logs of a running container). */
  tickMs?: number;
  /** Where a failed write is reported; the write is retried at the next flush. */
  onError?: (error: unknown) => void;
}

/** A pending write: the record's JSON, or null to delete its file. */
type Pending = Map<string, string | null>;

export class RecordWriter {
  /** Record files written (or removed) so far: what the tests and -D look at. */
  writes = 0;
  private readonly pending: Pending = new Map();
  private readonly dirs = new Set<string>();
  private timer: NodeJS.Timeout | undefined;
  private readonly tick: NodeJS.Timeout;
  private readonly unsubscribe: () => void;
  private running: Promise<void> = Promise.resolve();
  private closed = false;

  constructor(
    private readonly root: string,
    private readonly engine: Engine,
    /** Digests of the record files as they are on disk now. */
    private readonly onDisk: Map<string, string>,
    private readonly options: RecordWriterOptions = {},
  ) {
    this.unsubscribe = engine.ctx.events.subscribe(() => this.schedule());
    this.tick = setInterval(() => this.schedule(), options.tickMs ?? 2000);
    this.tick.unref();
  }

  /** Writes meta.json and whatever the engine changed while starting (containers restored after a restart). */
  async start(): Promise<void> {
    await ensureDir(this.root, ".");
    await writeAtomic(this.root, metaFile, metaText(this.engine.daemonId));
    await this.flush();
  }

  /** Asks for a flush soon; calls within the delay are batched into one. */
  schedule(): void {
    if (this.closed || this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.flush();
    }, this.options.delayMs ?? 25);
  }

  /** Writes every change so far; resolves once they are on disk. Flushes run one at a time. */
  flush(): Promise<void> {
    // Serialise now: the records may change again while earlier writes are in flight.
    for (const change of this.engine.takeChanges()) {
      this.pending.set(recordPath(change.kind, change.key), change.value === null ? null : `${JSON.stringify(change.value)}\n`);
    }
    const run = this.running.then(() => this.writePending());
    this.running = run;
    return run;
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.timer);
    this.timer = undefined;
    clearInterval(this.tick);
    this.unsubscribe();
    await this.flush();
  }

  private async writePending(): Promise<void> {
    const batch = [...this.pending];
    this.pending.clear();
    for (const [file, text] of batch) {
      try {
        await this.writeOne(file, text);
      } catch (error) {
        // Retry at the next flush, unless a newer version of the record is already waiting.
        if (!this.pending.has(file)) this.pending.set(file, text);
        this.options.onError?.(error);
      }
    }
  }

  private async writeOne(file: string, text: string | null): Promise<void> {
    if (text === null) {
      if (!this.onDisk.has(file)) return;
      await removeFile(this.root, file);
      this.onDisk.delete(file);
      this.writes++;
      return;
    }
    const hash = digest(text);
    if (this.onDisk.get(file) === hash) return;
    const dir = dirname(file);
    if (!this.dirs.has(dir)) {
      await ensureDir(this.root, dir);
      this.dirs.add(dir);
    }
    await writeAtomic(this.root, file, text);
    this.onDisk.set(file, hash);
    this.writes++;
  }
}
