// Terminal bytes skip React and the store: at the speed of `docker logs -f` a render per chunk
// would fall behind. The worker's output goes straight to whichever terminal is attached.

export interface TerminalSink {
  write(data: string): void;
  /** Clears the screen and scrollback, for a new session after taking the playground back. */
  reset(): void;
}

let sink: TerminalSink | undefined;
// Output that arrives before the terminal is mounted waits here, in order.
let pending: string[] = [];

export function attachTerminal(next: TerminalSink): () => void {
  sink = next;
  if (pending.length > 0) {
    next.write(pending.join(""));
    pending = [];
  }
  return () => {
    if (sink === next) sink = undefined;
  };
}

export function writeOutput(data: string): void {
  if (sink) sink.write(data);
  else pending.push(data);
}

export function resetTerminal(): void {
  pending = [];
  sink?.reset();
}
