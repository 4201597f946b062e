import "@xterm/xterm/css/xterm.css";
import "@xyflow/react/dist/style.css";
import "./styles.css";
import { createRoot } from "react-dom/client";
import { App } from "./App.js";
import { startPlayground } from "./session.js";

const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root element");

// Claim the playground and create the worker first, then render: the engine loads and boots
// in its own thread while this one builds the terminal.
void startPlayground().finally(() => createRoot(root).render(<App />));
