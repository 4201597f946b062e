// Container logs with json-file semantics: every line kept with its stream and time, bounded per
// container, and followers told of new lines as they are written.
//
// A write of whole lines (a service's start-up notices, most often) is kept as it came, one
// record for all its lines; it is cut into lines when the log is read or followed. Reads are rare
// next to writes, and every line of one write has the same stream and time anyway.
import type { RecordStore } from "../state/record-store.js";

export interface LogEntry {
  stream: "stdout" | "stderr";
  /** Engine-clock milliseconds. */
  time: number;
  /** One line with its "\n" (the last may lack it); a kept record may hold several. */
  text: string;
}

const maxLines = 5000;

/** The lines of a text, each with its "\n" (the last without one if the text ends unterminated). */
function* linesOf(text: string): Generator<string> {
  let start = 0;
  while (start < text.length) {
    const nl = text.indexOf("\n", start);
    const end = nl < 0 ? text.length : nl + 1;
    yield start === 0 && end === text.length ? text : text.slice(start, end);
    start = end;
  }
}

function lineCount(text: string): number {
  let count = 0;
  for (let at = text.indexOf("\n"); at >= 0; at = text.indexOf("\n", at + 1)) count++;
  return text.endsWith("\n") ? count : count + 1;
}

/** What the store knows of one container's log: its kept records (the stored record itself). */
interface ContainerLog {
  kept: LogEntry[];
  /** Lines kept, counted on first use after a restore. */
  count: number | undefined;
  followers: Set<(entry: LogEntry) => void> | undefined;
  /** Whether `kept` is the record the store holds (it is changed in place from then on). */
  stored: boolean;
}

export class LogStore {
  /** One entry per container whose log was written, read or followed: one lookup per write. */
  private readonly logs = new Map<string, ContainerLog>();
  /** A partial line per container stream, joined with the next write as json-file does. */
  private readonly partial = new Map<string, LogEntry>();

  constructor(private readonly store: RecordStore) {}

  /** The container's log, a line per entry. */
  entries(containerId: string): LogEntry[] {
    const kept = this.stored(containerId) ?? [];
    let whole = true;
    for (const entry of kept) if (lineCount(entry.text) > 1) whole = false;
    if (whole) return kept;
    const out: LogEntry[] = [];
    for (const entry of kept) for (const text of linesOf(entry.text)) out.push(text === entry.text ? entry : { stream: entry.stream, time: entry.time, text });
    return out;
  }

  private stored(containerId: string): LogEntry[] | undefined {
    return this.logs.get(containerId)?.kept ?? this.store.get<LogEntry[]>("logs", containerId);
  }

  /** The container's log state, made (from the stored record, if any) at first use. */
  private log(containerId: string): ContainerLog {
    let log = this.logs.get(containerId);
    if (!log) {
      const kept = this.store.get<LogEntry[]>("logs", containerId);
      log = { kept: kept ?? [], count: kept ? undefined : 0, followers: undefined, stored: kept !== undefined };
      this.logs.set(containerId, log);
    }
    return log;
  }

  append(containerId: string, stream: "stdout" | "stderr", text: string, time: number): void {
    if (text === "") return;
    const log = this.log(containerId);
    const key = this.partial.size > 0 ? `${containerId}/${stream}` : undefined;
    const pending = key === undefined ? undefined : this.partial.get(key);
    let whole = text;
    if (pending && key !== undefined) {
      // The pending line's start joins this write; it keeps its own time.
      const nl = text.indexOf("\n");
      if (nl < 0) {
        this.partial.set(key, { ...pending, text: pending.text + text });
        return;
      }
      this.partial.delete(key);
      this.keep(log, { ...pending, text: pending.text + text.slice(0, nl + 1) });
      whole = text.slice(nl + 1);
    }
    const last = whole.lastIndexOf("\n");
    const tail = whole.slice(last + 1);
    if (last >= 0) this.keep(log, { stream, time, text: tail === "" ? whole : whole.slice(0, last + 1) });
    if (tail !== "") this.partial.set(`${containerId}/${stream}`, { stream, time, text: tail });
    this.save(containerId, log);
  }

  /**
   * Stores the kept records. They are changed in place, so once stored they need storing again
   * only to be marked changed, for an engine whose changes are persisted.
   */
  private save(containerId: string, log: ContainerLog): void {
    if (log.stored && !this.store.tracksChanges) return;
    this.store.put("logs", containerId, log.kept);
    log.stored = true;
  }

  /** Keeps a record of whole lines, tells followers line by line, and holds the bound. */
  private keep(log: ContainerLog, entry: LogEntry): void {
    const kept = log.kept;
    kept.push(entry);
    const followers = log.followers;
    if (followers) for (const text of linesOf(entry.text)) for (const follower of followers) follower(text === entry.text ? entry : { ...entry, text });
    let count = this.count(log) + lineCount(entry.text);
    if (count > maxLines) {
      // Whole records first, then the oldest lines of the one that straddles the bound.
      let drop = 0;
      while (drop < kept.length - 1 && count - lineCount((kept[drop] as LogEntry).text) >= maxLines) count -= lineCount((kept[drop++] as LogEntry).text);
      kept.splice(0, drop);
      const head = kept[0] as LogEntry;
      if (count > maxLines) {
        kept[0] = { ...head, text: [...linesOf(head.text)].slice(count - maxLines).join("") };
        count = maxLines;
      }
    }
    log.count = count;
  }

  /** Lines kept before the record just pushed (which the caller counts). */
  private count(log: ContainerLog): number {
    if (log.count !== undefined) return log.count;
    let count = 0;
    for (let i = 0; i < log.kept.length - 1; i++) count += lineCount((log.kept[i] as LogEntry).text);
    return count;
  }

  /** Flushes an unterminated last line when the process exits. */
  flush(containerId: string): void {
    if (this.partial.size === 0) return;
    for (const stream of ["stdout", "stderr"] as const) {
      const key = `${containerId}/${stream}`;
      const pending = this.partial.get(key);
      if (!pending) continue;
      this.partial.delete(key);
      const log = this.log(containerId);
      this.keep(log, pending);
      this.save(containerId, log);
    }
  }

  follow(containerId: string, listener: (entry: LogEntry) => void): () => void {
    const log = this.log(containerId);
    const set = (log.followers ??= new Set());
    set.add(listener);
    return () => set.delete(listener);
  }

  remove(containerId: string): void {
    this.store.remove("logs", containerId);
    this.logs.delete(containerId);
  }
}
