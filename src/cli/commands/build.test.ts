// docker build against a stand-in daemon that answers POST /build with the legacy builder's
// messages: what the CLI sends (the context tar, the query) and how it shows the answer.
import { describe, expect, it } from "vitest";
import { DockerClient, readTar } from "../../client/index.js";
import type { ApiRequest, ApiResponse } from "../../engine/index.js";
import { runDocker } from "../docker.js";
import type { CliIo } from "../io.js";
import { MemoryHostFiles } from "../testing/memory-host-files.js";

const imageId = `sha256:${"a1b2c3d4e5f6".padEnd(64, "0")}`;
const built = [
  { stream: "Step 1/2 : FROM alpine\n" },
  { stream: " ---> 8ca4688f4f35\n" },
  { stream: "Step 2/2 : RUN echo hi\n" },
  { stream: " ---> Running in 0123456789ab\n" },
  { stream: "hi\n" },
  { stream: " ---> Removed intermediate container 0123456789ab\n" },
  { stream: " ---> a1b2c3d4e5f6\n" },
  { aux: { ID: imageId } },
  { stream: "Successfully built a1b2c3d4e5f6\n" },
  { stream: "Successfully tagged app:latest\n" },
];
const failed = [
  { stream: "Step 1/2 : FROM alpine\n" },
  { stream: " ---> 8ca4688f4f35\n" },
  { stream: "Step 2/2 : RUN exit 3\n" },
  { stream: " ---> Running in 0123456789ab\n" },
  { errorDetail: { code: 3, message: "The command '/bin/sh -c exit 3' returned a non-zero code: 3" }, error: "The command '/bin/sh -c exit 3' returned a non-zero code: 3" },
];
const notice = `DEPRECATED: The legacy builder is deprecated and will be removed in a future release.
            Install the buildx component to build images with BuildKit:
            https://docs.docker.com/go/buildx/\n\n`;

/** The context as a tar reader sees it: docker leaves an added Dockerfile's archive unclosed. */
function entries(body: unknown) {
  const bytes = body as Uint8Array;
  const closed = new Uint8Array(Math.ceil(bytes.length / 512) * 512 + 1024);
  closed.set(bytes);
  return readTar(closed);
}

async function* stream(messages: unknown[]) {
  for (const m of messages) yield m;
}

class StubDaemon {
  readonly requests: ApiRequest[] = [];
  constructor(private readonly answer: (request: ApiRequest) => ApiResponse) {}
  readonly client = new DockerClient({
    request: (request) => {
      this.requests.push(request);
      return Promise.resolve(this.answer(request));
    },
  });
  get build(): ApiRequest {
    const found = this.requests.find((r) => r.path.endsWith("/build"));
    if (!found) throw new Error("no POST /build");
    return found;
  }
  /** The context the CLI sent: name → text (directories as "<dir>"). */
  get context(): Record<string, string> {
    return Object.fromEntries(entries(this.build.body).map((e) => [e.name, e.type === "dir" ? "<dir>" : new TextDecoder().decode(e.data)]));
  }
}

const answering = (messages: unknown[]) => new StubDaemon(() => ({ status: 200, stream: { kind: "json-lines", messages: stream(messages) } }));

function tree(): MemoryHostFiles {
  const files = new MemoryHostFiles("/home/learner", () => 1_767_225_600_000);
  files.put("app/Dockerfile", "FROM alpine\nRUN echo hi\n");
  files.put("app/main.sh", "echo main\n");
  return files;
}

let draws = 0;
/** The CLI's random source: other bytes at every draw. */
function randomFill(bytes: Uint8Array): void {
  draws++;
  bytes.forEach((_, i) => (bytes[i] = (draws * 31 + i * 7) & 0xff));
}

