import { execFileSync } from "node:child_process";
import { mkdtempSync, mkdirSync, readFileSync, symlinkSync, linkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { decompress, detectCompression } from "./decompress.js";
import { paxRecord, splitUstarPath, writeTar } from "./tar-writer.js";
import { readTar } from "./tar-reader.js";
import { utf8, type TarEntry } from "./tar-entry.js";

const t0 = Date.parse("2025-03-01T10:20:30Z");
const file = (name: string, text: string, extra: Partial<TarEntry> = {}): TarEntry => ({ name, type: "file", mode: 0o644, uid: 0, gid: 0, mtime: t0, data: utf8(text), ...extra });

function hasTar(): boolean {
  try {
    execFileSync("tar", ["--version"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

describe("tar writer", () => {
  it("writes Go's USTAR header bytes for a small file", () => {
    const bytes = writeTar([file("hosts", "127.0.0.1\tlocalhost\n")]);
    expect(bytes.length).toBe(512 + 512 + 1024);
    const header = Buffer.from(bytes.subarray(0, 512));
    expect(header.subarray(0, 6).toString()).toBe("hosts\0");
    expect(header.subarray(100, 108).toString()).toBe("0000644\0");
    expect(header.subarray(108, 124).toString()).toBe("0000000\x000000000\0");
    expect(header.subarray(124, 136).toString()).toBe("00000000024\0");
    expect(header.subarray(136, 148).toString()).toBe(`${(t0 / 1000).toString(8).padStart(11, "0")}\0`);
    expect(header[156]).toBe(0x30);
    expect(header.subarray(257, 265).toString()).toBe("ustar\x0000");
    // devmajor/devminor are formatted even for a regular file, as templateV7Plus does.
    expect(header.subarray(329, 345).toString()).toBe("0000000\x000000000\0");
    let sum = 0;
    for (let i = 0; i < 512; i++) sum += i >= 148 && i < 156 ? 32 : (header[i] ?? 0);
    expect(header.subarray(148, 156).toString()).toBe(`${sum.toString(8).padStart(6, "0")}\0 `);
  });

  it("splits long names into the USTAR prefix, and uses PAX when that is not enough", () => {
    const long = `${"d".repeat(120)}/${"f".repeat(90)}`;
    expect(splitUstarPath(long)).toEqual(["d".repeat(120), "f".repeat(90)]);
    const split = writeTar([file(long, "x")]);
    expect(Buffer.from(split.subarray(345, 465)).toString()).toBe("d".repeat(120));
    const unsplittable = "n".repeat(150);
    const pax = writeTar([file(unsplittable, "x"), { name: "l", type: "symlink", mode: 0o777, uid: 0, gid: 0, mtime: t0, linkname: "t".repeat(130) }]);
    expect(Buffer.from(pax.subarray(0, 13)).toString()).toBe("PaxHeaders.0/");
    expect(pax[156]).toBe("x".charCodeAt(0));
    expect(readTar(pax).map((e) => [e.name, e.type, e.linkname])).toEqual([
      [unsplittable, "file", undefined],
      ["l", "symlink", "t".repeat(130)],
    ]);
  });

  it("formats PAX records with their own length", () => {
    expect(paxRecord("path", "a")).toBe("9 path=a\n");
    expect(paxRecord("path", "x".repeat(93))).toBe(`103 path=${"x".repeat(93)}\n`);
    // 98 + "98".length is 100, but "100" has three digits: the record is 101 long.
    expect(paxRecord("path", "x".repeat(91))).toBe(`101 path=${"x".repeat(91)}\n`);
    expect(paxRecord("path", "x".repeat(90))).toBe(`99 path=${"x".repeat(90)}\n`);
  });

  it.runIf(hasTar())("is read by the system tar, long, non-ASCII and sub-second names included", () => {
    const dir = mkdtempSync(join(tmpdir(), "tar-"));
    const archive = writeTar([
      { name: "dir/", type: "dir", mode: 0o755, uid: 0, gid: 0, mtime: t0 },
      file("dir/été.txt", "café\n"),
      file(`dir/${"x".repeat(150)}`, "long\n", { mtime: t0 + 250 }),
      { name: "dir/link", type: "symlink", mode: 0o777, uid: 0, gid: 0, mtime: t0, linkname: "été.txt" },
    ]);
    writeFileSync(join(dir, "out.tar"), archive);
    const listing = execFileSync("tar", ["tf", join(dir, "out.tar")], { encoding: "utf8" });
    expect(listing).toBe(`dir/\ndir/été.txt\ndir/${"x".repeat(150)}\ndir/link\n`);
    execFileSync("tar", ["xf", join(dir, "out.tar"), "-C", dir]);
    expect(readFileSync(join(dir, "dir/été.txt"), "utf8")).toBe("café\n");
  });
});

describe("tar reader", () => {
  it("round-trips every kind of entry", () => {
    const entries: TarEntry[] = [
      { name: "etc/", type: "dir", mode: 0o755, uid: 0, gid: 0, mtime: t0 },
      file("etc/passwd", "root:x:0:0:root:/root:/bin/sh\n", { uid: 1000, gid: 1000, uname: "learner", gname: "learner" }),
      { name: "etc/alias", type: "symlink", mode: 0o777, uid: 0, gid: 0, mtime: t0, linkname: "passwd" },
      { name: "etc/hard", type: "link", mode: 0o644, uid: 0, gid: 0, mtime: t0, linkname: "etc/passwd" },
      file("bin/tool", "\u0000\u00ff binary", { mode: 0o4755 }),
      { name: "dev/null", type: "char", mode: 0o666, uid: 0, gid: 0, mtime: t0, devmajor: 1, devminor: 3 },
    ];
    const back = readTar(writeTar(entries));
    expect(back.map(({ data, ...rest }) => ({ ...rest, text: data ? Buffer.from(data).toString("latin1") : undefined }))).toEqual(
      entries.map(({ data, ...rest }) => ({ ...rest, text: data ? Buffer.from(data).toString("latin1") : undefined })),
    );
  });

  it("fails as Go does on garbage and on cut archives", () => {
    expect(() => readTar(utf8("hello"))).toThrow("unexpected EOF");
    expect(() => readTar(new Uint8Array(512).fill(65))).toThrow("archive/tar: invalid tar header");
    const whole = writeTar([file("a", "x".repeat(700))]);
    expect(() => readTar(whole.subarray(0, 900))).toThrow("unexpected EOF");
    expect(readTar(new Uint8Array(0))).toEqual([]);
    // Cut right after an entry's data (no padding, no end blocks): a clean end, as in Go.
    const unclosed = whole.subarray(0, 512 + 700);
    expect(readTar(unclosed).map((e) => [e.name, e.data?.length])).toEqual([["a", 700]]);
    expect(() => readTar(whole.subarray(0, 512 + 700 + 10))).toThrow("unexpected EOF");
  });

  it.runIf(hasTar())("reads archives made by the system tar, GNU and PAX formats", () => {
    const root = mkdtempSync(join(tmpdir(), "tar-"));
    const src = join(root, "src");
    const longDir = "n".repeat(120);
    const longFile = "f".repeat(110);
    mkdirSync(join(src, "dir", "sub"), { recursive: true });
    mkdirSync(join(src, "dir", longDir));
    writeFileSync(join(src, "dir", "a.txt"), "hello\n");
    writeFileSync(join(src, "dir", "sub", "big"), "x".repeat(600));
    writeFileSync(join(src, "dir", longDir, longFile), "long\n");
    symlinkSync("a.txt", join(src, "dir", "link"));
    linkSync(join(src, "dir", "a.txt"), join(src, "dir", "hard"));
    for (const format of ["gnu", "pax"]) {
      const archive = execFileSync("tar", [`--format=${format}`, "--sort=name", "-cf", "-", "-C", src, "dir"]);
      const entries = readTar(new Uint8Array(archive));
      const byName = new Map(entries.map((e) => [e.name, e]));
      expect(byName.get("dir/")?.type).toBe("dir");
      expect(Buffer.from(byName.get("dir/sub/big")?.data ?? []).toString()).toBe("x".repeat(600));
      expect(byName.get("dir/link")).toMatchObject({ type: "symlink", linkname: "a.txt" });
      expect(Buffer.from(byName.get(`dir/${longDir}/${longFile}`)?.data ?? []).toString()).toBe("long\n");
      // The second name of a hard-linked file is a link to the first one tar met.
      const hard = entries.find((e) => e.type === "link");
      expect(hard && ["dir/a.txt", "dir/hard"].includes(hard.linkname ?? "")).toBe(true);
    }
  });
});

describe("decompress", () => {
  it("detects gzip and inflates it; passes a plain tar through", async () => {
    const archive = writeTar([file("a", "hello")]);
    const gz = new Uint8Array(gzipSync(archive));
    expect(detectCompression(gz)).toBe("gzip");
    expect(detectCompression(archive)).toBe("none");
    expect(await decompress(gz)).toEqual(archive);
    expect(await decompress(archive)).toBe(archive);
    await expect(decompress(gz.subarray(0, 20))).rejects.toThrow("unexpected EOF");
  });
});
