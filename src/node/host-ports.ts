// The engine's ports bound to the host: wall-clock time and timers, and crypto randomness.
// The pure engine never touches these globals itself (eslint guards that).
import { randomBytes, randomInt } from "node:crypto";
import type { Clock, IdSource } from "../engine/index.js";

const hostSetTimeout = globalThis.setTimeout;
const hostClearTimeout = globalThis.clearTimeout;

/** Date.now and setTimeout, with every pending timer cancellable when the daemon shuts down. */
export class SystemClock implements Clock {
  private readonly pending = new Set<NodeJS.Timeout>();

  now(): number {
    return Date.now();
  }

  setTimer(ms: number, fn: () => void): () => void {
    // setTimeout overflows past 2^31-1 ms (about 24.8 days) and would fire at once.
    const delay = Math.min(Math.max(0, ms), 2 ** 31 - 1);
    const timer = hostSetTimeout(() => {
      this.pending.delete(timer);
      fn();
    }, delay);
    this.pending.add(timer);
    return () => {
      hostClearTimeout(timer);
      this.pending.delete(timer);
    };
  }

  yieldToHost(): Promise<void> {
    return new Promise((resolve) => setImmediate(resolve));
  }

  /** Cancels everything still scheduled: sleeping containers must not keep Node alive. */
  dispose(): void {
    for (const timer of this.pending) hostClearTimeout(timer);
    this.pending.clear();
  }
}

export class CryptoIdSource implements IdSource {
  randomHex(bytes: number): string {
    return randomBytes(bytes).toString("hex");
  }

  randomInt(max: number): number {
    const bound = Math.floor(max);
    if (bound <= 1) return 0;
    // crypto.randomInt takes ranges up to 2^48; beyond that a 48-bit fraction is plenty.
    if (bound <= 2 ** 48) return randomInt(bound);
    return Math.floor((randomBytes(6).readUIntBE(0, 6) / 2 ** 48) * bound);
  }
}
