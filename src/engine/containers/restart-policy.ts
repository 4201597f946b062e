// Restart policies with the daemon's backoff: 100 ms, doubling up to a minute, reset once a
// container has stayed up for 10 seconds (restartmanager).
import type { Clock } from "../ports.js";
import type { ContainerRecord } from "./container-record.js";

export function wantsRestart(c: ContainerRecord, exitCode: number): boolean {
  const policy = c.HostConfig.RestartPolicy;
  if (c.HasBeenManuallyStopped) return false;
  if (policy.Name === "always" || policy.Name === "unless-stopped") return true;
  return policy.Name === "on-failure" && exitCode !== 0 && (policy.MaximumRetryCount === 0 || c.RestartCount < policy.MaximumRetryCount);
}

/** After a daemon restart: containers that come back up on their own. */
export function restartsWithDaemon(c: ContainerRecord): boolean {
  const policy = c.HostConfig.RestartPolicy.Name;
  return policy === "always" || (policy === "unless-stopped" && !c.HasBeenManuallyStopped);
}

export class RestartScheduler {
  private readonly timers = new Map<string, () => void>();
  private readonly backoff = new Map<string, number>();

  constructor(private readonly clock: Clock) {}

  /** Schedules a restart after the backoff delay for a container that ran for ranFor ms. */
  schedule(id: string, ranFor: number, restart: () => void): void {
    const delay = ranFor >= 10_000 ? 100 : Math.min((this.backoff.get(id) ?? 50) * 2, 60_000);
    this.backoff.set(id, delay);
    const cancel = this.clock.setTimer(delay, () => {
      this.timers.delete(id);
      restart();
    });
    this.timers.set(id, cancel);
  }

  /** Cancels a pending restart; true if there was one. */
  cancel(id: string): boolean {
    const cancel = this.timers.get(id);
    if (!cancel) return false;
    cancel();
    this.timers.delete(id);
    return true;
  }

  forget(id: string): void {
    this.cancel(id);
    this.backoff.delete(id);
  }
}
