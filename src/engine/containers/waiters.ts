// Who is waiting on a container (POST /containers/{id}/wait, docker stop): resolved when it
// exits or is removed.

export type WaitCondition = "not-running" | "next-exit" | "removed";
export interface WaitResult {
  StatusCode: number;
  Error: { Message: string } | null;
}

class WaiterSet<T> {
  private readonly byId = new Map<string, Set<(value: T) => void>>();

  add(id: string): Promise<T> {
    return new Promise((resolve) => {
      let set = this.byId.get(id);
      if (!set) {
        set = new Set();
        this.byId.set(id, set);
      }
      set.add(resolve);
    });
  }

  settle(id: string, value: T): void {
    const set = this.byId.get(id);
    this.byId.delete(id);
    for (const resolve of set ?? []) resolve(value);
  }
}

export class ContainerWaiters {
  private readonly exits = new WaiterSet<number>();
  private readonly removals = new WaiterSet<void>();

  /** Resolves with the exit code of the container's next exit. */
  nextExit(id: string): Promise<number> {
    return this.exits.add(id);
  }

  /** The wait endpoint's three conditions; exitCode() is read when the condition holds. */
  wait(id: string, condition: WaitCondition, running: boolean, exitCode: () => number): Promise<WaitResult> {
    const result = (code: number): WaitResult => ({ StatusCode: code, Error: null });
    if (condition === "removed") return this.removals.add(id).then(() => result(exitCode()));
    if (condition === "not-running" && !running) return Promise.resolve(result(exitCode()));
    return this.nextExit(id).then(result);
  }

  exited(id: string, code: number): void {
    this.exits.settle(id, code);
  }

  removed(id: string): void {
    this.removals.settle(id, undefined);
  }
}
