// docker build through docker-py 7.1.0 against our daemon: the SDK sends the context as a tar
// to POST /build and reads the legacy builder's stream (it finds the image by its aux ID or the
// "Successfully built" line, and raises BuildError from the in-stream error).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startDaemon, type Daemon } from "../../src/node/index.js";
import { onPath, run } from "./docker-cli-runner.js";

const hasPython = onPath("python3", ["-c", "import docker"]);

describe.skipIf(!hasPython)("docker build through docker-py", () => {
  let daemon: Daemon;
  let dir: string;

  beforeAll(async () => {
    daemon = await startDaemon({ hosts: ["tcp://127.0.0.1:0"], ignoreHostPorts: true });
    dir = mkdtempSync(join(tmpdir(), "build-sdk-"));
    mkdirSync(join(dir, "site"));
    writeFileSync(join(dir, "site", "index.html"), "<h1>built into the image</h1>\n");
    writeFileSync(join(dir, "Dockerfile"), 'FROM nginx\nCOPY site/ /usr/share/nginx/html/\nRUN echo "step ran" && nginx -t\nLABEL stage=test\n');
  }, 30_000);
  afterAll(async () => {
    await daemon.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("builds from a directory, streams the steps, and the image serves what was copied", async () => {
    const script = [
      "import docker, io",
      `c = docker.DockerClient(base_url="tcp://${daemon.addresses[0] ?? ""}")`,
      `image, logs = c.images.build(path=${JSON.stringify(dir)}, tag="site:1")`,
      "streams = [l['stream'] for l in logs if 'stream' in l]",
      "print(image.tags, image.labels['stage'])",
      "print(''.join(s for s in streams if s.startswith('Step')), end='')",
      "print('step ran' in ''.join(streams))",
      "print(c.containers.run('site:1', ['cat', '/usr/share/nginx/html/index.html'], remove=True).decode(), end='')",
      "again, logs = c.images.build(path=" + JSON.stringify(dir) + ", tag='site:2')",
      "print(again.id == image.id, sum('Using cache' in l.get('stream', '') for l in logs))",
      "try:",
      "    c.images.build(fileobj=io.BytesIO(b'FROM alpine\\nRUN echo failing >&2; exit 5\\n'))",
      "except docker.errors.BuildError as e:",
      "    print('BuildError:', e.msg)",
    ].join("\n");
    const result = await run("python3", ["-c", script], {});
    expect(result.stderr).toBe("");
    expect(result.stdout).toBe(
      [
        "['site:1'] test",
        "Step 1/4 : FROM nginx",
        "Step 2/4 : COPY site/ /usr/share/nginx/html/",
        'Step 3/4 : RUN echo "step ran" && nginx -t',
        "Step 4/4 : LABEL stage=test",
        "True",
        "<h1>built into the image</h1>",
        "True 3",
        "BuildError: The command '/bin/sh -c echo failing >&2; exit 5' returned a non-zero code: 5",
        "",
      ].join("\n"),
    );
  }, 60_000);
});
