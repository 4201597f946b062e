// just-bash is 350 kB: the page shows a prompt first and fetches it on demand. Only types are
// imported statically; the module itself comes through this one dynamic import.

import type * as JustBashModule from "just-bash/browser";

/**
 * What we use of just-bash: its browser build's API, which lacks a few Node-only pieces of the
 * Node build (the parser among them), so code typed against it runs in both.
 */
export type JustBash = typeof JustBashModule;

export function loadJustBash(): Promise<JustBash> {
  return import("just-bash");
}
