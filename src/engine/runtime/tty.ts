// A container's terminal, as the kernel's tty line discipline (n_tty) runs it in canonical mode:
// input is echoed and edited a line at a time (erase, kill, word erase), Enter hands the line to
// the reader, Ctrl-C / Ctrl-\ become signals, Ctrl-D ends input on an empty line; output gets
// "\n" turned into "\r\n" (onlcr).

export interface TtyEvents {
  /** Bytes for the terminal's screen (echo). */
  echo(text: string): void;
  /** A finished line, with its "\n"; null for end of input. */
  line(text: string | null): void;
  signal(name: "SIGINT" | "SIGQUIT" | "SIGTSTP"): void;
}

const ERASE = new Set(["\x7f", "\b"]);
// CSI and SS3 sequences: arrows, Home/End, function keys.
const ESCAPE_SEQUENCE = new RegExp(String.raw`\x1b\[[0-9;]*[A-Za-z~]|\x1bO[A-Za-z]`, "g");

export class LineDiscipline {
  private buffer: string[] = [];
  /** Echo and line editing, off while a program reads raw (stty -icanon -echo). */
  canonical = true;

  constructor(private readonly events: TtyEvents) {}

  input(data: string): void {
    // Escape sequences (arrows, function keys) are not line editing in canonical mode: the
    // kernel echoes them as typed. We drop them so they do not garble the line.
    const text = data.replace(ESCAPE_SEQUENCE, "");
    for (const ch of text) this.key(ch);
  }

  private key(ch: string): void {
    if (!this.canonical) {
      this.events.line(ch);
      return;
    }
    switch (ch) {
      case "\x03":
        this.buffer = [];
        this.events.echo("^C\r\n");
        this.events.signal("SIGINT");
        return;
      case "\x1c":
        this.buffer = [];
        this.events.echo("^\\\r\n");
        this.events.signal("SIGQUIT");
        return;
      case "\x1a":
        this.events.echo("^Z");
        this.events.signal("SIGTSTP");
        return;
      case "\x04":
        if (this.buffer.length === 0) {
          this.events.line(null);
        } else {
          this.events.line(this.buffer.join(""));
          this.buffer = [];
        }
        return;
      case "\r":
      case "\n": {
        const line = `${this.buffer.join("")}\n`;
        this.buffer = [];
        this.events.echo("\r\n");
        this.events.line(line);
        return;
      }
      case "\x15":
        this.events.echo("\b \b".repeat(this.width(this.buffer)));
        this.buffer = [];
        return;
      case "\x17": {
        let n = this.buffer.length;
        while (n > 0 && this.buffer[n - 1] === " ") n--;
        while (n > 0 && this.buffer[n - 1] !== " ") n--;
        this.events.echo("\b \b".repeat(this.width(this.buffer.slice(n))));
        this.buffer = this.buffer.slice(0, n);
        return;
      }
      default:
        if (ERASE.has(ch)) {
          const last = this.buffer.pop();
          if (last !== undefined) this.events.echo("\b \b".repeat(this.width([last])));
          return;
        }
        if (ch < " " && ch !== "\t") {
          // Other control characters echo as ^X (echoctl) and go into the line.
          this.events.echo(`^${String.fromCharCode(ch.charCodeAt(0) + 64)}`);
        } else {
          this.events.echo(ch);
        }
        this.buffer.push(ch);
    }
  }

  private width(chars: string[]): number {
    return chars.reduce((w, c) => w + (c < " " ? 2 : 1), 0);
  }
}

/** onlcr: every "\n" not already preceded by "\r" becomes "\r\n". */
export function onlcr(text: string): string {
  return text.replace(/\r?\n/g, "\r\n");
}
