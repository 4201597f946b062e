// The host's clock and randomness, handed to the engine through its ports.
import type { Clock, IdSource } from "../engine/index.js";

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimer(ms, fn) {
    const handle = setTimeout(fn, ms);
    return () => clearTimeout(handle);
  },
};

export const cryptoIds: IdSource = {
  randomHex(bytes) {
    const buffer = crypto.getRandomValues(new Uint8Array(bytes));
    return Array.from(buffer, (b) => b.toString(16).padStart(2, "0")).join("");
  },
  randomInt(max) {
    const buffer = crypto.getRandomValues(new Uint32Array(1));
    return (buffer[0] ?? 0) % max;
  },
};
