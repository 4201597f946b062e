// Figures of containers that run: HTTP requests per second from one container to an nginx
// container over their shared network (through the engine's network stack and nginx's file
// serving), `wget` run inside a container, and heap per running container.
import { DockerClient, InProcessTransport } from "../src/client/index.js";
import { Engine, httpExchange, ManualClock, SeededIdSource } from "../src/engine/index.js";

export interface RuntimeFigures {
  containerToNginxRequestsPerSecond: number;
  wgetExecMs: number;
  heapPerRunningContainerKb: number;
}

async function pulled(...images: [string, string][]) {
  const engine = new Engine({ clock: new ManualClock(), ids: new SeededIdSource(7) });
  const client = new DockerClient(new InProcessTransport(engine.handle));
  for (const [repo, tag] of images) for await (const _ of await client.imagePull(`docker.io/library/${repo}`, tag)) void _;
  return { engine, client };
}

export async function measureRuntime(): Promise<RuntimeFigures> {
  const { engine, client } = await pulled(["nginx", "latest"], ["alpine", "latest"]);
  await client.networkCreate({ Name: "app" });
  const web = await client.containerCreate({ Image: "nginx", HostConfig: { NetworkMode: "app" } }, "web");
  await client.containerStart(web.Id);
  const box = await client.containerCreate({ Image: "alpine", Cmd: ["sleep", "100000"], HostConfig: { NetworkMode: "app" } }, "box");
  await client.containerStart(box.Id);
  // nginx reads its configuration and starts listening just after start.
  const peer = { kind: "container" as const, id: box.Id };
  const resolved = engine.net.resolve(peer, "web");
  if (!resolved.ok) throw new Error("web does not resolve");
  const address = resolved.address;
  for (let i = 0; i < 100 && !engine.net.connect(peer, address, 80).ok; i++) await new Promise((r) => setTimeout(r, 5));
  let done = 0;
  const started = performance.now();
  while (performance.now() - started < 2000) {
    const connection = engine.net.connect(peer, address, 80);
    if (!connection.ok) throw new Error("nginx is not listening");
    await httpExchange(connection, { method: "GET", path: "/", headers: { host: "web", "user-agent": "bench" }, body: "" });
    done++;
  }
  const containerToNginxRequestsPerSecond = Math.round(done / ((performance.now() - started) / 1000));

  const times: number[] = [];
  for (let i = 0; i < 20; i++) {
    const t = performance.now();
    const exec = await client.containerExecCreate(box.Id, { Cmd: ["wget", "-qO-", "http://web/"], AttachStdout: true });
    for await (const _ of (await client.containerExecStart(exec.Id)).output) void _;
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);

  const gc = (globalThis as { gc?: () => void }).gc;
  const fresh = await pulled(["nginx", "latest"]);
  gc?.();
  const before = process.memoryUsage().heapUsed;
  const count = 500;
  for (let i = 0; i < count; i++) {
    const { Id } = await fresh.client.containerCreate({ Image: "nginx" });
    await fresh.client.containerStart(Id);
  }
  await new Promise((r) => setTimeout(r, 50));
  gc?.();
  const heapPerRunningContainerKb = Math.round((process.memoryUsage().heapUsed - before) / count / 1024);
  return { containerToNginxRequestsPerSecond, wgetExecMs: times[Math.floor(times.length / 2)] ?? 0, heapPerRunningContainerKb };
}
