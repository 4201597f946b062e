// A nested worker that runs one Python process and is then thrown away: terminating it is how
// Ctrl-C, docker stop and docker kill end a script that never returns, since CPython runs
// synchronously and nothing else in its thread gets a turn.
import createModule from "just-bash-cpython/python.cjs";
import type { PythonRequest, PythonResult } from "../engine/index.js";
import type { CreateCpython } from "./python-emscripten.js";
import { runCpython } from "./python-run.js";

export interface PythonJob {
  request: PythonRequest;
  wasm: WebAssembly.Module;
  stdlib: Uint8Array;
}

export type PythonReport =
  | { type: "output"; stream: "stdout" | "stderr"; text: string }
  | { type: "exit"; result: PythonResult }
  | { type: "failed"; message: string };

const report = (message: PythonReport) => self.postMessage(message);

self.addEventListener(
  "message",
  (event: MessageEvent<PythonJob>) => {
    const { request, wasm, stdlib } = event.data;
    const runtime = { create: createModule as CreateCpython, wasm, stdlib };
    runCpython(runtime, request, (stream, text) => report({ type: "output", stream, text }))
      .then((result) => report({ type: "exit", result }))
      .catch((error: unknown) => report({ type: "failed", message: error instanceof Error ? error.message : String(error) }));
  },
  { once: true },
);
