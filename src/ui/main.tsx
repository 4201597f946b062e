// Boot order matters for a terminal that is ready in under a second: claim the playground and
// start the worker first (a few kB), then fetch React, xterm.js and the app in parallel.
import { startPlayground } from "./session.js";

const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root element");

const app = import("./mount.js");
void startPlayground();
void app.then(({ mount }) => mount(root));
