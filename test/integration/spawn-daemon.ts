// Starts the real bin (`docker-playground daemon ...`) as a child process and waits for its
// "API listen on" line, for tests of the command as a user runs it.
import { spawn, type ChildProcess } from "node:child_process";
import { join } from "node:path";

export const bin = join(import.meta.dirname, "..", "..", "bin", "docker-playground.js");

export interface SpawnedDaemon {
  child: ChildProcess;
  /** host:port it listens on. */
  address: string;
  /** Everything written to stderr so far. */
  stderr(): string;
  /** Resolves with the exit code once the process has ended. */
  exited: Promise<number | null>;
}

export async function spawnDaemon(args: string[]): Promise<SpawnedDaemon> {
  const child = spawn(process.execPath, [bin, "daemon", ...args], { stdio: ["ignore", "pipe", "pipe"] });
  let stderr = "";
  child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
  const exited = new Promise<number | null>((resolve) => child.on("close", resolve));
  const address = await new Promise<string>((resolve, reject) => {
    let stdout = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => {
      stdout += d;
      const listening = /^API listen on (127\.0\.0\.1:\d+)\n$/.exec(stdout);
      if (listening?.[1]) resolve(listening[1]);
    });
    child.on("close", () => reject(new Error(`daemon exited early: ${stdout}${stderr}`)));
  });
  return { child, address, stderr: () => stderr, exited };
}