async function docker(daemon: StubDaemon, files: MemoryHostFiles, argv: string[], extra: Partial<CliIo> = {}) {
  let stdout = "";
  let stderr = "";
  const exitCode = await runDocker(
    argv,
    {
      stdout: (t) => (stdout += t),
      stderr: (t) => (stderr += t),
      isTTY: false,
      columns: 80,
      env: { HOME: "/home/learner" },
      now: () => 1_767_225_600_123,
      randomFill,
      hostFiles: files,
      ...extra,
    },
    daemon.client,
  );
  return { stdout, stderr, exitCode };
}

describe("docker build", () => {
  it("sends the directory as a tar and prints the daemon's stream", async () => {
    const daemon = answering(built);
    const result = await docker(daemon, tree(), ["build", "-t", "app", "app"]);
    expect(result).toEqual({
      stdout: `Sending build context to Docker daemon  3.072kB\r\r\n${built.flatMap((m) => ("stream" in m ? [m.stream] : [])).join("")}`,
      stderr: notice,
      exitCode: 0,
    });
    expect(daemon.context).toEqual({ Dockerfile: "FROM alpine\nRUN echo hi\n", "main.sh": "echo main\n" });
    const entry = entries(daemon.build.body)[0];
    expect(entry).toMatchObject({ uid: 0, gid: 0, mode: 0o644, mtime: 1_767_225_600_000 });
    expect(daemon.build.method).toBe("POST");
    expect(daemon.build.query).toMatchObject({ dockerfile: "Dockerfile", rm: "1", version: "1", networkmode: "default" });
    expect(daemon.build.queryLists).toEqual({ t: ["app"] });
  });

  it("answers to docker image build and docker builder build", async () => {
    for (const path of [["image", "build"], ["builder", "build"]]) {
      const daemon = answering(built);
      expect((await docker(daemon, tree(), [...path, "-q", "app"])).exitCode).toBe(0);
      expect(daemon.build.query).toMatchObject({ q: "1" });
    }
  });

  it("exits with the code and message of an error in the stream", async () => {
    const result = await docker(answering(failed), tree(), ["build", "app"]);
    expect(result.exitCode).toBe(3);
    expect(result.stdout).toBe(`Sending build context to Docker daemon  3.072kB\r\r\n${failed.slice(0, 4).map((m) => (m as { stream: string }).stream).join("")}`);
    expect(result.stderr).toBe(`${notice}The command '/bin/sh -c exit 3' returned a non-zero code: 3\n`);
    const uncoded = await docker(answering([{ error: "no code", errorDetail: { message: "no code" } }]), tree(), ["build", "app"]);
    expect(uncoded.exitCode).toBe(1);
  });

  it("-q prints the ID alone, or everything it held back on stderr when the build fails", async () => {
    const ok = await docker(answering([{ stream: `${imageId}\n` }]), tree(), ["build", "-q", "app"]);
    expect(ok).toEqual({ stdout: `${imageId}\n`, stderr: notice, exitCode: 0 });
    const bad = await docker(answering(failed), tree(), ["build", "-q", "app"]);
    expect(bad.stdout).toBe("");
    expect(bad.stderr).toBe(
      `${notice}Sending build context to Docker daemon  3.072kB\r\r\n${failed.slice(0, 4).map((m) => (m as { stream: string }).stream).join("")}The command '/bin/sh -c exit 3' returned a non-zero code: 3\n`,
    );
    expect(bad.exitCode).toBe(3);
  });

  it("writes the aux message's ID to --iidfile, after removing the old one", async () => {
    const files = tree();
    files.put("id.txt", "stale");
    await docker(answering(failed), files, ["build", "--iidfile", "id.txt", "app"]);
    expect(files.text("id.txt")).toBeUndefined();
    expect((await docker(answering(built), files, ["build", "--iidfile", "id.txt", "app"])).exitCode).toBe(0);
    expect(files.text("id.txt")).toBe(imageId);
    // Under -q the ID comes as the stream's text, newline and all, and so it is written.
    await docker(answering([{ stream: `${imageId}\n` }]), files, ["build", "-q", "--iidfile", "id.txt", "app"]);
    expect(files.text("id.txt")).toBe(`${imageId}\n`);
    const none = await docker(answering([{ stream: "Successfully built a1b2c3d4e5f6\n" }]), files, ["build", "--iidfile", "id.txt", "app"]);
    expect(none.stderr).toBe(`${notice}Server did not provide an image ID. Cannot write id.txt\n`);
  });

  it("leaves out what .dockerignore names, but never the Dockerfile or .dockerignore", async () => {
    const files = tree();
    files.put("app/.dockerignore", "# comment\n*.sh\n/logs\nDockerfile\n.dockerignore\nsrc/**/*.tmp\n!src/keep.tmp\n");
    files.put("app/logs/a.log", "x");
    files.put("app/src/a.tmp", "x");
    files.put("app/src/deep/b.tmp", "x");
    files.put("app/src/keep.tmp", "kept");
    files.put("app/src/code.c", "int x;");
    const daemon = answering(built);
    await docker(daemon, files, ["build", "app"]);
    expect(Object.keys(daemon.context).sort()).toEqual([".dockerignore", "Dockerfile", "src/", "src/code.c", "src/deep/", "src/keep.tmp"]);
  });

  it("walks into an ignored directory only when an exception may bring something back", async () => {
    const files = tree();
    files.put("app/.dockerignore", "vendor\n!vendor/keep\nnode_modules\n");
    files.put("app/vendor/keep", "k");
    files.put("app/vendor/drop", "d");
    files.put("app/node_modules/x/index.js", "x");
    const daemon = answering(built);
    await docker(daemon, files, ["build", "app"]);
    expect(Object.keys(daemon.context).sort()).toEqual([".dockerignore", "Dockerfile", "main.sh", "vendor/keep"]);
  });

  it("takes -f relative to the shell, and adds a Dockerfile from outside the context", async () => {
    const files = tree();
    files.put("app/docker/Dockerfile.dev", "FROM alpine\n");
    let daemon = answering(built);
    await docker(daemon, files, ["build", "-f", "app/docker/Dockerfile.dev", "app"]);
    expect(daemon.build.query?.dockerfile).toBe("docker/Dockerfile.dev");
    files.put("elsewhere/Dockerfile", "FROM busybox\n");
    daemon = answering(built);
    await docker(daemon, files, ["build", "-f", "elsewhere/Dockerfile", "app"]);
    const name = daemon.build.query?.dockerfile ?? "";
    expect(name).toMatch(/^\.dockerfile\.[0-9a-f]{20}$/);
    expect(daemon.context[name]).toBe("FROM busybox\n");
    expect(daemon.context[".dockerignore"]).toBe(`.dockerignore\n${name}\n`);
    // Sent as docker sends it: the last entry unpadded, no closing blocks.
    expect((daemon.build.body as Uint8Array).length % 512).toBe(`.dockerignore\n${name}\n`.length);
    const entry = entries(daemon.build.body).find((e) => e.name === name);
    expect(entry?.mode).toBe(0o600);
  });

  it("reads the Dockerfile from stdin with -f -", async () => {
    const files = tree();
    files.put("app/.dockerignore", "*.sh\n");
    const daemon = answering(built);
    const stdin = new TextEncoder().encode("FROM alpine\nCMD [\"sh\"]\n");
    await docker(daemon, files, ["build", "-f", "-", "app"], { readStdinBytes: () => Promise.resolve(stdin) });
    const name = daemon.build.query?.dockerfile ?? "";
    expect(name).toMatch(/^\.dockerfile\.[0-9a-f]{20}$/);
    expect(daemon.context[name]).toBe('FROM alpine\nCMD ["sh"]\n');
    expect(daemon.context[".dockerignore"]).toBe(`*.sh\n\n${name}\n`);
    expect(daemon.context["main.sh"]).toBeUndefined();
    // The name is random (crypto/rand in docker, CliIo.randomFill here), not made from the Dockerfile and the clock.
    const again = answering(built);
    await docker(again, files, ["build", "-f", "-", "app"], { readStdinBytes: () => Promise.resolve(stdin) });
    expect(again.build.query?.dockerfile).toMatch(/^\.dockerfile\.[0-9a-f]{20}$/);
    expect(again.build.query?.dockerfile).not.toBe(name);
  });

  it("takes stdin as the context: a Dockerfile alone, or a tar", async () => {
    let daemon = answering(built);
    const dockerfile = new TextEncoder().encode("FROM alpine\n");
    await docker(daemon, tree(), ["build", "-"], { readStdinBytes: () => Promise.resolve(dockerfile) });
    expect(daemon.context).toEqual({ Dockerfile: "FROM alpine\n" });
    expect(daemon.build.query?.dockerfile).toBe("Dockerfile");
    const tar = daemon.build.body as Uint8Array;
    daemon = answering(built);
    await docker(daemon, tree(), ["build", "-f", "Dockerfile", "-"], { readStdinBytes: () => Promise.resolve(tar) });
    expect(daemon.build.body).toEqual(tar);
    expect(daemon.build.query?.dockerfile).toBe("Dockerfile");
  });

  it("sends build args (bare names from the environment), labels and the other options", async () => {
    const daemon = answering(built);
    await docker(
      daemon,
      tree(),
      ["build", "--build-arg", "A=1", "--build-arg", "HOME", "--label", "team=web", "--label", "solo", "--no-cache", "--pull", "--rm=false", "--force-rm", "--target", "dev", "--network", "none", "--add-host", "db:10.0.0.2", "--platform", "linux/amd64", "-t", "a", "-t", "b:2", "app"],
    );
    expect(daemon.build.query).toMatchObject({
      buildargs: JSON.stringify({ A: "1", HOME: "/home/learner" }),
      labels: JSON.stringify({ team: "web", solo: "" }),
      nocache: "1",
      pull: "1",
      rm: "0",
      forcerm: "1",
      target: "dev",
      networkmode: "none",
      platform: "linux/amd64",
      extrahosts: JSON.stringify(["db:10.0.0.2"]),
    });
    expect(daemon.build.queryLists).toEqual({ t: ["a", "b:2"] });
  });

  it("redraws the upload's progress on a terminal", async () => {
    const files = tree();
    files.put("app/big.bin", new Uint8Array(1_200_000));
    const result = await docker(answering(built), files, ["build", "app"], { isTTY: true });
    const progress = result.stdout.slice(0, result.stdout.indexOf("\n") + 1);
    // As docker 28.2.2 showed it on a terminal for the same files: the first update past 512 kB
    // (the Dockerfile, big.bin's header and 16 chunks of 32 kB), then the total.
    expect(progress).toBe("Sending build context to Docker daemon  525.8kB\rSending build context to Docker daemon  1.204MB\r\r\n");
    const piped = await docker(answering(built), files, ["build", "app"]);
    expect(piped.stdout.startsWith("Sending build context to Docker daemon  1.204MB\r\r\n")).toBe(true);
  });

  it("prints the daemon's refusal after the upload, and nothing of it when no daemon answers", async () => {
    const refused = new StubDaemon(() => ({ status: 400, body: { message: "dockerfile parse error on line 1: unknown instruction: FORM" } }));
    expect(await docker(refused, tree(), ["build", "app"])).toEqual({
      stdout: "Sending build context to Docker daemon  3.072kB\r\r\n",
      stderr: `${notice}Error response from daemon: dockerfile parse error on line 1: unknown instruction: FORM\n`,
      exitCode: 1,
    });
    const gone = new DockerClient({ request: () => Promise.reject(new Error("Cannot connect to the Docker daemon at tcp://127.0.0.1:1. Is the docker daemon running?")) });
    let stdout = "";
    const io = { stdout: (t: string) => (stdout += t), stderr: () => undefined, isTTY: false, columns: 80, env: {}, now: () => 0, randomFill: (b: Uint8Array) => b.fill(0xa5), hostFiles: tree() };
    expect(await runDocker(["build", "app"], io, gone)).toBe(1);
    expect(stdout).toBe("");
  });
});
