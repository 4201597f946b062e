import { defineConfig } from "vitest/config";
import react from "@vitejs/plugin-react";
import { createRequire } from "node:module";
import path from "node:path";

// base "./" keeps every URL relative, so dist/ works from any static server and any sub-path.
export default defineConfig({
  base: "./",
  plugins: [react()],
  worker: {
    format: "es",
    // The CPython glue requires "ws" for sockets under Node only; in a browser worker it never runs.
    rolldownOptions: {
      external: ["ws"],
      // What the worker runs at start stays in its entry chunk. Otherwise rolldown moves modules
      // it shares with lazy chunks (the image catalog, pull) into small chunks of their own, each
      // one more request the worker waits for before the first prompt.
      output: { codeSplitting: { groups: [{ name: "main", tags: ["$initial"] }] } },
    },
  },
  resolve: {
    alias: {
      // just-bash's CPython build (Emscripten glue, .wasm, stdlib zip), which its package exports
      // leave out; the browser's python3 loads it in a nested worker (src/worker/python-*.ts).
      "just-bash-cpython": path.resolve(path.dirname(createRequire(import.meta.url).resolve("just-bash")), "../../vendor/cpython-emscripten"),
    },
  },
  build: {
    target: "es2022",
    chunkSizeWarningLimit: 2048,
  },
  test: {
    include: ["src/**/*.test.ts", "src/**/*.test.tsx", "test/**/*.test.ts"],
    environment: "node",
    // The image catalog is fetched on first use; tests that read it directly get it up front.
    setupFiles: ["src/engine/images/testing/load-catalog.ts"],
  },
});
