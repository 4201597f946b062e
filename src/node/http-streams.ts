// The client side of the daemon's streams: bytes from a response or a hijacked socket become the
// engine's own shapes again (json-lines messages, stdio chunks), handed out through a pull-based
// iterator that pauses the socket when the reader falls behind and tears it down on return().
import type { Readable } from "node:stream";
import { StringDecoder } from "node:string_decoder";
import type { StdioChunk } from "../engine/index.js";

/** What a Feed drives: the readable it is fed from. */
export interface FeedSource {
  pause(): void;
  resume(): void;
  /** The reader has gone (break, Ctrl-C): stop the transfer for good. */
  close(): void;
}

// Enough to smooth out bursts without holding a whole `docker logs` in memory.
const highWater = 256;
const lowWater = 32;

type Waiter<T> = { resolve: (result: IteratorResult<T>) => void; reject: (error: unknown) => void };

/**
 * An async iterator over pushed items. A plain object rather than an async generator on purpose:
 * return() must settle at once even while a next() is pending, or Ctrl-C could not stop a
 * `logs -f` that is waiting for its next line.
 */
export class Feed<T> implements AsyncIterableIterator<T> {
  private readonly items: T[] = [];
  private waiter: Waiter<T> | undefined;
  private ended = false;
  private failure: { error: unknown } | undefined;
  private paused = false;

  constructor(private readonly source: FeedSource) {}

  push(item: T): void {
    if (this.ended) return;
    const waiter = this.waiter;
    if (waiter) {
      this.waiter = undefined;
      waiter.resolve({ value: item, done: false });
      return;
    }
    this.items.push(item);
    if (!this.paused && this.items.length >= highWater) {
      this.paused = true;
      this.source.pause();
    }
  }

  /** The source ended: the reader gets what is queued, then done. */
  end(): void {
    if (this.ended) return;
    this.ended = true;
    this.settle();
  }

  /** The stream failed: the reader gets what is queued, then the error; stopSource tears the source down. */
  fail(error: unknown, stopSource = false): void {
    if (this.ended) return;
    this.failure = { error };
    this.ended = true;
    if (stopSource) this.source.close();
    this.settle();
  }

  next(): Promise<IteratorResult<T>> {
    if (this.items.length > 0) {
      const value = this.items.shift() as T;
      if (this.paused && this.items.length <= lowWater) {
        this.paused = false;
        this.source.resume();
      }
      return Promise.resolve({ value, done: false });
    }
    if (this.failure) {
      const { error } = this.failure;
      this.failure = undefined;
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
    if (this.ended) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve, reject) => (this.waiter = { resolve, reject }));
  }

  return(): Promise<IteratorResult<T>> {
    this.items.length = 0;
    this.failure = undefined;
    if (!this.ended) {
      this.ended = true;
      this.source.close();
    }
    this.settle();
    return Promise.resolve({ value: undefined, done: true });
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<T> {
    return this;
  }

  private settle(): void {
    const waiter = this.waiter;
    if (!waiter || this.items.length > 0) return;
    this.waiter = undefined;
    if (this.failure) {
      const { error } = this.failure;
      this.failure = undefined;
      waiter.reject(error);
    } else {
      waiter.resolve({ value: undefined, done: true });
    }
  }
}

/** Turns received bytes into items; end() flushes what a last, unterminated piece held. */
export interface Decoder<T> {
  write(bytes: Buffer): T[];
  end(): T[];
}

/** Newline-delimited JSON (pull progress, events, wait), as json.Decoder reads a stream of documents. */
export function jsonLinesDecoder(): Decoder<unknown> {
  const text = new StringDecoder("utf8");
  let pending = "";
  const parse = (lines: string[]) => lines.map((line) => line.trim()).filter((line) => line !== "").map((line) => JSON.parse(line) as unknown);
  return {
    write(bytes) {
      pending += text.write(bytes);
      const lines = pending.split("\n");
      pending = lines.pop() ?? "";
      return parse(lines);
    },
    end() {
      const rest = pending + text.end();
      pending = "";
      return parse([rest]);
    },
  };
}

/** TTY output: one stream, no framing (stderr is merged into stdout by the terminal). */
export function rawDecoder(): Decoder<StdioChunk> {
  const text = new StringDecoder("utf8");
  const chunk = (data: string): StdioChunk[] => (data === "" ? [] : [{ stream: "stdout", data }]);
  return { write: (bytes) => chunk(text.write(bytes)), end: () => chunk(text.end()) };
}

/**
 * moby's stdcopy: 8-byte headers [stream, 0, 0, 0, size as big-endian uint32], then the payload.
 * Each stream keeps its own UTF-8 decoder, since a character may be split across frames.
 */
export function frameDecoder(): Decoder<StdioChunk> {
  const decoders = { stdout: new StringDecoder("utf8"), stderr: new StringDecoder("utf8") };
  let buffered: Buffer = Buffer.alloc(0);
  return {
    write(bytes) {
      buffered = buffered.length === 0 ? bytes : Buffer.concat([buffered, bytes]);
      const chunks: StdioChunk[] = [];
      while (buffered.length >= 8) {
        const size = buffered.readUInt32BE(4);
        if (buffered.length < 8 + size) break;
        const kind = buffered[0] ?? 0;
        const payload = buffered.subarray(8, 8 + size);
        buffered = buffered.subarray(8 + size);
        // stdcopy's own errors, word for word; stdin frames (0) are copied to stdout as it does.
        if (kind === 3) throw new Error(`error from daemon in stream: ${payload.toString("utf8")}`);
        if (kind > 3) throw new Error(`Unrecognized input header: ${kind}`);
        const stream = kind === 2 ? "stderr" : "stdout";
        const data = decoders[stream].write(payload);
        if (data !== "") chunks.push({ stream, data });
      }
      return chunks;
    },
    end() {
      const chunks: StdioChunk[] = [];
      for (const stream of ["stdout", "stderr"] as const) {
        const data = decoders[stream].end();
        if (data !== "") chunks.push({ stream, data });
      }
      return chunks;
    },
  };
}

/** Feeds a Feed from a readable's events through a decoder; a decoding error fails the feed. */
export function pipeInto<T>(
  readable: Readable,
  decoder: Decoder<T>,
  feed: Feed<T>,
  head?: Buffer,
): void {
  const write = (bytes: Buffer) => {
    try {
      for (const item of decoder.write(bytes)) feed.push(item);
    } catch (error) {
      feed.fail(error, true);
    }
  };
  const finish = () => {
    try {
      for (const item of decoder.end()) feed.push(item);
      feed.end();
    } catch (error) {
      feed.fail(error);
    }
  };
  if (head && head.length > 0) write(head);
  readable.on("data", (bytes: Buffer) => write(bytes));
  readable.on("end", finish);
  // A daemon that goes away mid-stream ends the stream, as an EOF would.
  readable.on("close", finish);
  readable.on("error", () => finish());
}
