// Container logs with json-file semantics: every line kept with its stream and time, bounded per
// container, and followers told of new lines as they are written.
import type { RecordStore } from "../state/record-store.js";

export interface LogEntry {
  stream: "stdout" | "stderr";
  /** Engine-clock milliseconds. */
  time: number;
  text: string;
}

const maxEntries = 5000;

export class LogStore {
  private readonly followers = new Map<string, Set<(entry: LogEntry) => void>>();
  /** A partial line per container stream, joined with the next write as json-file does. */
  private readonly partial = new Map<string, LogEntry>();

  constructor(private readonly store: RecordStore) {}

  entries(containerId: string): LogEntry[] {
    return this.store.get<LogEntry[]>("logs", containerId) ?? [];
  }

  append(containerId: string, stream: "stdout" | "stderr", text: string, time: number): void {
    const entries = this.entries(containerId);
    // Partial lines are rare: this stream's key for them is only made when one may be pending.
    let key: string | undefined;
    let start = 0;
    while (start < text.length) {
      const nl = text.indexOf("\n", start);
      const end = nl < 0 ? text.length : nl + 1;
      // A whole write is one line most of the time: keep the text itself rather than a copy.
      const piece = start === 0 && end === text.length ? text : text.slice(start, end);
      start = end;
      const pending = this.partial.size > 0 ? this.partial.get((key ??= `${containerId}/${stream}`)) : undefined;
      const entry: LogEntry = pending ? { ...pending, text: pending.text + piece } : { stream, time, text: piece };
      if (nl < 0) {
        this.partial.set((key ??= `${containerId}/${stream}`), entry);
        continue;
      }
      if (pending && key !== undefined) this.partial.delete(key);
      entries.push(entry);
      const followers = this.followers.get(containerId);
      if (followers) for (const follower of followers) follower(entry);
    }
    if (entries.length > maxEntries) entries.splice(0, entries.length - maxEntries);
    this.store.put("logs", containerId, entries);
  }

  /** Flushes an unterminated last line when the process exits. */
  flush(containerId: string): void {
    for (const stream of ["stdout", "stderr"] as const) {
      const key = `${containerId}/${stream}`;
      const pending = this.partial.get(key);
      if (!pending) continue;
      this.partial.delete(key);
      const entries = this.entries(containerId);
      entries.push(pending);
      this.store.put("logs", containerId, entries);
      for (const follower of this.followers.get(containerId) ?? []) follower(pending);
    }
  }

  follow(containerId: string, listener: (entry: LogEntry) => void): () => void {
    let set = this.followers.get(containerId);
    if (!set) {
      set = new Set();
      this.followers.set(containerId, set);
    }
    set.add(listener);
    return () => set.delete(listener);
  }

  remove(containerId: string): void {
    this.store.remove("logs", containerId);
    this.followers.delete(containerId);
  }
}
