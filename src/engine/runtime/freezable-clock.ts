// The clock a container's processes see: the engine clock, except that `docker pause` (the
// cgroup freezer) stops it. Timers pending at pause resume with the time they had left.
import type { Clock } from "../ports.js";

interface Pending {
  due: number;
  fn: () => void;
  cancel: () => void;
}

export class FreezableClock implements Clock {
  /** Timers not yet fired; made at the first (most servers never set one). */
  private pending: Set<Pending> | undefined;
  private frozenAt: number | undefined;

  constructor(private readonly base: Clock) {}

  now(): number {
    return this.base.now();
  }

  yieldToHost(): Promise<void> {
    return this.base.yieldToHost?.() ?? Promise.resolve();
  }

  setTimer(ms: number, fn: () => void): () => void {
    const timer: Pending = { due: this.base.now() + Math.max(0, ms), fn, cancel: () => undefined };
    (this.pending ??= new Set()).add(timer);
    if (this.frozenAt === undefined) this.arm(timer);
    return () => {
      timer.cancel();
      this.pending?.delete(timer);
    };
  }

  private arm(timer: Pending): void {
    timer.cancel = this.base.setTimer(timer.due - this.base.now(), () => {
      this.pending?.delete(timer);
      timer.fn();
    });
  }

  get frozen(): boolean {
    return this.frozenAt !== undefined;
  }

  freeze(): void {
    if (this.frozenAt !== undefined) return;
    this.frozenAt = this.base.now();
    for (const timer of this.pending ?? []) timer.cancel();
  }

  thaw(): void {
    if (this.frozenAt === undefined) return;
    const pausedFor = this.base.now() - this.frozenAt;
    this.frozenAt = undefined;
    for (const timer of this.pending ?? []) {
      timer.due += pausedFor;
      this.arm(timer);
    }
  }
}
