// docker build end to end: our CLI, the client and the engine's legacy builder in one process,
// with the context on the harness's host files.
import { describe, expect, it } from "vitest";
import { CliHarness } from "../testing/harness.js";

const notice = `DEPRECATED: The legacy builder is deprecated and will be removed in a future release.
            Install the buildx component to build images with BuildKit:
            https://docs.docker.com/go/buildx/\n\n`;

function project(): CliHarness {
  const cli = new CliHarness();
  cli.hostFiles.put("app/Dockerfile", 'FROM alpine\nARG GREETING=hello\nCOPY . /app\nRUN echo "$GREETING" > /greeting\nCMD ["cat", "/greeting"]\n');
  cli.hostFiles.put("app/.dockerignore", "*.log\n");
  cli.hostFiles.put("app/main.sh", "echo main\n");
  cli.hostFiles.put("app/debug.log", "noise\n");
  return cli;
}

describe("docker build through the engine", () => {
  it("builds, tags and runs an image, then builds it again from the cache", async () => {
    const cli = project();
    const first = await cli.docker("build", "-t", "app", "app");
    expect(first.exitCode).toBe(0);
    expect(first.stderr).toBe(notice);
    expect(first.stdout).toMatch(/^Sending build context to Docker daemon {2}4\.096kB\r\r\nStep 1\/5 : FROM alpine\n/);
    expect(first.stdout).toMatch(/\nSuccessfully built [0-9a-f]{12}\nSuccessfully tagged app:latest\n$/);
    expect((await cli.docker("run", "--rm", "app")).stdout).toBe("hello\n");
    // .dockerignore kept debug.log out of COPY . /app.
    expect((await cli.docker("run", "--rm", "app", "ls", "/app")).stdout).toBe("Dockerfile\nmain.sh\n");
    const again = await cli.docker("build", "--build-arg", "GREETING=hi", "-t", "app:hi", "app");
    expect(again.stdout).toContain(" ---> Using cache\n");
    expect((await cli.docker("run", "--rm", "app:hi")).stdout).toBe("hi\n");
  });

  it("prints only the ID with -q, and writes it to --iidfile", async () => {
    const cli = project();
    const quiet = await cli.docker("build", "-q", "--iidfile", "id.txt", "app");
    expect(quiet.stdout).toMatch(/^sha256:[0-9a-f]{64}\n$/);
    expect(cli.hostFiles.text("id.txt")).toBe(quiet.stdout);
    await cli.docker("build", "--iidfile", "id.txt", "app");
    expect(cli.hostFiles.text("id.txt")).toBe(quiet.stdout.trim());
  });

  it("fails with the code of the failed RUN", async () => {
    const cli = new CliHarness();
    cli.hostFiles.put("bad/Dockerfile", "FROM alpine\nRUN echo before && exit 3\n");
    const result = await cli.docker("build", "bad");
    expect(result.exitCode).toBe(3);
    expect(result.stdout).toMatch(/Step 2\/2 : RUN echo before && exit 3\n ---> Running in [0-9a-f]{12}\nbefore\n$/);
    expect(result.stderr).toBe(`${notice}The command '/bin/sh -c echo before && exit 3' returned a non-zero code: 3\n`);
    const quiet = await cli.docker("build", "-q", "bad");
    expect(quiet.stdout).toBe("");
    expect(quiet.stderr).toContain("Sending build context to Docker daemon  2.048kB\r\r\nStep 1/2 : FROM alpine\n");
    expect(quiet.exitCode).toBe(3);
  });

  it("builds from a Dockerfile on stdin", async () => {
    const cli = new CliHarness();
    const result = await cli.dockerBytes({ stdin: new TextEncoder().encode('FROM alpine\nCMD ["echo", "piped"]\n') }, "build", "-t", "piped", "-");
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toMatch(/^Sending build context to Docker daemon {2}2\.048kB\r\r\nStep 1\/2 : FROM alpine\n/);
    expect((await cli.docker("run", "--rm", "piped")).stdout).toBe("piped\n");
  });
});
