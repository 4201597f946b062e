#!/usr/bin/env node
// docker-playground: runs the TypeScript sources directly through tsx, so no build step is
// needed (the same loader `npm run bench` uses via `node --import tsx`).
import { register } from "tsx/esm/api";

register();
const [command, ...args] = process.argv.slice(2);
if (command === "docker") {
  // Only the CLI's modules: the daemon's (data root, HTTP server) are not needed to be a client.
  const { dockerMain } = await import("../src/node/cli-command.ts");
  await dockerMain(args);
} else {
  const { runCommand } = await import("../src/node/index.ts");
  const code = await runCommand(process.argv.slice(2));
  if (code !== undefined) process.exit(code);
}
