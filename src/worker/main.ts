// The Web Worker entry. Restoring the saved playground starts the moment the worker does; the
// UI's hello (with the version check and the terminal's size) then opens the session.
// First of all: IndexedDB opens and the saved playground is read while the modules below evaluate.
import * as early from "./early-read.js";
import { usePythonSandbox } from "../engine/index.js";
import { PROTOCOL_VERSION, type UiToWorker, type WorkerToUi } from "../protocol/index.js";
import { cryptoIds, systemClock } from "./host-ports.js";
import { Persistence } from "./persistence.js";
import { Playground } from "./playground.js";

const post = (message: WorkerToUi) => self.postMessage(message);
const fatal = (error: unknown) => post({ type: "fatal", message: error instanceof Error ? error.message : String(error) });

// python3 runs in nested workers; their code and the runtime load when Python first runs.
usePythonSandbox(() => import("./python-sandbox.js").then((m) => m.workerPythonSandbox));

const playground = Playground.prepare({ post, persistence: new Persistence("docker-playground", early), clock: systemClock, ids: cryptoIds });
let greeted = false;

self.addEventListener("message", (event: MessageEvent<UiToWorker>) => {
  const message = event.data;
  if (message.type === "hello") {
    if (message.protocolVersion !== PROTOCOL_VERSION) {
      post({ type: "version-mismatch", workerVersion: PROTOCOL_VERSION, uiVersion: message.protocolVersion });
      return;
    }
    if (greeted) return;
    greeted = true;
    playground.then((p) => p.greet(message.cols, message.rows)).catch(fatal);
    return;
  }
  if (greeted) void playground.then((p) => p.handle(message)).catch(fatal);
});
