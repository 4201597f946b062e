// The engine's view of the outside world. Time, timers and randomness come in through these
// ports, so a run can be replayed exactly: tests use a ManualClock and a SeededIdSource.

export interface Clock {
  /** Milliseconds since the Unix epoch, possibly fractional. */
  now(): number;
  /** Runs fn after ms milliseconds of this clock's time; returns a function that cancels it. */
  setTimer(ms: number, fn: () => void): () => void;
  /**
   * Lets the host's event loop run (messages, I/O) before resolving. A container's script that
   * never sleeps calls it now and then, so the tab and the daemon stay responsive. Absent on a
   * manual clock, where nothing else waits.
   */
  yieldToHost?(): Promise<void>;
}

export interface IdSource {
  /** n random bytes as lowercase hex (2n characters). */
  randomHex(bytes: number): string;
  /** A uniformly random integer in [0, max). */
  randomInt(max: number): number;
}

/** A clock that moves only when told to: for tests and deterministic replays. */
export class ManualClock implements Clock {
  private time: number;
  private timers: { at: number; seq: number; fn: () => void }[] = [];
  private seq = 0;

  constructor(start: number | string = "2026-01-15T09:00:00Z") {
    this.time = typeof start === "number" ? start : Date.parse(start);
  }

  now(): number {
    return this.time;
  }

  setTimer(ms: number, fn: () => void): () => void {
    const timer = { at: this.time + Math.max(0, ms), seq: this.seq++, fn };
    this.timers.push(timer);
    return () => {
      this.timers = this.timers.filter((t) => t !== timer);
    };
  }

  /** Moves time forward, firing due timers in order. */
  /** Timers waiting to fire. */
  get pending(): number {
    return this.timers.length;
  }

  advance(ms: number): void {
    const end = this.time + ms;
    for (;;) {
      const due = this.timers
        .filter((t) => t.at <= end)
        .sort((a, b) => a.at - b.at || a.seq - b.seq)[0];
      if (!due) break;
      this.timers = this.timers.filter((t) => t !== due);
      this.time = Math.max(this.time, due.at);
      due.fn();
    }
    this.time = end;
  }
}

const hexDigits = "0123456789abcdef";
/** Scratch space for the common ids (32 bytes); the string is made before it is reused. */
const hexCodes = new Uint8Array(64);
const asciiDecoder = new TextDecoder("latin1");

/** Deterministic ids from a seed (mulberry32): the same seed gives the same containers. */
export class SeededIdSource implements IdSource {
  private state: number;

  constructor(seed = 1) {
    this.state = seed >>> 0;
  }

  private next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  randomHex(bytes: number): string {
    // The digits' codes decoded into one flat string: no rope of 2-character pieces for every
    // later comparison (and every id kept in a record) to drag along, and no array to join.
    const codes = bytes === 32 ? hexCodes : new Uint8Array(bytes * 2);
    for (let i = 0; i < bytes; i++) {
      const byte = Math.floor(this.next() * 256);
      codes[2 * i] = hexDigits.charCodeAt(byte >> 4);
      codes[2 * i + 1] = hexDigits.charCodeAt(byte & 15);
    }
    return asciiDecoder.decode(codes);
  }

  randomInt(max: number): number {
    return Math.floor(this.next() * max);
  }
}
