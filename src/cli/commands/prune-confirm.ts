// The prunes' "[y/N]" question (internal/prompt Confirm): the message, then one line of stdin;
// "y" in any case is yes, anything else or end of input is no, Ctrl-C ends it with a newline.
import { CancelledError } from "../errors.js";
import type { CliIo } from "../io.js";

export async function confirm(io: CliIo, message: string): Promise<boolean> {
  io.stdout(`${message} [y/N] `);
  // No stdin at all reads as an empty one: the scanner finds nothing, so the answer is no.
  if (!io.stdin) return false;
  const stream = io.stdin.open(false);
  const interrupted = new Promise<"interrupt">((resolve) => {
    if (io.signal?.aborted) resolve("interrupt");
    io.signal?.addEventListener("abort", () => resolve("interrupt"), { once: true });
  });
  try {
    const iterator = stream.data[Symbol.asyncIterator]();
    const next = await Promise.race([iterator.next(), interrupted]);
    if (next === "interrupt") {
      io.stdout("\n");
      throw new CancelledError("prompt terminated");
    }
    if (next.done) return false;
    return next.value.split("\n")[0]?.trim().toLowerCase() === "y";
  } finally {
    stream.close();
  }
}

/** Answering no: the command ends quietly with status 0 (a Cancelled error). */
export function cancelled(what: string): CancelledError {
  return new CancelledError(`${what} has been cancelled`);
}
