// Symlinks across a container's mounts, run through the daemon as a learner would: a link made
// on the root pointing into a volume reads the volume's file, and a link in the image pointing
// at a mounted directory leads into the mount.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startDaemon, type Daemon } from "../../src/node/index.js";

let daemon: Daemon;
let api: string;

async function call(method: string, path: string, body?: unknown): Promise<string> {
  const init = body === undefined ? { method } : { method, headers: { "content-type": "application/json" }, body: JSON.stringify(body) };
  return (await fetch(`${api}${path}`, init)).text();
}

/** Runs a shell script in alpine with the volume `data` at /data, and answers its output (a TTY, so unframed). */
async function run(script: string): Promise<string> {
  const { Id } = JSON.parse(await call("POST", "/containers/create", { Image: "alpine", Cmd: ["sh", "-c", script], Tty: true, HostConfig: { Binds: ["data:/data"] } })) as { Id: string };
  await call("POST", `/containers/${Id}/start`);
  await call("POST", `/containers/${Id}/wait`);
  return (await call("GET", `/containers/${Id}/logs?stdout=1&stderr=1`)).replace(/\r\n/g, "\n");
}

describe("symlinks that point into a mount", () => {
  beforeAll(async () => {
    daemon = await startDaemon({ hosts: ["tcp://127.0.0.1:0"], ignoreHostPorts: true });
    api = `http://${daemon.addresses[0] ?? ""}`;
    await call("POST", "/images/create?fromImage=alpine&tag=latest");
  }, 60_000);
  afterAll(() => daemon?.close());

  it("read and write the volume's files, from a link made on the root", async () => {
    expect(await run("echo from the volume > /data/file; ln -s /data/file /link; cat /link; echo more >> /link; cat /data/file")).toBe("from the volume\nfrom the volume\nmore\n");
  }, 30_000);

  it("lead into the mount from a directory link, and the next container sees what was written", async () => {
    expect(await run("ln -s /data /app; echo kept > /app/note; ls -1 /app; cat /data/note")).toBe("file\nnote\nkept\n");
    expect(await run("cat /data/note")).toBe("kept\n");
  }, 30_000);
});
