// In-process engine figures: container throughput and list latency.
import { DockerClient, InProcessTransport } from "../src/client/index.js";
import { Engine, ManualClock, SeededIdSource } from "../src/engine/index.js";

export interface EngineFigures {
  /** A fresh engine in a process that has already run the same work: code optimized, the aim's figure. */
  createStartPerSecond: number;
  /** The first 10,000 in a fresh process, V8's tier-up from the interpreter included. */
  createStartColdPerSecond: number;
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
  // The first run is the cold one: V8 interprets a function until it has been called a few
  // thousand times, so the first few thousand containers (about half a second) take three times
  // as long. Only its time is kept; the engine goes.
  const coldElapsed = (await engineWith(10000)).elapsed;
  // Its records are garbage now; collect them (npm run bench runs node with --expose-gc) so the
  // next run does not pay for what this one left.
  (globalThis as { gc?: () => void }).gc?.();
  // The figure a daemon or a test run sees from then on: the same work again, in a fresh engine.
  const large = await engineWith(10000);
  const small = await engineWith(1000);
  const listMs: Record<number, number> = {};
  listMs[1000] = await median(20, () => small.engine.handle({ method: "GET", path: "/v1.50/containers/json" }));
  listMs[10000] = await median(5, () => large.engine.handle({ method: "GET", path: "/v1.50/containers/json" }));
  for await (const _ of await small.client.imagePull("docker.io/library/alpine", "latest")) void _;
  const runRmEchoMs = await median(50, async () => {
    const { Id } = await small.client.containerCreate({ Image: "alpine", Cmd: ["echo", "hi"], HostConfig: { AutoRemove: true } });
    const wait = await small.client.containerWait(Id, "removed");
    await small.client.containerStart(Id);
    await wait.result;
  });
  const perSecond = (elapsed: number) => Math.round(10000 / (elapsed / 1000));
  return { createStartPerSecond: perSecond(large.elapsed), createStartColdPerSecond: perSecond(coldElapsed), listMs, runRmEchoMs };
}
