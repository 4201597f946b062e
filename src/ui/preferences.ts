// UI preferences, kept in the browser's localStorage: they belong to this browser, not to the
// playground's engine state, so reset leaves them alone.
import { useSyncExternalStore } from "react";

const screenReaderKey = "docker-playground:screen-reader";
const listeners = new Set<() => void>();

function read(): boolean {
  try {
    return localStorage.getItem(screenReaderKey) === "on";
  } catch {
    return false;
  }
}

// Read on first use, or by loadPreferences() while the app's code is still loading: the first
// localStorage access of a page waits on the browser, so it is kept out of the first render.
let screenReader: boolean | undefined;

function current(): boolean {
  screenReader ??= read();
  return screenReader;
}

export function loadPreferences(): void {
  current();
}

export function setScreenReaderMode(on: boolean): void {
  screenReader = on;
  try {
    localStorage.setItem(screenReaderKey, on ? "on" : "off");
  } catch {
    // Storage can be unavailable (private mode): the choice then lasts for this page only.
  }
  for (const listener of listeners) listener();
}

/** Whether the terminal keeps an accessible copy of its text for screen readers. */
export function useScreenReaderMode(): boolean {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    current,
  );
}
