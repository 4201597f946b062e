// The host's clock and randomness, handed to the engine through its ports.
import type { Clock, IdSource } from "../engine/index.js";

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimer(ms, fn) {
    const handle = setTimeout(fn, ms);
    return () => clearTimeout(handle);
  },
  // A message to ourselves runs after pending messages from the UI, without setTimeout's clamp.
  yieldToHost: () =>
    new Promise<void>((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        channel.port1.close();
        resolve();
      };
      channel.port2.postMessage(null);
    }),
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
