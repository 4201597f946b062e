// The Web Worker entry: answers the UI's hello, then serves the playground over the protocol.
import { PROTOCOL_VERSION, type UiToWorker, type WorkerToUi } from "../protocol/index.js";
import { cryptoIds, systemClock } from "./host-ports.js";
import { Persistence } from "./persistence.js";
import { Playground } from "./playground.js";

const post = (message: WorkerToUi) => self.postMessage(message);
let playground: Promise<Playground> | undefined;

self.addEventListener("message", (event: MessageEvent<UiToWorker>) => {
  const message = event.data;
  if (message.type === "hello") {
    if (message.protocolVersion !== PROTOCOL_VERSION) {
      post({ type: "version-mismatch", workerVersion: PROTOCOL_VERSION, uiVersion: message.protocolVersion });
      return;
    }
    playground ??= Playground.open({
      post,
      persistence: new Persistence(),
      clock: systemClock,
      ids: cryptoIds,
      cols: message.cols,
      rows: message.rows,
    });
    playground.catch((error: unknown) => post({ type: "fatal", message: error instanceof Error ? error.message : String(error) }));
    return;
  }
  void playground?.then((p) => p.handle(message)).catch((error: unknown) => {
    post({ type: "fatal", message: error instanceof Error ? error.message : String(error) });
  });
});
