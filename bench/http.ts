// Over HTTP on loopback: the real docker CLI's `docker ps` latency, and throughput of 50
// concurrent keep-alive clients listing containers. Bounded in count and time; loopback only.
import { execFile, spawnSync } from "node:child_process";
import { Agent, request } from "node:http";
import { startDaemon } from "../src/node/index.js";

export interface HttpFigures {
  cliPsMs: number[] | undefined;
  /** `docker run --rm alpine echo hi` through the real CLI, end to end. */
  cliRunRmMs: number[] | undefined;
  requestsPerSecond: number;
}

/** Runs the docker CLI without blocking: the daemon answering it lives in this process. */
function docker(args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve) => execFile("docker", args, { env, timeout: 30_000 }, () => resolve()));
}

function get(agent: Agent, port: number, path: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, path, agent }, (res) => {
      res.resume();
      res.on("end", () => resolve());
    });
    req.on("error", reject);
    req.end();
  });
}

export async function measureHttp(): Promise<HttpFigures> {
  const daemon = await startDaemon({ hosts: ["tcp://127.0.0.1:0"] });
  try {
    const [, portText] = (daemon.addresses[0] ?? "").split(":");
    const port = Number(portText);
    const hasDocker = spawnSync("docker", ["--version"]).status === 0;
    let cliPsMs: number[] | undefined;
    let cliRunRmMs: number[] | undefined;
    if (hasDocker) {
      const env = { ...process.env, DOCKER_HOST: `tcp://127.0.0.1:${port}` };
      await docker(["run", "-d", "--name", "web", "nginx"], env);
      cliPsMs = [];
      for (let i = 0; i < 30; i++) {
        const start = performance.now();
        await docker(["ps"], env);
        cliPsMs.push(performance.now() - start);
      }
      await docker(["pull", "-q", "alpine"], env);
      cliRunRmMs = [];
      for (let i = 0; i < 10; i++) {
        const start = performance.now();
        await docker(["run", "--rm", "alpine", "echo", "hi"], env);
        cliRunRmMs.push(performance.now() - start);
      }
    }
    const agent = new Agent({ keepAlive: true, maxSockets: 50 });
    const deadline = performance.now() + 3000;
    let done = 0;
    const client = async () => {
      while (performance.now() < deadline && done < 200_000) {
        await get(agent, port, "/v1.50/containers/json");
        done++;
      }
    };
    const started = performance.now();
    await Promise.all(Array.from({ length: 50 }, client));
    const seconds = (performance.now() - started) / 1000;
    agent.destroy();
    return { cliPsMs, cliRunRmMs, requestsPerSecond: Math.round(done / seconds) };
  } finally {
    await daemon.close();
  }
}
