// A CLI wired to a fresh in-process engine on a fixed clock, capturing what it prints: the
// unit tests' stand-in for a terminal.
import { DockerClient, InProcessTransport } from "../../client/index.js";
import { Engine, ManualClock, SeededIdSource } from "../../engine/index.js";
import { runDocker } from "../docker.js";

export interface CliResult {
  stdout: string;
  stderr: string;
  exitCode: number;
}

export class CliHarness {
  readonly clock = new ManualClock("2026-01-15T09:00:00Z");
  readonly engine = new Engine({ clock: this.clock, ids: new SeededIdSource(42) });
  readonly client = new DockerClient(new InProcessTransport(this.engine.handle));

  async docker(...argv: string[]): Promise<CliResult> {
    let stdout = "";
    let stderr = "";
    const exitCode = await runDocker(
      argv,
      {
        stdout: (t) => (stdout += t),
        stderr: (t) => (stderr += t),
        isTTY: false,
        columns: 80,
        env: { HOME: "/home/learner" },
        now: () => this.clock.now(),
      },
      this.client,
    );
    return { stdout, stderr, exitCode };
  }
}
