// Linux signal numbers, for `docker kill --signal`, StopSignal and 128+n exit codes.

const numbers: Record<string, number> = {
  SIGHUP: 1, SIGINT: 2, SIGQUIT: 3, SIGILL: 4, SIGTRAP: 5, SIGABRT: 6, SIGBUS: 7, SIGFPE: 8,
  SIGKILL: 9, SIGUSR1: 10, SIGSEGV: 11, SIGUSR2: 12, SIGPIPE: 13, SIGALRM: 14, SIGTERM: 15,
  SIGSTKFLT: 16, SIGCHLD: 17, SIGCONT: 18, SIGSTOP: 19, SIGTSTP: 20, SIGTTIN: 21, SIGTTOU: 22,
  SIGURG: 23, SIGXCPU: 24, SIGXFSZ: 25, SIGVTALRM: 26, SIGPROF: 27, SIGWINCH: 28, SIGIO: 29,
  SIGPWR: 30, SIGSYS: 31,
};

/** Normalises "TERM", "sigterm", "SIGTERM" or "15" to "SIGTERM"; undefined if unknown. */
export function parseSignal(text: string): string | undefined {
  if (/^\d+$/.test(text)) {
    const n = Number(text);
    return Object.keys(numbers).find((name) => numbers[name] === n) ?? (n >= 34 && n <= 64 ? `SIGRTMIN+${n - 34}` : undefined);
  }
  const upper = text.toUpperCase();
  const name = upper.startsWith("SIG") ? upper : `SIG${upper}`;
  return name in numbers ? name : undefined;
}

export function signalNumber(name: string): number {
  const rt = /^SIGRTMIN\+(\d+)$/.exec(name);
  if (rt) return 34 + Number(rt[1]);
  return numbers[name] ?? 15;
}
