// The shell's view of time. Like the engine's Clock port (the worker passes the same object),
// so `sleep 5` in the host shell and "5 seconds ago" in `docker ps` agree, and tests run on a
// manual clock.

export interface ShellClock {
  /** Milliseconds since the Unix epoch. */
  now(): number;
  /** Runs fn after ms milliseconds of this clock's time; returns a function that cancels it. */
  setTimer(ms: number, fn: () => void): () => void;
}
