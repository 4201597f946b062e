// An unbounded async queue: producers push, one consumer iterates. Engine streams (logs -f,
// attach, events, pull progress) are channels, so the router can hand them to any transport.

export class Channel<T> implements AsyncIterable<T> {
  private items: T[] = [];
  private waiting: ((r: IteratorResult<T>) => void) | undefined;
  private closed = false;
  private onCloseHandlers: (() => void)[] = [];

  push(item: T): void {
    if (this.closed) return;
    const waiter = this.waiting;
    if (waiter) {
      this.waiting = undefined;
      waiter({ value: item, done: false });
    } else {
      this.items.push(item);
    }
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    const waiter = this.waiting;
    this.waiting = undefined;
    waiter?.({ value: undefined, done: true });
    for (const handler of this.onCloseHandlers.splice(0)) handler();
  }

  get isClosed(): boolean {
    return this.closed;
  }

  /** Called once when the channel closes, by either side. */
  onClose(handler: () => void): void {
    if (this.closed) handler();
    else this.onCloseHandlers.push(handler);
  }

  [Symbol.asyncIterator](): AsyncIterator<T> {
    return {
      next: () => {
        if (this.items.length > 0) return Promise.resolve({ value: this.items.shift() as T, done: false });
        if (this.closed) return Promise.resolve({ value: undefined, done: true });
        return new Promise((resolve) => {
          this.waiting = resolve;
        });
      },
      return: () => {
        // The consumer went away (Ctrl-C on `docker logs -f`): stop producing.
        this.close();
        return Promise.resolve({ value: undefined, done: true });
      },
    };
  }
}
