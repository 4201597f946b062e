// just-bash's CPython build loaded under Node for the tests: the same glue, wasm and stdlib the
// browser fetches, with python-run's sandbox run in the test's own thread.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import type { PythonSandbox } from "../../engine/index.js";
import type { CreateCpython } from "../python-emscripten.js";
import { runCpython, type CpythonRuntime } from "../python-run.js";

const require = createRequire(import.meta.url);
const dir = path.resolve(path.dirname(require.resolve("just-bash")), "../../vendor/cpython-emscripten");

let runtime: Promise<CpythonRuntime> | undefined;

export function cpython(): Promise<CpythonRuntime> {
  runtime ??= WebAssembly.compile(readFileSync(path.join(dir, "python.wasm"))).then((wasm) => ({
    create: require(path.join(dir, "python.cjs")) as CreateCpython,
    wasm,
    stdlib: new Uint8Array(readFileSync(path.join(dir, "python313.zip"))),
  }));
  return runtime;
}

/**
 * Runs a function that calls into the build and puts process.exitCode back: under Node the glue
 * records every exit status there, which would fail the test run.
 */
export async function keepingExitCode<T>(run: () => Promise<T>): Promise<T> {
  const saved = process.exitCode;
  try {
    return await run();
  } finally {
    process.exitCode = saved;
  }
}

/** The browser's sandbox without the worker: python-run in this thread. Cannot be stopped. */
export const inThreadSandbox: PythonSandbox = {
  run(request, output) {
    const done = keepingExitCode(async () => runCpython(await cpython(), request, (stream, text) => output[stream](text)));
    return { done, stop: () => {} };
  },
};
