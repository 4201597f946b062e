// Replays what the real docker CLI 28.2.2 printed for `docker build` lines that fail before the
// build starts (src/cli/testdata/build-client-side.json, recorded by
// scripts/record-build-fixtures.mjs), in the same tree of host files.
import { describe, expect, it } from "vitest";
import { DockerClient } from "../../client/index.js";
import recorded from "../testdata/build-client-side.json" with { type: "json" };
import { runDocker } from "../docker.js";
import { MemoryHostFiles } from "../testing/memory-host-files.js";

const noDaemon = new DockerClient({ request: () => Promise.reject(new Error("these lines never reach a daemon")) });

function hostTree(): MemoryHostFiles {
  const files = new MemoryHostFiles(recorded.home, () => 0);
  for (const [path, text] of Object.entries(recorded.tree)) files.put(path, text);
  for (const dir of recorded.directories) files.mkdirp(files.abs(dir));
  for (const [path, target] of Object.entries(recorded.symlinks)) void files.symlink(target, files.abs(path));
  return files;
}

describe("docker build fails before building as docker CLI 28.2.2 does", () => {
  for (const fixture of recorded.fixtures) {
    const env: Record<string, string> = { HOME: recorded.home, ...("env" in fixture ? fixture.env : {}) };
    it(`${Object.entries(env).slice(1).map(([k, v]) => `${k}=${v} `).join("")}docker ${fixture.argv.join(" ")}`, async () => {
      let stdout = "";
      let stderr = "";
      const stdin = "stdin" in fixture ? fixture.stdin : "";
      const exitCode = await runDocker(
        [...fixture.argv],
        {
          stdout: (t) => (stdout += t),
          stderr: (t) => (stderr += t),
          isTTY: false,
          columns: 80,
          env,
          now: () => 0,
          randomFill: (bytes) => bytes.fill(0xa5),
          hostFiles: hostTree(),
          readStdinBytes: () => Promise.resolve(new TextEncoder().encode(stdin)),
        },
        noDaemon,
      );
      expect({ stdout, stderr, exitCode }).toEqual({ stdout: fixture.stdout, stderr: fixture.stderr, exitCode: fixture.exitCode });
    });
  }
});
