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

export class ProcessTable {
  private readonly byContainer = new Map<string, Map<number, ProcessEntry>>();
  private readonly nextPid = new Map<string, number>();
  private readonly started = new Map<string, number>();

  /** How many processes the container has started since it started (its own included). */
  startedIn(containerId: string): number {
    return this.started.get(containerId) ?? 0;
  }

  /** Registers the main process as PID 1; the namespace starts afresh at each start. */
  startMain(containerId: string, entry: Omit<ProcessEntry, "pid" | "ppid">): void {
    const table = new Map<number, ProcessEntry>();
    table.set(1, { ...entry, pid: 1, ppid: 0 });
    this.byContainer.set(containerId, table);
    this.nextPid.set(containerId, 7);
    this.started.set(containerId, 1);
  }

  /** Registers an exec'd process; returns its PID inside the container. */
  add(containerId: string, entry: Omit<ProcessEntry, "pid" | "ppid">): number {
    const pid = this.nextPid.get(containerId) ?? 7;
    this.nextPid.set(containerId, pid + 6);
    this.started.set(containerId, (this.started.get(containerId) ?? 0) + 1);
    let table = this.byContainer.get(containerId);
    if (!table) this.byContainer.set(containerId, (table = new Map()));
    table.set(pid, { ...entry, pid, ppid: 0 });
    return pid;
  }

  remove(containerId: string, pid: number): void {
    this.byContainer.get(containerId)?.delete(pid);
  }

  /** Everything is gone when the container stops. */
  clear(containerId: string): void {
    this.byContainer.delete(containerId);
  }

  list(containerId: string): ProcessEntry[] {
    return [...(this.byContainer.get(containerId)?.values() ?? [])].sort((a, b) => a.pid - b.pid);
  }
}
