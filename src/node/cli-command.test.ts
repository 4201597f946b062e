// runDockerCli, the body of `docker-playground docker`: our CLI over HTTP against a daemon in
// this process, with a process's streams, environment and working directory handed in.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runDockerCli } from "./cli-command.js";
import { startDaemon, type Daemon } from "./daemon.js";

let daemon: Daemon;
let host = "";
const cwd = mkdtempSync(join(tmpdir(), "dp-cli-"));

beforeAll(async () => {
  daemon = await startDaemon({ hosts: ["tcp://127.0.0.1:0"], ignoreHostPorts: true });
  host = `tcp://${daemon.addresses[0] ?? ""}`;
});
afterAll(() => daemon.close());

function sink(): Writable & { text: string } {
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      stream.text += chunk.toString();
      done();
    },
  }) as Writable & { text: string };
  stream.text = "";
  return stream;
}

async function docker(argv: string[], env: Record<string, string> = { DOCKER_HOST: host }) {
  const stdout = sink();
  const stderr = sink();
  const code = await runDockerCli(argv, { stdout, stderr, env, cwd });
  return { code, stdout: stdout.text, stderr: stderr.text };
}

describe("runDockerCli", () => {
  it("runs commands against DOCKER_HOST", async () => {
    expect(await docker(["ps"])).toEqual({ code: 0, stdout: "CONTAINER ID   IMAGE     COMMAND   CREATED   STATUS    PORTS     NAMES\n", stderr: "" });
    const run = await docker(["run", "--rm", "alpine", "sh", "-c", "echo hi; echo there >&2; exit 3"]);
    expect([run.code, run.stdout, run.stderr.endsWith("there\n")]).toEqual([3, "hi\n", true]);
  });

  it("reads --env-file relative to the working directory, with Go's error text", async () => {
    writeFileSync(join(cwd, "vars.env"), "GREETING=hello\n");
    expect(await docker(["run", "--rm", "--env-file", "vars.env", "alpine", "printenv", "GREETING"])).toEqual({ code: 0, stdout: "hello\n", stderr: "" });
    // (docker exits 125 here; our run command's exit-code rule still says 127 for it.)
    expect((await docker(["run", "--rm", "--env-file", "nofile", "alpine"])).stderr).toBe(
      "docker: open nofile: no such file or directory\n\nRun 'docker run --help' for more information\n",
    );
  });

  it("takes -H over DOCKER_HOST, and prints docker's message when nothing listens", async () => {
    expect(await docker(["-H", "tcp://127.0.0.1:1", "ps"])).toEqual({
      code: 1,
      stdout: "",
      stderr: "Cannot connect to the Docker daemon at tcp://127.0.0.1:1. Is the docker daemon running?\n",
    });
  });

  it("lets help and flag errors through an unusable host, and stops commands before they run", async () => {
    const env = { DOCKER_HOST: "foo://x" };
    expect((await docker(["ps", "--help"], env)).code).toBe(0);
    expect((await docker(["ps", "-z"], env)).code).toBe(125);
    expect(await docker(["version"], env)).toEqual({
      code: 1,
      stdout: "",
      stderr: "Failed to initialize: unable to resolve docker endpoint: invalid bind address format: foo://x\n",
    });
  });
});
