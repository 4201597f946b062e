// Programs whose code is fetched on first use, so the engine a page starts with stays small:
// shells and their commands (just-bash's side of the runtime), database servers and clients,
// interpreters. The process starts as soon as its module arrives; a signal sent meanwhile
// (docker stop right after run) is delivered then.
import type { Program, RunningProgram } from "../program.js";

export function lazyProgram(load: () => Promise<Program>): Program {
  let cached: Program | undefined;
  return (ctx) => {
    if (cached) return cached(ctx);
    let running: RunningProgram | undefined;
    const pending: string[] = [];
    load()
      .then((program) => {
        cached = program;
        if (ctx.exited) return;
        running = program(ctx);
        for (const name of pending.splice(0)) running.signal(name);
      })
      .catch((error: unknown) => {
        ctx.stderr(`${ctx.argv[0] ?? "program"}: ${error instanceof Error ? error.message : String(error)}\n`);
        ctx.exit(126);
      });
    return {
      signal(name) {
        if (running) return running.signal(name);
        pending.push(name);
        // Not known yet whether the program handles it: treated as handled, so PID 1 does not
        // die of a signal its program would have caught.
        return true;
      },
      kill() {
        running?.kill?.();
      },
    };
  };
}
