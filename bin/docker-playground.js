#!/usr/bin/env node
// docker-playground: runs the TypeScript sources directly through tsx, so no build step is
// needed (the same loader `npm run bench` uses via `node --import tsx`).
import { register } from "tsx/esm/api";

register();
const { runCommand } = await import("../src/node/index.ts");
const code = await runCommand(process.argv.slice(2));
if (code !== undefined) process.exit(code);
