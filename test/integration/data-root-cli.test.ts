// --data-root as a user meets it: the bin writes the last changes when stopped by a signal, and
// the real docker CLI (when on PATH) sees its objects again after a daemon restart.
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { startDaemon, type Daemon } from "../../src/node/index.js";
import { dockerEnv, onPath, run } from "./docker-cli-runner.js";
import { spawnDaemon } from "./spawn-daemon.js";

const roots: string[] = [];

afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

function tempRoot(): string {
  const root = mkdtempSync(join(tmpdir(), "dp-data-root-cli-"));
  roots.push(root);
  return root;
}

describe("docker-playground daemon --data-root", () => {
  it("logs the data root with -D and writes pending changes on SIGTERM", async () => {
    const root = tempRoot();
    const { child, address, stderr, exited } = await spawnDaemon(["-D", "-H", "tcp://127.0.0.1:0", "--data-root", root]);
    try {
      const created = await fetch(`http://${address}/v1.50/volumes/create`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ Name: "kept" }) });
      expect(created.status).toBe(201);
    } finally {
      // At once, likely inside the 25 ms write delay: the shutdown flush must write the volume.
      child.kill("SIGTERM");
    }
    expect(await exited).toBe(0);
    expect(stderr()).toContain(`level=debug msg="Using data root ${root}"\n`);
    expect(stderr()).toMatch(/Processing signal 'terminated'\n$/);
    expect(readdirSync(join(root, "records", "volume"))).toEqual(["kept.json"]);
  }, 30_000);
});

describe.skipIf(!onPath("docker"))("the real docker CLI across a daemon restart on one --data-root", () => {
  async function withDaemon<T>(root: string, use: (docker: (...args: string[]) => Promise<string>) => Promise<T>): Promise<T> {
    const daemon: Daemon = await startDaemon({ hosts: ["tcp://127.0.0.1:0"], ignoreHostPorts: true, dataRoot: root });
    const env = dockerEnv(daemon.addresses[0] ?? "");
    try {
      return await use(async (...args) => {
        const r = await run("docker", args, env);
        if (r.code !== 0) throw new Error(`docker ${args.join(" ")} exited ${r.code}: ${r.stderr}`);
        return r.stdout;
      });
    } finally {
      await daemon.close();
    }
  }

  it("keeps images, volumes, networks and containers, restarting only --restart always", async () => {
    const root = tempRoot();
    await withDaemon(root, async (docker) => {
      await docker("volume", "create", "data");
      await docker("network", "create", "backend");
      await docker("run", "-d", "--name", "web", "--restart", "always", "-v", "data:/data", "alpine", "sleep", "1000");
      await docker("run", "-d", "--name", "once", "--network", "backend", "alpine", "sleep", "1000");
    });
    await withDaemon(root, async (docker) => {
      expect(await docker("images", "--format", "{{.Repository}}:{{.Tag}}")).toBe("alpine:latest\n");
      expect(await docker("volume", "ls", "-q")).toBe("data\n");
      expect((await docker("network", "ls", "--format", "{{.Name}}")).split("\n").filter(Boolean).sort()).toEqual(["backend", "bridge", "host", "none"]);
      const ps = (await docker("ps", "-a", "--format", "{{.Names}}\t{{.Status}}")).trimEnd().split("\n").sort();
      expect(ps).toHaveLength(2);
      expect(ps[0]).toMatch(/^once\tExited \(255\) /);
      expect(ps[1]).toMatch(/^web\tUp /);
    });
  }, 60_000);
});
