// Reading what the user types at a prompt (internal/prompt): one line, trimmed. Passwords are
// read with echo off, in raw mode, where the CLI itself handles Enter, Backspace and Ctrl-C.
import { CancelledError } from "../errors.js";
import type { CliIo, InputStream } from "../io.js";

/** Whether stdin is a terminal the user can answer on. */
export function canPrompt(io: CliIo): boolean {
  return io.stdin?.isTTY === true;
}

/**
 * prompt.ReadInput: writes the message to stdout, returns the next line. Ctrl-C ends the prompt
 * with a newline and nothing more printed. At end of input docker keeps waiting; so does this,
 * until Ctrl-C.
 */
export async function readInput(io: CliIo, message: string, options: { echo: boolean } = { echo: true }): Promise<string> {
  io.stdout(message);
  if (!io.stdin) return terminated(io, false);
  const stream = io.stdin.open(!options.echo);
  try {
    const line = await Promise.race([readLine(stream, !options.echo), interrupted(io)]);
    if (line === undefined) return await terminated(io, true);
    return line.trim();
  } finally {
    stream.close();
  }
}

async function readLine(stream: InputStream, raw: boolean): Promise<string | undefined> {
  let line = "";
  for await (const chunk of stream.data) {
    if (!raw) return chunk.replace(/[\r\n]+$/, "");
    for (const ch of chunk) {
      if (ch === "\r" || ch === "\n") return line;
      if (ch === "\x03") return undefined;
      if (ch === "\x7f" || ch === "\b") line = [...line].slice(0, -1).join("");
      else if (ch >= " ") line += ch;
    }
  }
  // End of input with no line: Scanner.Scan fails and docker's prompt never answers.
  return new Promise<undefined>(() => undefined);
}

function interrupted(io: CliIo): Promise<undefined> {
  return new Promise((resolve) => {
    if (io.signal?.aborted) resolve(undefined);
    io.signal?.addEventListener("abort", () => resolve(undefined), { once: true });
  });
}

async function terminated(io: CliIo, printNewline: boolean): Promise<never> {
  if (printNewline) io.stdout("\n");
  throw new CancelledError("prompt terminated");
}

/** Everything until end of input, as io.ReadAll(stdin) (--password-stdin). */
export async function readAll(io: CliIo): Promise<string> {
  if (!io.stdin) return "";
  const stream = io.stdin.open(false);
  let text = "";
  try {
    for await (const chunk of stream.data) text += chunk;
  } finally {
    stream.close();
  }
  return text;
}
