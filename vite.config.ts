import { defineConfig } from "vitest/config";
import react from "@vitejs/plugin-react";

// base "./" keeps every URL relative, so dist/ works from any static server and any sub-path.
export default defineConfig({
  base: "./",
  plugins: [react()],
  worker: { format: "es" },
  build: {
    target: "es2022",
    chunkSizeWarningLimit: 2048,
  },
  test: {
    include: ["src/**/*.test.ts", "src/**/*.test.tsx", "test/**/*.test.ts"],
    environment: "node",
  },
});
