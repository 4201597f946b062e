// What the CLI does while it is attached to a process (run -i, exec -i, attach): copies the
// terminal's keys to the connection and the output to the terminal. With a TTY the terminal goes
// raw and the detach sequence (Ctrl-P Ctrl-Q unless --detach-keys says otherwise) is caught
// here, as the docker CLI's escape proxy does: the session ends, the process keeps running.
import type { CliIo, InputStream } from "../io.js";

export type SessionEnd = "ended" | "detached" | "interrupted";

/** "ctrl-p,ctrl-q" → "\x10\x11" (the same rules as the daemon's). */
export function detachSequence(spec: string | undefined): string {
  const keys: string[] = [];
  for (const key of (spec || "ctrl-p,ctrl-q").split(",")) {
    if (/^ctrl-.$/i.test(key)) {
      const code = key.toUpperCase().charCodeAt(5);
      if (code >= 64 && code <= 95) keys.push(String.fromCharCode(code - 64));
    } else if (key.length === 1) {
      keys.push(key);
    }
  }
  return keys.join("");
}

/** The input with the detach sequence taken out; `onDetach` runs when it is typed. */
function escapeProxy(input: AsyncIterable<string>, keys: string, onDetach: () => void): AsyncIterable<string> {
  return {
    async *[Symbol.asyncIterator]() {
      let matched = "";
      for await (const data of input) {
        let out = "";
        for (const ch of data) {
          if (keys && ch === keys[matched.length]) {
            matched += ch;
            if (matched === keys) {
              if (out) yield out;
              onDetach();
              return;
            }
            continue;
          }
          out += matched + ch;
          matched = "";
        }
        if (out) yield out;
      }
    },
  };
}

export interface SessionOptions {
  tty: boolean;
  /** Whether stdin is attached (-i). */
  interactive: boolean;
  detachKeys?: string;
}

export interface Attached {
  output: AsyncIterable<{ stream: "stdout" | "stderr"; data: string }>;
}

/**
 * Runs an attached session: `connect` opens the hijacked connection with the input to send.
 * Resolves when the output ends, the user detaches, or Ctrl-C interrupts a non-TTY session.
 */
export async function attachedSession(io: CliIo, options: SessionOptions, connect: (input: AsyncIterable<string> | undefined) => Promise<Attached>): Promise<SessionEnd> {
  let stream: InputStream | undefined;
  let detached = false;
  let detach: () => void = () => undefined;
  const detachedNow = new Promise<"detached">((resolve) => {
    detach = () => {
      detached = true;
      resolve("detached");
    };
  });
  if (options.interactive && io.stdin) stream = io.stdin.open(options.tty && io.stdin.isTTY);
  const input = stream ? (options.tty ? escapeProxy(stream.data, detachSequence(options.detachKeys), detach) : stream.data) : undefined;
  try {
    const { output } = await connect(input);
    const interrupted = new Promise<"interrupted">((resolve) => {
      // With a TTY, Ctrl-C is a key for the container; without one the CLI gets the signal.
      if (options.tty && stream) return;
      if (io.signal?.aborted) resolve("interrupted");
      io.signal?.addEventListener("abort", () => resolve("interrupted"), { once: true });
    });
    const iterator = output[Symbol.asyncIterator]();
    const pumped = (async (): Promise<"ended"> => {
      for (;;) {
        const next = await iterator.next();
        if (next.done || detached) return "ended";
        (next.value.stream === "stderr" && !options.tty ? io.stderr : io.stdout)(next.value.data);
      }
    })();
    const end = await Promise.race([pumped, interrupted, detachedNow]);
    if (end !== "ended") void iterator.return?.();
    return detached ? "detached" : end;
  } finally {
    stream?.close();
  }
}
