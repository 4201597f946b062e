// The browser's Python sandbox: each process a nested worker running CPython (python-worker.ts).
// The runtime (6 MB of WebAssembly, 4 MB of standard library) is fetched and compiled the first
// time python3 runs, from the site's own assets, and then handed to every worker already compiled.
import wasmUrl from "just-bash-cpython/python.wasm?url";
import stdlibUrl from "just-bash-cpython/python313.zip?url";
import type { PythonExecution, PythonOutput, PythonRequest, PythonResult, PythonSandbox } from "../engine/index.js";
import type { PythonJob, PythonReport } from "./python-worker.js";

interface Assets {
  wasm: WebAssembly.Module;
  stdlib: Uint8Array;
}

let assets: Promise<Assets> | undefined;

async function fetched(url: string): Promise<Response> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`could not load the Python runtime (${url}: ${response.status})`);
  return response;
}

async function compile(url: string): Promise<WebAssembly.Module> {
  const response = await fetched(url);
  // compileStreaming insists on application/wasm; a static server that says otherwise still works.
  if (response.headers.get("content-type")?.startsWith("application/wasm")) return WebAssembly.compileStreaming(response);
  return WebAssembly.compile(await response.arrayBuffer());
}

function loadAssets(): Promise<Assets> {
  assets ??= Promise.all([compile(wasmUrl), fetched(stdlibUrl).then(async (r) => new Uint8Array(await r.arrayBuffer()))]).then(
    ([wasm, stdlib]) => ({ wasm, stdlib }),
    (error: unknown) => {
      assets = undefined;
      throw error;
    },
  );
  return assets;
}

function run(request: PythonRequest, output: PythonOutput): PythonExecution {
  let worker: Worker | undefined;
  let settled = false;
  let settle: (result: PythonResult | undefined) => void = () => {};
  let fail: (error: Error) => void = () => {};
  const done = new Promise<PythonResult | undefined>((resolve, reject) => {
    settle = (result) => {
      if (settled) return;
      settled = true;
      worker?.terminate();
      resolve(result);
    };
    fail = (error) => {
      if (settled) return;
      settled = true;
      worker?.terminate();
      reject(error);
    };
  });
  loadAssets().then(({ wasm, stdlib }) => {
    if (settled) return;
    worker = new Worker(new URL("./python-worker.ts", import.meta.url), { type: "module", name: "python3" });
    worker.addEventListener("message", (event: MessageEvent<PythonReport>) => {
      const report = event.data;
      if (settled) return;
      if (report.type === "output") output[report.stream](report.text);
      else if (report.type === "exit") settle(report.result);
      else fail(new Error(report.message));
    });
    worker.addEventListener("error", (event) => fail(new Error(event.message || "the Python worker did not start")));
    const job: PythonJob = { request, wasm, stdlib };
    worker.postMessage(job);
  }, fail);
  return { done, stop: () => settle(undefined) };
}

export const workerPythonSandbox: PythonSandbox = { run };
