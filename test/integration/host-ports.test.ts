// Published ports against a host where another program already listens: the real docker CLI
// against our daemon, which, as dockerd binds each port it allocates, passes over a held port
// for an ephemeral one and refuses a start that asks for it.
import { createServer, type Server } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startDaemon, type Daemon } from "../../src/node/index.js";
import { dockerEnv, onPath, run } from "./docker-cli-runner.js";

describe.skipIf(!onPath("docker") || process.platform !== "linux")("host ports another program holds", () => {
  let daemon: Daemon;
  let env: Record<string, string>;
  let holder: Server;
  let held: number;
  const docker = (...args: string[]) => run("docker", args, env);

  beforeAll(async () => {
    // A port some other program listens on, chosen by the kernel; the daemon's ephemeral range starts on it.
    holder = createServer();
    held = await new Promise<number>((resolve) => holder.listen(0, "0.0.0.0", () => resolve((holder.address() as { port: number }).port)));
    daemon = await startDaemon({ hosts: ["tcp://127.0.0.1:0"], firstEphemeralPort: held });
    env = dockerEnv(daemon.addresses[0] ?? "");
    await docker("pull", "-q", "nginx");
  }, 60_000);
  afterAll(async () => {
    await daemon.close();
    await new Promise<void>((resolve) => holder.close(() => resolve()));
  });

  it("an ephemeral port passes over the held one, and the page is served on the port given", async () => {
    expect((await docker("run", "-d", "--name", "eph", "-p", "80", "nginx")).code).toBe(0);
    const port = Number((await docker("port", "eph", "80/tcp")).stdout.split("\n")[0]?.split(":").pop());
    expect(port).toBe(held + 1);
    let body = "";
    for (let i = 0; i < 50 && body === ""; i++) {
      body = await fetch(`http://127.0.0.1:${port}/`).then((r) => r.text()).catch(() => "");
      if (body === "") await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(body).toContain("nginx");
  }, 30_000);

  it("asking for the held port fails the start with dockerd's message, exit 125, and leaves the container created", async () => {
    const result = await docker("run", "-d", "--name", "blocked", "-p", `${held}:80`, "nginx");
    expect(result.code).toBe(125);
    expect(result.stderr).toMatch(
      new RegExp(
        `^docker: Error response from daemon: failed to set up container networking: driver failed programming external connectivity on endpoint blocked \\([0-9a-f]{64}\\): failed to bind host port for 0\\.0\\.0\\.0:${held}:172\\.17\\.0\\.\\d+:80/tcp: address already in use\\n`,
      ),
    );
    expect((await docker("inspect", "-f", "{{.State.Status}} {{.State.ExitCode}}", "blocked")).stdout).toBe("created 128\n");
  }, 30_000);
});
