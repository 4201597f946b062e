// The React app, loaded as its own chunk: by the time it has arrived and parsed, the worker
// (started by main.tsx) is already booting the engine.
import "@xterm/xterm/css/xterm.css";
import "./styles.css";
import { startTransition } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App.js";
import { prepareTerminal } from "./Terminal.js";

export function mount(root: HTMLElement): void {
  prepareTerminal();
  const reactRoot = createRoot(root);
  // As a transition, the first render yields to the event loop as it goes: the worker's `ready`
  // and first prompt, when they arrive meanwhile, are in the first commit instead of a second one.
  startTransition(() => reactRoot.render(<App />));
}
