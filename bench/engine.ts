// In-process engine figures: container throughput and list latency.
import { DockerClient, InProcessTransport } from "../src/client/index.js";
import { Engine, ManualClock, SeededIdSource } from "../src/engine/index.js";

export interface EngineFigures {
  createStartPerSecond: number;
  listMs: Record<number, number>;
  runRmEchoMs: number;
}

async function engineWith(count: number) {
  const clock = new ManualClock();
  const engine = new Engine({ clock, ids: new SeededIdSource(1) });
  const client = new DockerClient(new InProcessTransport(engine.handle));
  for await (const _ of await client.imagePull("docker.io/library/nginx", "latest")) void _;
  const started = performance.now();
  for (let i = 0; i < count; i++) {
    const { Id } = await client.containerCreate({ Image: "nginx" });
    await client.containerStart(Id);
  }
  const elapsed = performance.now() - started;
  return { client, engine, clock, elapsed };
}

async function median(samples: number, fn: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < samples; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? 0;
}

export async function measureEngine(): Promise<EngineFigures> {
  const small = await engineWith(1000);
  const listMs: Record<number, number> = {};
  listMs[1000] = await median(20, () => small.engine.handle({ method: "GET", path: "/v1.50/containers/json" }));
  const large = await engineWith(10000);
  listMs[10000] = await median(5, () => large.engine.handle({ method: "GET", path: "/v1.50/containers/json" }));
  for await (const _ of await small.client.imagePull("docker.io/library/alpine", "latest")) void _;
  const runRmEchoMs = await median(50, async () => {
    const { Id } = await small.client.containerCreate({ Image: "alpine", Cmd: ["echo", "hi"], HostConfig: { AutoRemove: true } });
    const wait = await small.client.containerWait(Id, "removed");
    await small.client.containerStart(Id);
    await wait.result;
  });
  return { createStartPerSecond: Math.round(10000 / (large.elapsed / 1000)), listMs, runRmEchoMs };
}
