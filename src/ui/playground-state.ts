import { PROTOCOL_VERSION } from "../protocol/index.js";
import type { RestoreOutcome, WorkerToUi, WorldView } from "../protocol/index.js";
import { applyChanges, emptyWorld } from "./world-view.js";

/**
 * connecting: waiting for the lock or the worker's `ready`; not-owner: another tab holds the
 * playground and this one never started; taken-over: this tab held it and another tab took it.
 */
export type ConnectionStatus = "connecting" | "ready" | "version-mismatch" | "fatal" | "not-owner" | "taken-over";

export interface PlaygroundState {
  status: ConnectionStatus;
  world: WorldView;
  /** Set once the first world arrives, so the graph loads after the terminal, never before. */
  hasWorld: boolean;
  /** Why the saved playground was not restored; shown once, dismissable. */
  restoreNotice: string | null;
  /** What went wrong, for version-mismatch and fatal. */
  error: string | null;
}

export const initialState: PlaygroundState = {
  status: "connecting",
  world: emptyWorld,
  hasWorld: false,
  restoreNotice: null,
  error: null,
};

export function describeRestore(restore: RestoreOutcome): string | null {
  switch (restore.status) {
    case "fresh":
    case "ok":
      return null;
    case "too-new":
      return (
        `Saved playground could not be loaded (saved by a newer version: schema ${restore.found}, ` +
        `this version reads up to ${restore.supported}): started fresh`
      );
    case "corrupt":
      return `Saved playground could not be loaded (corrupt: ${restore.reason}): started fresh`;
  }
}

function mismatch(workerVersion: number, uiVersion: number): string {
  return (
    `This page speaks protocol version ${uiVersion} but the engine speaks ${workerVersion}. ` +
    "Reload the page to get matching versions."
  );
}

/** The store's reducer for the worker's messages. `output` bypasses state: it goes to the terminal. */
export function receive(state: PlaygroundState, message: WorkerToUi): PlaygroundState {
  switch (message.type) {
    case "ready":
      if (message.protocolVersion !== PROTOCOL_VERSION) {
        return { ...state, status: "version-mismatch", error: mismatch(message.protocolVersion, PROTOCOL_VERSION) };
      }
      return {
        ...state,
        status: "ready",
        world: message.world,
        hasWorld: true,
        restoreNotice: describeRestore(message.restore),
        error: null,
      };
    case "version-mismatch":
      return { ...state, status: "version-mismatch", error: mismatch(message.workerVersion, message.uiVersion) };
    case "world-changed": {
      const world = applyChanges(state.world, message.changes);
      return world === state.world ? state : { ...state, world };
    }
    case "reset-done":
      return { ...state, world: message.world, hasWorld: true };
    case "fatal":
      return { ...state, status: "fatal", error: message.message };
    case "output":
    case "http-response":
      return state;
  }
}
