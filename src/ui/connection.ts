import { PROTOCOL_VERSION } from "../protocol/index.js";
import type { UiToWorker, WorkerToUi } from "../protocol/index.js";

export interface TerminalSize {
  cols: number;
  rows: number;
}

export interface ConnectionHandlers {
  /** Every message but `output`. */
  onMessage(message: WorkerToUi): void;
  onOutput(data: string): void;
  /** The worker could not start or crashed; its own errors arrive as `fatal` messages instead. */
  onFailure(message: string): void;
}

export interface Connection {
  /** Sends `hello` once: the worker answers `ready` (or `version-mismatch`). */
  hello(size: TerminalSize): void;
  /** Messages sent before `hello` wait for it, so the worker always hears `hello` first. */
  send(message: UiToWorker): void;
  terminate(): void;
}

export function connect(handlers: ConnectionHandlers): Connection {
  // Written out in full so Vite sees the worker entry and bundles it as a module worker.
  const worker = new Worker(new URL("../worker/main.ts", import.meta.url), { type: "module" });
  let greeted = false;
  let closed = false;
  let queue: UiToWorker[] = [];

  worker.addEventListener("message", (event: MessageEvent<WorkerToUi>) => {
    if (closed) return;
    const message = event.data;
    if (message.type === "output") handlers.onOutput(message.data);
    else handlers.onMessage(message);
  });
  worker.addEventListener("error", (event: ErrorEvent) => {
    if (closed) return;
    event.preventDefault();
    handlers.onFailure(event.message || "The engine failed to start.");
  });
  worker.addEventListener("messageerror", () => {
    if (!closed) handlers.onFailure("A message from the engine could not be read.");
  });

  return {
    hello(size) {
      if (greeted || closed) return;
      greeted = true;
      worker.postMessage({ type: "hello", protocolVersion: PROTOCOL_VERSION, ...size } satisfies UiToWorker);
      for (const message of queue) worker.postMessage(message);
      queue = [];
    },
    send(message) {
      if (closed) return;
      if (greeted) worker.postMessage(message);
      else queue.push(message);
    },
    terminate() {
      closed = true;
      queue = [];
      worker.terminate();
    },
  };
}
