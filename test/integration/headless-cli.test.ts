// `docker-playground docker ARGS...` as a user runs it: the same command lines go through the
// real docker CLI 28.2.2 against one fresh daemon and through our bin against another, and
// must print the same stdout and stderr with the same exit code once ids, times and table
// padding are normalised. Without a real `docker` on PATH that comparison is skipped and only
// the checks of our side alone run.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dockerEnv, onPath, run, table, type RunResult } from "./docker-cli-runner.js";
import { bin, spawnDaemon, type SpawnedDaemon } from "./spawn-daemon.js";

// Port 0 picks free ports; HEADLESS_CLI_PORTS=a,b pins them (a shared machine's allotted range).
const [portA = "0", portB = "0"] = (process.env["HEADLESS_CLI_PORTS"] ?? "").split(",").filter(Boolean);
const realDocker = onPath("docker");

// Each line sees what the lines before it left, on both daemons alike.
const lines: string[][] = [
  ["version", "--format", "{{.Server.Version}} {{.Server.APIVersion}}"],
  ["pull", "alpine"],
  ["images", "alpine"],
  ["run", "--rm", "alpine", "echo", "hello"],
  ["run", "--name", "talker", "alpine", "sh", "-c", "echo one; echo two >&2; exit 7"],
  ["logs", "talker"],
  ["run", "-d", "--name", "web", "alpine", "sleep", "1000"],
  ["ps", "--format", "{{.Names}}\t{{.Image}}\t{{.Status}}"],
  ["exec", "web", "sh", "-c", "echo out; echo err >&2; exit 3"],
  ["inspect", "-f", "{{.State.Status}} {{.Config.Cmd}}", "web"],
  ["start", "-a", "talker"],
  ["start", "-a", "nope"],
  ["stop", "nope"],
  ["rm", "-f", "web", "talker"],
  ["ps", "-a"],
  ["nope"],
];

interface Seen {
  exitCode: number | null;
  stdout: string[][];
  stderr: string[][];
}

const seen = (r: RunResult): Seen => ({ exitCode: r.code, stdout: table(r.stdout), stderr: table(r.stderr) });
const ours = (args: string[], env: Record<string, string>) => run(process.execPath, [bin, "docker", ...args], env);

describe("docker-playground docker", () => {
  const daemons: SpawnedDaemon[] = [];
  beforeAll(async () => {
    daemons.push(await spawnDaemon(["-H", `tcp://127.0.0.1:${portA}`]), await spawnDaemon(["-H", `tcp://127.0.0.1:${portB}`]));
  }, 60_000);
  afterAll(async () => {
    for (const daemon of daemons) daemon.child.kill("SIGTERM");
    await Promise.all(daemons.map((daemon) => daemon.exited));
  });

  it.skipIf(!realDocker)("prints what the real docker CLI prints, line by line", async () => {
    const [a, b] = daemons;
    const realEnv = dockerEnv(a?.address ?? "");
    const ourEnv = dockerEnv(b?.address ?? "");
    const differences: string[] = [];
    const printed: Seen[] = [];
    for (const args of lines) {
      const expected = seen(await run("docker", args, realEnv));
      const actual = seen(await ours(args, ourEnv));
      printed.push(actual);
      if (JSON.stringify(actual) !== JSON.stringify(expected)) {
        differences.push(`docker ${args.join(" ")}\n  real: ${JSON.stringify(expected)}\n  ours: ${JSON.stringify(actual)}`);
      }
    }
    expect(differences).toEqual([]);
    // Both sides reached a daemon (agreeing on "Cannot connect" would prove nothing).
    expect(printed[0]).toEqual({ exitCode: 0, stdout: [["28.2.2 1.50"]], stderr: [[""]] });
  }, 240_000);

  it("runs a container and streams its output and exit code", async () => {
    const env = dockerEnv(daemons[1]?.address ?? "");
    const result = await ours(["run", "--rm", "alpine", "sh", "-c", "echo to-stdout; echo to-stderr >&2; exit 5"], env);
    expect(result).toEqual({ code: 5, stdout: "to-stdout\n", stderr: "to-stderr\n" });
  }, 60_000);

  it("says what docker says when no daemon listens", async () => {
    // Nothing listens on port 1; the real CLI's text for it, whether or not it is installed here.
    const text = "Cannot connect to the Docker daemon at tcp://127.0.0.1:1. Is the docker daemon running?\n";
    const env = { DOCKER_HOST: "tcp://127.0.0.1:1" };
    expect(await ours(["ps"], env)).toEqual({ code: 1, stdout: "", stderr: text });
    if (realDocker) expect(await run("docker", ["ps"], env)).toEqual({ code: 1, stdout: "", stderr: text });
  }, 60_000);
});
