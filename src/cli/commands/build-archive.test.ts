// The random name docker build gives a Dockerfile it adds to the context (stdin, or a file
// outside the context): stringid.GenerateRandomID()[:20], from crypto/rand.
import { describe, expect, it } from "vitest";
import { readTar, writeTar } from "../../client/index.js";
import { addDockerfileToContext, generateRandomId, type RandomFill } from "./build-archive.js";

/** A source that hands out the given byte patterns in turn, one per draw. */
function draws(...patterns: number[][]): RandomFill & { calls: number } {
  const fill = Object.assign(
    (bytes: Uint8Array) => {
      const pattern = patterns[Math.min(fill.calls, patterns.length - 1)] ?? [0];
      bytes.forEach((_, i) => (bytes[i] = pattern[i % pattern.length] ?? 0));
      fill.calls += 1;
    },
    { calls: 0 },
  );
  return fill;
}

describe("GenerateRandomID", () => {
  it("is 32 random bytes in hex", () => {
    const fill = draws([0xab, 0x01, 0xfe]);
    expect(generateRandomId(fill)).toBe("ab01fe".repeat(11).slice(0, 64));
    expect(fill.calls).toBe(1);
  });

  it("draws again while the short id would be digits only", () => {
    const fill = draws([0x12, 0x34], [0x12, 0x3a]);
    expect(generateRandomId(fill)).toBe("123a".repeat(16));
    expect(fill.calls).toBe(2);
  });
});

describe("AddDockerfileToBuildContext", () => {
  const context = writeTar([{ name: "app.sh", type: "file", mode: 0o644, uid: 0, gid: 0, mtime: 0, data: new TextEncoder().encode("echo\n") }]);
  const closed = (bytes: Uint8Array) => {
    const padded = new Uint8Array(Math.ceil(bytes.length / 512) * 512 + 1024);
    padded.set(bytes);
    return padded;
  };

  it("names the Dockerfile .dockerfile. and the first 20 hex digits of a random id", () => {
    const added = addDockerfileToContext(context, new TextEncoder().encode("FROM alpine\n"), Date.UTC(2026, 0, 15), draws([0xc0, 0xff, 0xee, 0x15]));
    expect(added.relDockerfile).toBe(".dockerfile.c0ffee15c0ffee15c0ff");
    const names = readTar(closed(added.context)).map((e) => e.name);
    expect(names).toEqual(["app.sh", ".dockerfile.c0ffee15c0ffee15c0ff", ".dockerignore"]);
  });

  it("takes a new name from the random source each time, whatever the Dockerfile and the clock", () => {
    let next = 0;
    const counter: RandomFill = (bytes) => bytes.fill(0xa0 + next++);
    const dockerfile = new TextEncoder().encode("FROM alpine\n");
    const first = addDockerfileToContext(context, dockerfile, 0, counter).relDockerfile;
    const second = addDockerfileToContext(context, dockerfile, 0, counter).relDockerfile;
    expect(first).toBe(`.dockerfile.${"a0".repeat(10)}`);
    expect(second).toBe(`.dockerfile.${"a1".repeat(10)}`);
  });
});
