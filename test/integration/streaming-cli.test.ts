// The real docker CLI's streaming commands against our daemon: `docker stats` redrawing in place
// (its own escape sequences, even through a pipe) and `docker events` following live events,
// both until Ctrl-C; and the swarm commands answering as on a host outside a swarm.
import { spawn } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startDaemon, type Daemon } from "../../src/node/index.js";
import { dockerEnv, onPath, run } from "./docker-cli-runner.js";

/** Starts a docker command, lets it run, then interrupts it as Ctrl-C would. */
function interrupted(args: string[], env: Record<string, string>, during: () => Promise<void>, afterMs: number): Promise<{ stdout: string; code: number | null; signal: string | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn("docker", args, { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
    child.on("error", reject);
    child.on("close", (code, signal) => resolve({ stdout, code, signal }));
    void during().then(() => setTimeout(() => child.kill("SIGINT"), afterMs));
  });
}

describe.skipIf(!onPath("docker"))("streaming commands of the real docker CLI", () => {
  let daemon: Daemon;
  let env: Record<string, string>;

  beforeAll(async () => {
    daemon = await startDaemon({ hosts: ["tcp://127.0.0.1:0"], ignoreHostPorts: true });
    env = dockerEnv(daemon.addresses[0] ?? "");
    await run("docker", ["run", "-d", "--name", "web", "nginx"], env);
  }, 60_000);
  afterAll(() => daemon.close());

  it("docker stats redraws the table in place every tick until Ctrl-C, then exits 130", async () => {
    const result = await interrupted(["stats", "--format", "{{.Name}} {{.PIDs}}"], env, () => Promise.resolve(), 2200);
    expect(result.code).toBe(130);
    const frames = result.stdout.split("\x1b[J").filter((f) => f !== "");
    expect(frames.length).toBeGreaterThanOrEqual(3);
    expect(frames[0]).toBe("\x1b[Hweb 1\n\x1b[Hweb 1 \x1b[K\n \x1b[K\n");
  }, 30_000);

  it("docker events prints live events until Ctrl-C", async () => {
    const result = await interrupted(
      ["events", "--filter", "container=web", "--format", "{{.Type}} {{.Action}} {{.Actor.Attributes.name}}"],
      env,
      async () => {
        await new Promise((resolve) => setTimeout(resolve, 500));
        await run("docker", ["pause", "web"], env);
        await run("docker", ["unpause", "web"], env);
      },
      500,
    );
    expect(result.code).toBe(130);
    expect(result.stdout).toBe("container pause web\ncontainer unpause web\n");
  }, 30_000);

  it("docker events --since replays and --until ends the stream", async () => {
    // The CLI turns "0s" into whole seconds (as docker does): events of the current second
    // fall after it, so let the second that saw the pause pass first.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const result = await run("docker", ["events", "--since", "5m", "--until", "0s", "--filter", "type=container", "--format", "{{.Action}}"], env);
    expect(result.code).toBe(0);
    expect(result.stdout.split("\n").slice(0, 3)).toEqual(["create", "start", "pause"]);
  }, 30_000);

  it("swarm commands answer as a daemon outside a swarm", async () => {
    const nodes = await run("docker", ["node", "ls"], env);
    expect([nodes.code, nodes.stderr]).toEqual([1, 'Error response from daemon: This node is not a swarm manager. Use "docker swarm init" or "docker swarm join" to connect this node to swarm and try again.\n']);
    const leave = await run("docker", ["swarm", "leave"], env);
    expect([leave.code, leave.stderr]).toEqual([1, "Error response from daemon: This node is not part of a swarm\n"]);
    const plugins = await run("docker", ["plugin", "ls"], env);
    expect([plugins.code, plugins.stdout]).toEqual([0, "ID        NAME      DESCRIPTION   ENABLED\n"]);
  }, 30_000);
});
