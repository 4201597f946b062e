// main.ts imports this module first, so it runs before the rest of the worker's code (the engine,
// the shell) is evaluated: IndexedDB opens and the saved playground is read meanwhile. Reading
// changes nothing; the restore that uses it is Playground.prepare's.
import { openStore, readSaved, type SavedPlayground } from "./saved-state.js";

export const store = openStore("docker-playground");
export const saved: Promise<SavedPlayground> = readSaved(store);
// Awaited by Playground.prepare, which reports a failure; until then it is not an unhandled rejection.
saved.catch(() => undefined);
