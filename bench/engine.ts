// In-process engine figures: container throughput and list latency.
import { DockerClient, InProcessTransport } from "../src/client/index.js";
import { Engine, ManualClock, SeededIdSource } from "../src/engine/index.js";

export interface EngineFigures {
  /** Containers 10,001 to 20,000 of one engine: code optimized, the aim's figure. */
  createStartPerSecond: number;
  /** The first 10,000 in a fresh process, V8's tier-up from the interpreter included. */
  createStartColdPerSecond: number;
  listMs: Record<number, number>;
  runRmEchoMs: number;
}

async function freshEngine() {
  const clock = new ManualClock();
  const engine = new Engine({ clock, ids: new SeededIdSource(1) });
  const client = new DockerClient(new InProcessTransport(engine.handle));
  for await (const _ of await client.imagePull("docker.io/library/nginx", "latest")) void _;
  return { client, engine, clock };
}

/** Creates and starts `count` nginx containers; the milliseconds it took. */
async function createAndStart(client: DockerClient, count: number): Promise<number> {
  const started = performance.now();
  for (let i = 0; i < count; i++) {
    const { Id } = await client.containerCreate({ Image: "nginx" });
    await client.containerStart(Id);
  }
  return performance.now() - started;
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

/** The large engine's figures; it is dropped when they are taken. */
async function throughput(listMs: Record<number, number>): Promise<{ coldMs: number; warmMs: number }> {
  const large = await freshEngine();
  // The first 10,000 in a fresh process are the cold figure: V8 interprets a function until it
  // has run a few thousand times, so the first few thousand containers take three times as long.
  const coldMs = await createAndStart(large.client, 10000);
  // Eleven listings, the median kept: the first ones also compile the listing code.
  listMs[10000] = await median(11, () => large.engine.handle({ method: "GET", path: "/v1.50/containers/json" }));
  // The next 10,000 in the same engine: what a daemon (or a test run) sees from then on.
  const warmMs = await createAndStart(large.client, 10000);
  return { coldMs, warmMs };
}

export async function measureEngine(): Promise<EngineFigures> {
  const listMs: Record<number, number> = {};
  const { coldMs, warmMs } = await throughput(listMs);
  // The 20,000 containers are garbage now (npm run bench gives node --expose-gc).
  (globalThis as { gc?: () => void }).gc?.();
  const small = await freshEngine();
  await createAndStart(small.client, 1000);
  listMs[1000] = await median(20, () => small.engine.handle({ method: "GET", path: "/v1.50/containers/json" }));
  for await (const _ of await small.client.imagePull("docker.io/library/alpine", "latest")) void _;
  const runRmEchoMs = await median(50, async () => {
    const { Id } = await small.client.containerCreate({ Image: "alpine", Cmd: ["echo", "hi"], HostConfig: { AutoRemove: true } });
    const wait = await small.client.containerWait(Id, "removed");
    await small.client.containerStart(Id);
    await wait.result;
  });
  const perSecond = (ms: number) => Math.round(10000 / (ms / 1000));
  return { createStartPerSecond: perSecond(warmMs), createStartColdPerSecond: perSecond(coldMs), listMs, runRmEchoMs };
}
