import { describe, expect, it } from "vitest";
import type { Layer } from "../fs/layer.js";
import { LayeredFs } from "../fs/layered-fs.js";
import { layerFromTar, layerTarEntries, walkOrder } from "./layer-tar.js";
import { readTar } from "./tar-reader.js";
import { writeTar } from "./tar-writer.js";
import { utf8, type TarEntry } from "./tar-entry.js";

const t = Date.parse("2025-06-01T12:00:00Z");

describe("layer tarballs", () => {
  it("write whiteouts as .wh. files and opaque directories with their marker, in walk order", () => {
    const layer: Layer = new Map([
      ["/etc", { type: "dir", mode: 0o755, mtime: t }],
      ["/etc/motd", { type: "whiteout" }],
      ["/etc/app.conf", { type: "file", content: "a=1\n", mode: 0o640, mtime: t + 999, uid: 1000, gid: 50 }],
      ["/var-x", { type: "dir", mode: 0o755, mtime: t }],
      ["/var", { type: "dir", mode: 0o755, mtime: t, opaque: true }],
      ["/var/run", { type: "symlink", target: "/run", mode: 0o777, mtime: t }],
    ]);
    const entries = layerTarEntries(layer);
    expect(entries.map((e) => `${e.type} ${e.name} ${e.mode.toString(8)}`)).toEqual([
      "dir etc/ 755",
      // A whiteout sits where the name it deletes would: the walk sees the overlay's device "motd".
      "file etc/app.conf 640",
      "file etc/.wh.motd 600",
      "dir var/ 755",
      "file var/.wh..wh..opq 755",
      "symlink var/run 777",
      "dir var-x/ 755",
    ]);
    // Times are whole seconds, as go-archive truncates them.
    expect(entries.find((e) => e.name === "etc/app.conf")).toMatchObject({ mtime: t, uid: 1000, gid: 50 });
  });

  it("read back into the same layer, and a container sees through them", () => {
    const layer: Layer = new Map([
      ["/etc", { type: "dir", mode: 0o755, mtime: t }],
      ["/etc/motd", { type: "whiteout" }],
      ["/etc/app.conf", { type: "file", content: "a=1\n", mode: 0o640, mtime: t, uid: 1000, gid: 50 }],
      ["/opt", { type: "dir", mode: 0o755, mtime: t, opaque: true }],
      ["/opt/new", { type: "file", content: new Uint8Array([0, 159, 255]), mode: 0o755, mtime: t }],
    ]);
    const back = layerFromTar(readTar(writeTar(layerTarEntries(layer))));
    expect(back).toEqual(layer);
    const lower: Layer = new Map([
      ["/etc", { type: "dir", mode: 0o755, mtime: 0 }],
      ["/etc/motd", { type: "file", content: "hello\n", mode: 0o644, mtime: 0 }],
      ["/opt", { type: "dir", mode: 0o755, mtime: 0 }],
      ["/opt/old", { type: "file", content: "old\n", mode: 0o644, mtime: 0 }],
    ]);
    const fs = new LayeredFs({ lowers: [back, lower], upper: new Map(), now: () => 0 });
    expect(fs.list("/etc")).toEqual(["app.conf"]);
    expect(fs.list("/opt")).toEqual(["new"]);
  });

  it("imply missing parents, copy hard links, skip devices, and take names with ./ or /", () => {
    const entry = (name: string, extra: Partial<TarEntry>): TarEntry => ({ name, type: "file", mode: 0o644, uid: 0, gid: 0, mtime: t, ...extra });
    const layer = layerFromTar([
      entry("./usr/bin/tool", { data: utf8("#!/bin/sh\n"), mode: 0o755 }),
      entry("usr/bin/alias", { type: "link", linkname: "./usr/bin/tool" }),
      entry("/dev/null", { type: "char", devmajor: 1, devminor: 3 }),
      entry("./", { type: "dir", mode: 0o755 }),
    ]);
    expect([...layer.keys()]).toEqual(["/usr", "/usr/bin", "/usr/bin/tool", "/usr/bin/alias", "/dev"]);
    expect(layer.get("/usr")).toEqual({ type: "dir", mode: 0o755, mtime: t });
    expect(layer.get("/usr/bin/alias")).toEqual(layer.get("/usr/bin/tool"));
  });

  it("order paths as a directory walk does", () => {
    expect(["/a-b", "/a/b", "/a", "/a.c", "/ab"].sort(walkOrder)).toEqual(["/a", "/a/b", "/a-b", "/a.c", "/ab"]);
  });
});
