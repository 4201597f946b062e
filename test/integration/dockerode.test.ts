// dockerode, the Node Docker client, against our daemon over TCP: pulls with its progress
// helper, containers with demultiplexed logs, a hijacked exec, a build from a tar context,
// networks and volumes, and errors as Docker shapes them.
import Docker from "dockerode";
import { PassThrough, Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeTar } from "../../src/engine/index.js";
import { startDaemon, type Daemon } from "../../src/node/index.js";

function follow(docker: Docker, stream: NodeJS.ReadableStream): Promise<Record<string, unknown>[]> {
  return new Promise((resolve, reject) => docker.modem.followProgress(stream, (error: Error | null, output: Record<string, unknown>[]) => (error ? reject(error) : resolve(output))));
}

/** stdout and stderr of a multiplexed stream, as dockerode's demuxer splits them. */
function demux(docker: Docker, stream: NodeJS.ReadableStream): Promise<{ stdout: string; stderr: string }> {
  const out = new PassThrough();
  const err = new PassThrough();
  let stdout = "";
  let stderr = "";
  out.on("data", (d: Buffer) => (stdout += d.toString()));
  err.on("data", (d: Buffer) => (stderr += d.toString()));
  docker.modem.demuxStream(stream, out, err);
  return new Promise((resolve) => stream.on("end", () => resolve({ stdout, stderr })));
}

describe("dockerode against the daemon", () => {
  let daemon: Daemon;
  let docker: Docker;

  beforeAll(async () => {
    daemon = await startDaemon({ hosts: ["tcp://127.0.0.1:0"], ignoreHostPorts: true });
    const [host = "", port = ""] = (daemon.addresses[0] ?? "").split(":");
    docker = new Docker({ host, port: Number(port) });
    await follow(docker, await docker.pull("alpine:latest"));
  }, 60_000);
  afterAll(() => daemon.close());

  it("runs a container and reads its two output streams apart", async () => {
    const container = await docker.createContainer({ Image: "alpine", Cmd: ["sh", "-c", "echo to-out; echo to-err >&2; exit 3"], name: "streams" });
    await container.start();
    expect(await container.wait()).toEqual({ StatusCode: 3, Error: null });
    const logs = (await container.logs({ stdout: true, stderr: true, follow: true })) as unknown as NodeJS.ReadableStream;
    expect(await demux(docker, logs)).toEqual({ stdout: "to-out\n", stderr: "to-err\n" });
    const info = await container.inspect();
    expect(info.State).toMatchObject({ Status: "exited", ExitCode: 3 });
    const listed = await docker.listContainers({ all: true, filters: { name: ["streams"] } });
    expect(listed.map((c) => c.Names)).toEqual([["/streams"]]);
  }, 30_000);

  it("execs in a running container over the hijacked connection", async () => {
    const container = await docker.createContainer({ Image: "alpine", Cmd: ["sleep", "1000"] });
    await container.start();
    const exec = await container.exec({ Cmd: ["sh", "-c", "hostname; cat /etc/alpine-release"], AttachStdout: true, AttachStderr: true });
    const stream = await exec.start({ hijack: true, stdin: false });
    const { stdout } = await demux(docker, stream);
    expect(stdout).toMatch(/^[0-9a-f]{12}\n3\.22\.\d+\n$/);
    expect((await exec.inspect()).ExitCode).toBe(0);
    await container.remove({ force: true });
  }, 30_000);

  it("builds an image from a tar context and runs it", async () => {
    const file = (name: string, text: string) => ({ name, type: "file" as const, mode: 0o644, uid: 0, gid: 0, mtime: 0, data: new TextEncoder().encode(text) });
    const context = writeTar([file("Dockerfile", 'FROM alpine\nCOPY message.txt /\nRUN wc -c < /message.txt > /size\nCMD ["sh", "-c", "cat /message.txt /size"]\n'), file("message.txt", "from dockerode\n")]);
    const output = await follow(docker, await docker.buildImage(Readable.from([Buffer.from(context)]), { t: "node-built:1" }));
    const text = output.map((m) => (typeof m["stream"] === "string" ? m["stream"] : "")).join("");
    expect(text).toContain("Successfully tagged node-built:1");
    const container = await docker.createContainer({ Image: "node-built:1" });
    await container.start();
    await container.wait();
    const logs = (await container.logs({ stdout: true, follow: true })) as unknown as NodeJS.ReadableStream;
    expect((await demux(docker, logs)).stdout).toBe("from dockerode\n15\n");
    // A failed step ends the stream with the daemon's error message (followProgress keeps it).
    const failing = await follow(docker, await docker.buildImage(Readable.from([Buffer.from(writeTar([file("Dockerfile", "FROM alpine\nRUN exit 7\n")]))])));
    expect(failing.at(-1)).toEqual({
      errorDetail: { code: 7, message: "The command '/bin/sh -c exit 7' returned a non-zero code: 7" },
      error: "The command '/bin/sh -c exit 7' returned a non-zero code: 7",
    });
  }, 30_000);

  it("makes networks and volumes, and answers errors as Docker does", async () => {
    const network = await docker.createNetwork({ Name: "node-net" });
    const volume = await docker.createVolume({ Name: "node-data" });
    expect((await volume.inspect()).Mountpoint).toBe("/var/lib/docker/volumes/node-data/_data");
    expect((await network.inspect()).IPAM?.Config).toEqual([{ Subnet: "172.18.0.0/16", Gateway: "172.18.0.1" }]);
    const missing = await docker.getContainer("nope").inspect().catch((e: { statusCode: number; json: unknown }) => e);
    expect(missing).toMatchObject({ statusCode: 404, json: { message: "No such container: nope" } });
    const taken = await docker.createContainer({ Image: "alpine", name: "streams" }).catch((e: { statusCode: number }) => e);
    expect(taken).toMatchObject({ statusCode: 409 });
  }, 30_000);
});
