// The README's example of testing Docker-dependent code with no Docker, kept working.
import { expect, it } from "vitest";
import { DockerClient, InProcessTransport } from "./index.js";
import { Engine, ManualClock, SeededIdSource } from "../engine/index.js";

it("serves the page it deploys", async () => {
  const engine = new Engine({ clock: new ManualClock(), ids: new SeededIdSource(1) });
  const docker = new DockerClient(new InProcessTransport(engine.handle));
  for await (const _ of await docker.imagePull("docker.io/library/nginx", "alpine")) void _;
  const { Id } = await docker.containerCreate({ Image: "nginx:alpine" }, "web");
  await docker.containerStart(Id);
  const exec = await docker.containerExecCreate(Id, { Cmd: ["wget", "-qO-", "localhost"], AttachStdout: true });
  let page = "";
  for await (const chunk of (await docker.containerExecStart(exec.Id)).output) page += chunk.data;
  expect(page).toContain("nginx is up and serving files");
});
