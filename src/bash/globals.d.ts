// The shell layers compile against ES2022 only (no DOM, no Node types), yet they need the two
// cancellation globals that every JavaScript runtime we target (browsers, workers, Node 20+)
// provides: Ctrl-C becomes an AbortSignal for just-bash and for the docker CLI. Only the members
// used are declared, so nothing else from the DOM leaks in. Layers that use just-bash include it.

interface AbortSignal {
  readonly aborted: boolean;
  readonly reason: unknown;
  addEventListener(type: "abort", listener: () => void, options?: { once?: boolean }): void;
  removeEventListener(type: "abort", listener: () => void): void;
}

interface AbortController {
  readonly signal: AbortSignal;
  abort(reason?: unknown): void;
}

declare const AbortController: {
  prototype: AbortController;
  new (): AbortController;
};
