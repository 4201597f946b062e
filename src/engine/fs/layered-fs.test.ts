import { describe, expect, it } from "vitest";
import { dir, exe, layerOf, link } from "./layer-builder.js";
import { decodeLayer, encodeLayer } from "./layer-codec.js";
import type { Layer } from "./layer.js";
import { LayeredFs } from "./layered-fs.js";
import { MountedFs } from "./mounted-fs.js";

const base = layerOf(
  {
    "/bin/busybox": exe("ELF"),
    "/bin/sh": link("/bin/busybox"),
    "/etc/os-release": "NAME=Alpine\n",
    "/etc/motd": "hello\n",
    "/tmp": dir(0o1777),
    "/usr/share/doc/a.txt": "a\n",
    "/usr/share/doc/b.txt": "b\n",
  },
  "2025-10-08T11:04:53Z",
);
const top = layerOf({ "/etc/nginx/nginx.conf": "events {}\n", "/usr/share/doc/b.txt": { whiteout: true } }, "2025-10-09T00:00:00Z");

function fresh(upper: Layer = new Map()) {
  let now = 1_000;
  const changed: string[] = [];
  const fs = new LayeredFs({ lowers: [top, base], upper, now: () => (now += 1), onChange: (p) => changed.push(p) });
  return { fs, upper, changed };
}

describe("LayeredFs", () => {
  it("reads through layers, honouring whiteouts of lower files", async () => {
    const { fs } = fresh();
    expect(await fs.readFile("/etc/os-release")).toBe("NAME=Alpine\n");
    expect(await fs.readFile("/etc/nginx/nginx.conf")).toBe("events {}\n");
    expect(await fs.readdir("/usr/share/doc")).toEqual(["a.txt"]);
    expect(await fs.readdir("/etc")).toEqual(["motd", "nginx", "os-release"]);
    await expect(fs.readFile("/usr/share/doc/b.txt")).rejects.toMatchObject({ code: "ENOENT" });
  });

  it("follows symlinks for reads and stat, not for lstat", async () => {
    const { fs } = fresh();
    expect(await fs.readFile("/bin/sh")).toBe("ELF");
    expect((await fs.lstat("/bin/sh")).isSymbolicLink).toBe(true);
    expect((await fs.stat("/bin/sh")).isFile).toBe(true);
    expect(await fs.realpath("/bin/sh")).toBe("/bin/busybox");
    expect(await fs.readlink("/bin/sh")).toBe("/bin/busybox");
  });

  it("writes copy up into the upper layer and leave the lowers untouched", async () => {
    const { fs, upper, changed } = fresh();
    await fs.appendFile("/etc/motd", "more\n");
    expect(await fs.readFile("/etc/motd")).toBe("hello\nmore\n");
    expect(base.get("/etc/motd")).toMatchObject({ content: "hello\n" });
    expect([...upper.keys()].sort()).toEqual(["/etc", "/etc/motd"]);
    expect(changed).toEqual(["/etc/motd"]);
  });

  it("lists changes as docker diff does: copied-up parents C, new A, removed D", async () => {
    const { fs } = fresh();
    await fs.writeFile("/tmp/new.txt", "x");
    await fs.rm("/etc/motd");
    await fs.mkdir("/data/sub", { recursive: true });
    expect(fs.changes()).toEqual([
      { Path: "/data", Kind: 1 },
      { Path: "/data/sub", Kind: 1 },
      { Path: "/etc", Kind: 0 },
      { Path: "/etc/motd", Kind: 2 },
      { Path: "/tmp", Kind: 0 },
      { Path: "/tmp/new.txt", Kind: 1 },
    ]);
  });

  it("hides a removed lower directory, and a re-created one starts empty (opaque)", async () => {
    const { fs } = fresh();
    await fs.rm("/usr/share/doc", { recursive: true });
    expect(await fs.exists("/usr/share/doc/a.txt")).toBe(false);
    expect(await fs.readdir("/usr/share")).toEqual([]);
    await fs.mkdir("/usr/share/doc");
    expect(await fs.readdir("/usr/share/doc")).toEqual([]);
    await fs.writeFile("/usr/share/doc/c.txt", "c");
    expect(await fs.readdir("/usr/share/doc")).toEqual(["c.txt"]);
  });

  it("refuses what POSIX refuses, with Node-style codes", async () => {
    const { fs } = fresh();
    await expect(fs.mkdir("/etc")).rejects.toMatchObject({ code: "EEXIST" });
    await expect(fs.writeFile("/nope/x", "1")).rejects.toMatchObject({ code: "ENOENT", message: "ENOENT: no such file or directory, open '/nope/x'" });
    await expect(fs.rm("/usr/share")).rejects.toMatchObject({ code: "ENOTEMPTY" });
    await expect(fs.readFile("/etc")).rejects.toMatchObject({ code: "EISDIR" });
    await expect(fs.readdir("/etc/motd")).rejects.toMatchObject({ code: "ENOTDIR" });
    await fs.symlink("/loop", "/loop");
    await expect(fs.readFile("/loop")).rejects.toMatchObject({ code: "ELOOP" });
  });

  it("moves and copies trees", async () => {
    const { fs } = fresh();
    await fs.cp("/usr/share/doc", "/copy", { recursive: true });
    await fs.mv("/etc/motd", "/tmp/motd");
    expect(await fs.readdir("/copy")).toEqual(["a.txt"]);
    expect(await fs.readFile("/tmp/motd")).toBe("hello\n");
    expect(await fs.exists("/etc/motd")).toBe(false);
  });

  it("is read-only when asked, as --read-only mounts the root", async () => {
    const fs = new LayeredFs({ lowers: [base], upper: new Map(), now: () => 0, readOnly: true });
    await expect(fs.writeFile("/etc/x", "1")).rejects.toMatchObject({ code: "EROFS" });
  });

  it("survives the record codec, binary content included", async () => {
    const { fs, upper } = fresh();
    await fs.writeFile("/bin/blob", new Uint8Array([0, 255, 1]));
    await fs.writeFile("/tmp/t", "text ✓");
    await fs.rm("/etc/motd");
    const back = decodeLayer(JSON.parse(JSON.stringify(encodeLayer(upper))));
    const again = fresh(back).fs;
    expect([...(await again.readFileBuffer("/bin/blob"))]).toEqual([0, 255, 1]);
    expect(await again.readFile("/tmp/t")).toBe("text ✓");
    expect(await again.exists("/etc/motd")).toBe(false);
  });
});

describe("MountedFs", () => {
  it("routes paths to the deepest mount and lists mount points", async () => {
    const { fs: root } = fresh();
    const volume = new LayeredFs({ lowers: [], upper: new Map(), now: () => 0 });
    const config = new LayeredFs({ lowers: [layerOf({ "/site/index.html": "<h1>hi</h1>" }, 0)], upper: new Map(), now: () => 0 });
    const fs = new MountedFs(root, [
      { target: "/data", fs: volume },
      { target: "/usr/share/nginx/html", fs: config, source: "/site", readOnly: true },
    ]);
    await fs.writeFile("/data/x", "1");
    expect(await volume.readFile("/x")).toBe("1");
    expect(await fs.readdir("/")).toContain("data");
    expect(await fs.readFile("/usr/share/nginx/html/index.html")).toBe("<h1>hi</h1>");
    await expect(fs.writeFile("/usr/share/nginx/html/index.html", "no")).rejects.toMatchObject({ code: "EROFS" });
    await fs.cp("/etc/os-release", "/data/os", {});
    expect(await volume.readFile("/os")).toBe("NAME=Alpine\n");
  });
});
