import { useStore } from "zustand";
import { createStore } from "zustand/vanilla";
import type { WorkerToUi } from "../protocol/index.js";
import { initialState, receive } from "./playground-state.js";
import type { ConnectionStatus, PlaygroundState } from "./playground-state.js";

export type { ConnectionStatus, PlaygroundState } from "./playground-state.js";

interface PlaygroundActions {
  receive(message: WorkerToUi): void;
  setStatus(status: ConnectionStatus, error?: string): void;
  dismissRestoreNotice(): void;
}

export type PlaygroundStore = PlaygroundState & PlaygroundActions;

export const playgroundStore = createStore<PlaygroundStore>()((set) => ({
  ...initialState,
  receive: (message) => set((state) => receive(state, message)),
  setStatus: (status, error) => set({ status, error: error ?? null }),
  dismissRestoreNotice: () => set({ restoreNotice: null }),
}));

/** Selects one slice of the store; pick primitives or stored references so renders stay minimal. */
export function usePlayground<T>(selector: (state: PlaygroundStore) => T): T {
  return useStore(playgroundStore, selector);
}
