import { beforeAll, describe, expect, it } from "vitest";
import { loadCatalog } from "../../images/index.js";
import { applyChanges, snapshotFiles } from "./python-files.js";
import { standalone } from "./testing/container.js";

const bytes = (s: string) => new TextEncoder().encode(s);

beforeAll(() => loadCatalog());

describe("python's copy of the container's files", () => {
  it("holds every file and symlink under /, parents first, without the kernel's trees", async () => {
    const c = standalone("python:3.13-slim");
    await c.root.mkdir("/proc/1", { recursive: true });
    const files = await snapshotFiles(c.root);
    const paths = files.map((f) => f.path);
    expect(paths.indexOf("/usr/local")).toBeLessThan(paths.indexOf("/usr/local/bin/python3"));
    expect(files.find((f) => f.path === "/usr/local/bin/python3")).toMatchObject({ kind: "symlink" });
    expect(files.find((f) => f.path === "/etc/passwd")).toMatchObject({ kind: "file", mode: 0o644 });
    expect(paths.some((p) => p.startsWith("/proc"))).toBe(false);
  });

  it("leaves files out past its size limit but keeps the tree", async () => {
    const c = standalone("alpine");
    const files = await snapshotFiles(c.root, { entries: 20_000, bytes: 0 });
    expect(files.some((f) => f.kind === "file" && f.data.length > 0)).toBe(false);
    expect(files.some((f) => f.path === "/etc" && f.kind === "dir")).toBe(true);
  });

  it("writes Python's changes back and names those it could not make", async () => {
    const c = standalone("alpine");
    const failed = await applyChanges(c.root, [
      { path: "/data", kind: "dir", mode: 0o755, mtime: 0 },
      { path: "/data/out.txt", kind: "file", mode: 0o600, mtime: 0, data: bytes("42") },
      { path: "/srv/deep/new.txt", kind: "file", mode: 0o644, mtime: 0, data: bytes("made its parents") },
      { path: "/data/link", kind: "symlink", target: "out.txt" },
      { path: "/etc/motd", kind: "deleted" },
      { path: "/etc/passwd/inside", kind: "file", mode: 0o644, mtime: 0, data: bytes("x") },
    ]);
    expect(c.root.readText("/data/out.txt")).toBe("42");
    expect((await c.root.stat("/data/out.txt")).mode & 0o777).toBe(0o600);
    expect(c.root.readText("/srv/deep/new.txt")).toBe("made its parents");
    expect(await c.root.readlink("/data/link")).toBe("out.txt");
    expect(await c.root.exists("/etc/motd")).toBe(false);
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatch(/^\/etc\/passwd\/inside: /);
  });
});
