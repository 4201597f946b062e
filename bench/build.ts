// Figures of docker build, in-process: a four-step Dockerfile (FROM, RUN in just-bash, COPY of
// a small context, CMD) built from nothing but the pulled base, and the same build again, when
// every step comes from the cache.
import { DockerClient, InProcessTransport } from "../src/client/index.js";
import { Engine, ManualClock, SeededIdSource, writeTar } from "../src/engine/index.js";

export interface BuildFigures {
  coldMs: number;
  cachedMs: number;
}

const file = (name: string, text: string) => ({ name, type: "file" as const, mode: 0o644, uid: 0, gid: 0, mtime: 0, data: new TextEncoder().encode(text) });

const context = writeTar([
  file("Dockerfile", 'FROM alpine\nRUN echo building > /built.txt && ls /etc > /etc-list\nCOPY . /app\nCMD ["cat", "/built.txt"]\n'),
  ...Array.from({ length: 20 }, (_, i) => file(`src/file-${i}.txt`, `content ${i}\n`.repeat(50))),
]);

async function timed(client: DockerClient): Promise<number> {
  const start = performance.now();
  for await (const m of await client.imageBuild(context, { tags: ["bench:1"] })) if (m.error) throw new Error(m.error);
  return performance.now() - start;
}

export async function measureBuild(): Promise<BuildFigures> {
  const cold: number[] = [];
  const cached: number[] = [];
  for (let i = 0; i < 7; i++) {
    const engine = new Engine({ clock: new ManualClock(), ids: new SeededIdSource(i) });
    const client = new DockerClient(new InProcessTransport(engine.handle));
    for await (const _ of await client.imagePull("docker.io/library/alpine", "latest")) void _;
    cold.push(await timed(client));
    cached.push(await timed(client));
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
  return { coldMs: median(cold), cachedMs: median(cached) };
}
