// The README's example of testing Docker-dependent code with no Docker, kept working.
import { expect, it } from "vitest";
import { DockerClient, InProcessTransport } from "./index.js";
import { Engine, ManualClock, SeededIdSource, writeTar } from "../engine/index.js";

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

it("builds an image from a Dockerfile and runs it", async () => {
  const engine = new Engine({ clock: new ManualClock(), ids: new SeededIdSource(1) });
  const docker = new DockerClient(new InProcessTransport(engine.handle));
  const file = (name: string, text: string) => ({ name, type: "file" as const, mode: 0o644, uid: 0, gid: 0, mtime: 0, data: new TextEncoder().encode(text) });
  const context = writeTar([file("Dockerfile", "FROM alpine\nCOPY greeting.txt /\nCMD [\"cat\", \"/greeting.txt\"]\n"), file("greeting.txt", "built here\n")]);
  let log = "";
  for await (const m of await docker.imageBuild(context, { tags: ["greeter:1"] })) log += m.stream ?? m.error ?? "";
  expect(log).toContain("Successfully tagged greeter:1");
  const { Id } = await docker.containerCreate({ Image: "greeter:1" }, "greeter");
  const exit = await docker.containerWait(Id, "next-exit");
  await docker.containerStart(Id);
  expect((await exit.result).StatusCode).toBe(0);
  let out = "";
  for await (const chunk of (await docker.containerLogs(Id, { stdout: true })).output) out += chunk.data;
  expect(out).toBe("built here\n");
});
