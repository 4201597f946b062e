// The React app, loaded as its own chunk: by the time it has arrived and parsed, the worker
// (started by main.tsx) is already booting the engine.
import "@xterm/xterm/css/xterm.css";
import "./styles.css";
import { createRoot } from "react-dom/client";
import { App } from "./App.js";

export function mount(root: HTMLElement): void {
  createRoot(root).render(<App />);
}
