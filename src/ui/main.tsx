// Boot order matters for a terminal that is ready in under a second: claim the playground and
// start the worker first (a few kB), then fetch React, xterm.js and the app in parallel.
import { loadPreferences } from "./preferences.js";
import { startPlayground } from "./session.js";

const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root element");

const app = import("./mount.js");
// Preferences are read once the worker is on its way, while the app's chunk is still loading.
void startPlayground().then(loadPreferences);
void app.then(({ mount }) => mount(root));
