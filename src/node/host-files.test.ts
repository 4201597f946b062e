// The headless CLI's archives over real HTTP and real files: cp both ways, export and save to
// files, load and import from them (tar bodies in both directions, repeated query keys).
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable, Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runDockerCli } from "./cli-command.js";
import { startDaemon, type Daemon } from "./daemon.js";

let daemon: Daemon;
let host = "";
const cwd = mkdtempSync(join(tmpdir(), "dp-archive-"));

beforeAll(async () => {
  daemon = await startDaemon({ hosts: ["tcp://127.0.0.1:0"], ignoreHostPorts: true });
  host = `tcp://${daemon.addresses[0] ?? ""}`;
});
afterAll(() => daemon.close());

function sink(): Writable & { bytes: Buffer[] } {
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      stream.bytes.push(Buffer.from(chunk));
      done();
    },
  }) as Writable & { bytes: Buffer[] };
  stream.bytes = [];
  return stream;
}

async function docker(argv: string[], stdin?: Buffer) {
  const stdout = sink();
  const stderr = sink();
  const code = await runDockerCli(argv, { stdout, stderr, env: { DOCKER_HOST: host }, cwd, ...(stdin ? { stdin: Readable.from([stdin]) } : {}) });
  return { code, stdout: Buffer.concat(stdout.bytes), stderr: Buffer.concat(stderr.bytes).toString() };
}

const tarList = (archive: Buffer) => execFileSync("tar", ["-t"], { input: archive, encoding: "utf8" }).split("\n").filter(Boolean);

describe("archives through the headless CLI", () => {
  it("copies real files in and out of a container", async () => {
    await docker(["pull", "-q", "alpine"]);
    await docker(["create", "--name", "files", "alpine"]);
    mkdirSync(join(cwd, "site/css"), { recursive: true });
    writeFileSync(join(cwd, "site/index.html"), "<h1>hi</h1>\n");
    writeFileSync(join(cwd, "site/css/a.css"), "body{}\n");
    // /srv exists in alpine: the directory goes inside it.
    expect(await docker(["cp", "site", "files:/srv"])).toMatchObject({ code: 0, stderr: "" });
    expect(await docker(["cp", "files:/srv", "back"])).toMatchObject({ code: 0, stderr: "" });
    expect(readFileSync(join(cwd, "back/site/css/a.css"), "utf8")).toBe("body{}\n");
    expect(tarList((await docker(["cp", "files:/srv/site/index.html", "-"])).stdout)).toEqual(["index.html"]);
    const archive = execFileSync("tar", ["-c", "-C", cwd, "site"]);
    expect(await docker(["cp", "-", "files:/opt"], archive)).toMatchObject({ code: 0, stderr: "" });
    expect(tarList((await docker(["cp", "files:/opt/site", "-"])).stdout)).toEqual(["site/", "site/css/", "site/css/a.css", "site/index.html"]);
  });

  it("exports, saves, loads and imports through files", async () => {
    expect(await docker(["export", "-o", "files.tar", "files"])).toMatchObject({ code: 0, stderr: "" });
    expect(statSync(join(cwd, "files.tar")).mode & 0o777).toBe(0o600);
    expect(tarList(readFileSync(join(cwd, "files.tar")))).toContain("srv/site/index.html");
    const imported = await docker(["import", "-c", "CMD [\"sh\"]", "files.tar", "flat:1"]);
    expect(imported.stdout.toString()).toMatch(/^sha256:[0-9a-f]{64}\n$/);
    expect(await docker(["save", "-o", "both.tar", "alpine", "flat:1"])).toMatchObject({ code: 0, stderr: "" });
    const manifest = JSON.parse(execFileSync("tar", ["-xOf", join(cwd, "both.tar"), "manifest.json"], { encoding: "utf8" })) as { RepoTags: string[] }[];
    expect(manifest.map((m) => m.RepoTags)).toEqual([["alpine:latest"], ["flat:1"]]);
    expect(await docker(["load", "-i", "both.tar"])).toEqual({ code: 0, stdout: Buffer.from("Loaded image: alpine:latest\nLoaded image: flat:1\n"), stderr: "" });
    expect((await docker(["load"], readFileSync(join(cwd, "both.tar")))).stdout.toString()).toBe("Loaded image: alpine:latest\nLoaded image: flat:1\n");
  });
});
