// The tab's one playground session: claims ownership, starts the worker, and routes messages.
// Components call these functions; they never hold the worker themselves.
import { connect } from "./connection.js";
import type { Connection, TerminalSize } from "./connection.js";
import { claimOwnership } from "./ownership.js";
import { playgroundStore } from "./store.js";
import { resetTerminal, writeOutput } from "./terminal-output.js";
import type { PreviewResponse } from "../protocol/index.js";

const previews = new Map<number, (response: PreviewResponse) => void>();
let nextPreview = 0;

function settlePreview(id: number, response: PreviewResponse): void {
  previews.get(id)?.(response);
  previews.delete(id);
}

/** Asks the engine for a page on a published port of the playground's host. */
export function fetchPreview(port: number, path: string): Promise<PreviewResponse> {
  if (!connection) return Promise.resolve({ ok: false, error: "The engine is not running in this tab." });
  const id = ++nextPreview;
  const answer = new Promise<PreviewResponse>((resolve) => previews.set(id, resolve));
  connection.send({ type: "http-get", id, port, path });
  return answer;
}

let connection: Connection | undefined;
/** The terminal's size as it last reported it. */
let size: TerminalSize | undefined;
/** The size the worker was last told, in `hello` or a `resize`. */
let sent: TerminalSize | undefined;
/**
 * xterm.js's own size before its first fit. `hello` does not wait for the terminal: the worker
 * prints the first prompt while React and xterm.js are still starting, and the measured size
 * follows as a `resize`, as it does whenever the terminal refits.
 */
const initialSize: TerminalSize = { cols: 80, rows: 24 };
let started = false;
// Each claim of the lock is one generation; only the newest may start or be lost, so a
// double-clicked "Take it back" cannot have its first claim tear down its second.
let generation = 0;

function claim(mode: "if-available" | "steal"): Promise<{ owned: boolean; claimed: number }> {
  const claimed = ++generation;
  return claimOwnership(mode, () => lost(claimed)).then((result) => ({ owned: result === "owned", claimed }));
}

function start(claimed: number): void {
  if (claimed !== generation) return;
  connection?.terminate();
  resetTerminal();
  playgroundStore.getState().setStatus("connecting");
  const current = connect({
    onMessage: (message) => {
      if (connection !== current) return;
      if (message.type === "http-response") settlePreview(message.id, message.response);
      else playgroundStore.getState().receive(message);
    },
    onOutput: (data) => {
      if (connection === current) writeOutput(data);
    },
    onFailure: (message) => {
      if (connection === current) playgroundStore.getState().setStatus("fatal", message);
    },
  });
  connection = current;
  sent = size ?? initialSize;
  current.hello(sent);
}

function lost(claimed: number): void {
  if (claimed !== generation) return;
  connection?.terminate();
  connection = undefined;
  playgroundStore.getState().setStatus("taken-over");
}

/**
 * Called once at boot. Settles once the worker is created (or this tab is found not to own
 * the playground), so the caller can render after it and the engine boots during the render.
 */
export function startPlayground(): Promise<void> {
  if (started) return Promise.resolve();
  started = true;
  return claim("if-available").then(({ owned, claimed }) => {
    if (owned) start(claimed);
    else if (claimed === generation) playgroundStore.getState().setStatus("not-owner");
  });
}

/** "Use it here" / "Take it back": steals the lock from the other tab, then starts here. */
export function takeOver(): void {
  playgroundStore.getState().setStatus("connecting");
  void claim("steal").then(({ claimed }) => start(claimed));
}

/** The terminal reports its size on mount and on every refit; the worker hears of each change. */
export function terminalResized(next: TerminalSize): void {
  size = next;
  if (!connection || !sent) return;
  const changed = sent.cols !== next.cols || sent.rows !== next.rows;
  sent = next;
  if (changed) connection.send({ type: "resize", ...next });
}

export function sendInput(data: string): void {
  connection?.send({ type: "input", data });
}

/** Panel buttons type their command into the terminal, visibly, so the UI teaches it. */
export function runCommand(command: string): void {
  connection?.send({ type: "run-command", command });
}

export function resetPlayground(): void {
  connection?.send({ type: "reset" });
}
