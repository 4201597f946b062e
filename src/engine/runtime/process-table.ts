// The processes of each container as `ps` inside it sees them: PID 1 (the main process) and the
// exec'd ones, with the PIDs the container's own PID namespace would give them.
export interface ProcessEntry {
  pid: number;
  ppid: number;
  /** Config.User as the process runs it ("" is root). */
  user: string;
  argv: string[];
  /** Engine-clock start time, ms. */
  startedAt: number;
  tty: boolean;
}

/** One container's namespace: PID 1 and the exec'd processes still running. */
interface Namespace {
  main: ProcessEntry | undefined;
  /** Exec'd processes by PID, made at the first exec. */
  execs: Map<number, ProcessEntry> | undefined;
  nextPid: number;
  /** How many processes have started since the container did (its own included). */
  started: number;
}

export class ProcessTable {
  private readonly namespaces = new Map<string, Namespace>();

  /** How many processes the container has started since it started (its own included). */
  startedIn(containerId: string): number {
    return this.namespaces.get(containerId)?.started ?? 0;
  }

  /** Registers the main process as PID 1; the namespace starts afresh at each start. */
  startMain(containerId: string, entry: Omit<ProcessEntry, "pid" | "ppid">): void {
    const main: ProcessEntry = { pid: 1, ppid: 0, user: entry.user, argv: entry.argv, startedAt: entry.startedAt, tty: entry.tty };
    this.namespaces.set(containerId, { main, execs: undefined, nextPid: 7, started: 1 });
  }

  /** Registers an exec'd process; returns its PID inside the container. */
  add(containerId: string, entry: Omit<ProcessEntry, "pid" | "ppid">): number {
    let ns = this.namespaces.get(containerId);
    if (!ns) this.namespaces.set(containerId, (ns = { main: undefined, execs: undefined, nextPid: 7, started: 0 }));
    const pid = ns.nextPid;
    ns.nextPid = pid + 6;
    ns.started++;
    (ns.execs ??= new Map()).set(pid, { ...entry, pid, ppid: 0 });
    return pid;
  }

  remove(containerId: string, pid: number): void {
    const ns = this.namespaces.get(containerId);
    if (!ns) return;
    if (pid === 1) ns.main = undefined;
    else ns.execs?.delete(pid);
  }

  /** The container is gone: nothing of it is kept. */
  forget(containerId: string): void {
    this.namespaces.delete(containerId);
  }

  list(containerId: string): ProcessEntry[] {
    const ns = this.namespaces.get(containerId);
    if (!ns) return [];
    const out = ns.main ? [ns.main] : [];
    if (ns.execs) for (const entry of ns.execs.values()) out.push(entry);
    return out.sort((a, b) => a.pid - b.pid);
  }
}
