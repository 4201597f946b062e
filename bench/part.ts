// One part of the bench on its own, for iterating on a single figure without the browser build:
//   node --expose-gc --import tsx bench/part.ts engine|runtime|http|build
import { measureBuild } from "./build.js";
import { measureEngine } from "./engine.js";
import { measureHttp } from "./http.js";
import { measureRuntime } from "./runtime.js";

const parts: Record<string, () => Promise<unknown>> = {
  engine: measureEngine,
  runtime: measureRuntime,
  http: measureHttp,
  build: measureBuild,
};

async function main(): Promise<void> {
  const names = process.argv.slice(2);
  for (const name of names.length > 0 ? names : Object.keys(parts)) {
    const measure = parts[name];
    if (!measure) throw new Error(`unknown part ${name}; one of ${Object.keys(parts).join(", ")}`);
    console.log(name, JSON.stringify(await measure()));
  }
}

void main();
