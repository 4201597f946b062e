// The terminal as a command's stdin (docker run -i, exec -i, attach). Raw: every key goes to
// the command as typed, Ctrl-C included, and the container's own terminal echoes. Cooked: the
// pty echoes and edits a line, hands it over at Enter, and Ctrl-D ends the input, as a terminal
// does for a program reading it without a tty of its own.
import type { InputStream } from "../cli/index.js";

export class TerminalInput implements InputStream {
  private readonly queue: (string | null)[] = [];
  private waiting: ((result: IteratorResult<string>) => void) | undefined;
  private line = "";
  private closed = false;
  readonly data: AsyncIterable<string>;

  constructor(
    readonly raw: boolean,
    private readonly echo: (text: string) => void,
    private readonly onClose: () => void,
  ) {
    this.data = { [Symbol.asyncIterator]: () => ({ next: () => this.next(), return: () => this.finish() }) };
  }

  /** Keys typed while the command reads; Ctrl-C in cooked mode is the caller's business. */
  feed(data: string): void {
    if (this.closed) return;
    if (this.raw) return this.push(data);
    for (const ch of data) {
      if (ch === "\r" || ch === "\n") {
        this.echo("\r\n");
        this.push(`${this.line}\n`);
        this.line = "";
      } else if (ch === "\x04") {
        if (this.line === "") this.push(null);
        else {
          this.push(this.line);
          this.line = "";
        }
      } else if (ch === "\x7f" || ch === "\b") {
        if (this.line !== "") {
          this.line = [...this.line].slice(0, -1).join("");
          this.echo("\b \b");
        }
      } else if (ch >= " " || ch === "\t") {
        this.line += ch;
        this.echo(ch);
      }
    }
  }

  close(): void {
    void this.finish();
  }

  private push(item: string | null): void {
    const waiter = this.waiting;
    if (waiter) {
      this.waiting = undefined;
      waiter(item === null ? { value: undefined, done: true } : { value: item, done: false });
    } else {
      this.queue.push(item);
    }
  }

  private next(): Promise<IteratorResult<string>> {
    if (this.queue.length > 0) {
      const item = this.queue.shift();
      return Promise.resolve(item === null || item === undefined ? { value: undefined, done: true } : { value: item, done: false });
    }
    if (this.closed) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve) => {
      this.waiting = resolve;
    });
  }

  private finish(): Promise<IteratorResult<string>> {
    if (!this.closed) {
      this.closed = true;
      this.push(null);
      this.onClose();
    }
    return Promise.resolve({ value: undefined, done: true });
  }
}

/** What a pipe holds, read once and then at its end (`echo ls | docker run -i alpine sh`). */
export function pipeInput(text: string): InputStream {
  let done = text === "";
  return {
    data: {
      [Symbol.asyncIterator]: () => ({
        next: () => {
          if (done) return Promise.resolve({ value: undefined, done: true as const });
          done = true;
          return Promise.resolve({ value: text, done: false as const });
        },
      }),
    },
    close: () => {
      done = true;
    },
  };
}
