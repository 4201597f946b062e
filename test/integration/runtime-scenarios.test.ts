// Containers that run, driven by the real docker CLI and docker-py against our daemon, through
// what a learner does: a volume shared by two containers, a page edited and served on a
// published port (fetched over real TCP), names resolving on a user network but not on the
// default bridge, a crash loop under a restart policy, and a shell fed through stdin.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startDaemon, type Daemon } from "../../src/node/index.js";
import { dockerEnv, onPath, run } from "./docker-cli-runner.js";

const hasPython = onPath("python3", ["-c", "import docker"]);

async function poll<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = await read();
  while (!done(value) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    value = await read();
  }
  return value;
}

describe.skipIf(!onPath("docker"))("containers that run, through the real docker CLI", () => {
  let daemon: Daemon;
  let env: Record<string, string>;
  const docker = (...args: string[]) => run("docker", args, env);

  beforeAll(async () => {
    // Apart from the other daemons test files run at the same time, which publish from 32768.
    daemon = await startDaemon({ hosts: ["tcp://127.0.0.1:0"], firstEphemeralPort: 35000 + Math.floor(Math.random() * 4000) });
    env = dockerEnv(daemon.addresses[0] ?? "");
    for (const image of ["alpine", "nginx", "redis"]) await docker("pull", "-q", image);
  }, 60_000);
  afterAll(() => daemon.close());

  it("a named volume carries files from one container to the next", async () => {
    await docker("volume", "create", "shared");
    expect((await docker("run", "--rm", "-v", "shared:/data", "alpine", "sh", "-c", "echo hello > /data/msg")).code).toBe(0);
    expect(await docker("run", "--rm", "-v", "shared:/data:ro", "alpine", "cat", "/data/msg")).toMatchObject({ stdout: "hello\n", code: 0 });
    const readOnly = await docker("run", "--rm", "-v", "shared:/data:ro", "alpine", "sh", "-c", "echo x > /data/msg");
    expect(readOnly).toMatchObject({ stderr: "sh: can't create /data/msg: Read-only file system\n", code: 1 });
  }, 30_000);

  it("nginx serves the page just written into it, on a real published port", async () => {
    await docker("run", "-d", "--name", "web", "-p", "127.0.0.1::80", "nginx");
    const port = (await docker("port", "web", "80")).stdout.trim().split(":").pop();
    const url = `http://127.0.0.1:${port}/`;
    const first = await poll(() => fetch(url).then((r) => r.text()).catch(() => ""), (text) => text !== "");
    expect(first).toContain("nginx is up and serving files");
    await docker("exec", "web", "sh", "-c", "echo '<h1>edited</h1>' > /usr/share/nginx/html/index.html");
    expect(await (await fetch(url)).text()).toBe("<h1>edited</h1>\n");
    const missing = await fetch(`${url}nope`);
    expect(missing.status).toBe(404);
    const logs = await docker("logs", "web");
    expect(logs.stdout).toMatch(/"GET \/ HTTP\/1\.1" 200 \d+ "-" "node"/);
    expect(logs.stdout).toMatch(/"GET \/nope HTTP\/1\.1" 404/);
    expect((await docker("diff", "web")).stdout).toContain("C /usr/share/nginx/html/index.html");
  }, 30_000);

  it("names resolve on a user-defined network and not on the default bridge", async () => {
    await docker("network", "create", "app");
    await docker("run", "-d", "--name", "cache", "--network", "app", "redis");
    const byName = await docker("run", "--rm", "--network", "app", "alpine", "ping", "-c", "1", "cache");
    expect(byName.code).toBe(0);
    expect(byName.stdout).toMatch(/^PING cache \(172\.\d+\.0\.2\): 56 data bytes\n64 bytes from 172\.\d+\.0\.2: seq=0 ttl=64/);
    await docker("run", "-d", "--name", "lonely", "redis");
    const bridge = await docker("run", "--rm", "alpine", "ping", "-c", "1", "lonely");
    expect(bridge).toMatchObject({ stderr: "ping: bad address 'lonely'\n", code: 1 });
    const across = await docker("run", "--rm", "--network", "app", "alpine", "wget", "-qO-", "-T", "1", "lonely");
    expect(across.stderr).toBe("wget: bad address 'lonely'\n");
  }, 30_000);

  it("a crash loop restarts as the policy allows, counting restarts", async () => {
    await docker("run", "-d", "--name", "crash", "--restart", "on-failure:2", "alpine", "sh", "-c", "echo boom; exit 3");
    const state = await poll(
      async () => (await docker("inspect", "-f", "{{.RestartCount}} {{.State.Status}} {{.State.ExitCode}}", "crash")).stdout.trim(),
      (s) => s === "2 exited 3",
    );
    expect(state).toBe("2 exited 3");
    expect((await docker("logs", "crash")).stdout).toBe("boom\nboom\nboom\n");
  }, 30_000);

  it("a shell reads its commands from stdin (docker run -i)", async () => {
    const child = await new Promise<{ stdout: string; code: number | null }>((resolve) => {
      void import("node:child_process").then(({ spawn }) => {
        const p = spawn("docker", ["run", "-i", "--rm", "alpine", "sh"], { env: { ...process.env, ...env } });
        let stdout = "";
        p.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
        p.on("close", (code) => resolve({ stdout, code }));
        p.stdin.end("cat /etc/alpine-release\nexit 4\n");
      });
    });
    expect(child).toEqual({ stdout: "3.22.2\n", code: 4 });
  }, 30_000);

  it.skipIf(!hasPython)("docker-py runs a command and an exec", async () => {
    const script = [
      "import docker",
      `client = docker.DockerClient(base_url="tcp://${daemon.addresses[0] ?? ""}")`,
      'print(client.containers.run("alpine", "cat /etc/os-release", remove=True).decode().splitlines()[0])',
      'web = client.containers.get("web")',
      'code, out = web.exec_run(["cat", "/usr/share/nginx/html/index.html"])',
      "print(code, out.decode().strip())",
    ].join("\n");
    const result = await run("python3", ["-c", script], {});
    expect(result.stderr).toBe("");
    expect(result.stdout).toBe('NAME="Alpine Linux"\n0 <h1>edited</h1>\n');
  }, 30_000);
});
