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
    rolldownOptions: { external: ["ws"] },
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
  },
});
