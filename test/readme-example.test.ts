// The README's TypeScript example, run as written: it must keep working.
import { expect, it } from "vitest";
import { DockerClient, InProcessTransport } from "../src/client/index.js";
import { Engine, ManualClock, SeededIdSource } from "../src/engine/index.js";

it("the README's in-process client example runs", async () => {
  const engine = new Engine({ clock: new ManualClock(), ids: new SeededIdSource(1) });
  const docker = new DockerClient(new InProcessTransport(engine.handle));
  for await (const _ of await docker.imagePull("docker.io/library/redis", "latest"));
  const { Id } = await docker.containerCreate({ Image: "redis" }, "cache");
  await docker.containerStart(Id);
  expect((await docker.containerList())[0]?.Status).toBe("Up Less than a second");
});
