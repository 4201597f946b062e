// The decoders and the Feed on their own: bytes split anywhere still decode the same, and the
// Feed pauses a fast source and settles a waiting reader when it is returned.
import { describe, expect, it } from "vitest";
import { Feed, frameDecoder, jsonLinesDecoder } from "./http-streams.js";

function frame(stream: number, payload: Buffer): Buffer {
  return Buffer.concat([Buffer.from([stream, 0, 0, 0, 0, 0, 0, payload.length]), payload]);
}

describe("decoders", () => {
  it("reassembles frames split at any byte, and characters split across frames", () => {
    const e = Buffer.from("é");
    const bytes = Buffer.concat([frame(1, Buffer.from("a")), frame(1, e.subarray(0, 1)), frame(2, Buffer.from("x")), frame(1, e.subarray(1))]);
    for (let cut = 0; cut <= bytes.length; cut++) {
      const decoder = frameDecoder();
      const chunks = [...decoder.write(bytes.subarray(0, cut)), ...decoder.write(bytes.subarray(cut)), ...decoder.end()];
      expect(chunks).toEqual([
        { stream: "stdout", data: "a" },
        { stream: "stderr", data: "x" },
        { stream: "stdout", data: "é" },
      ]);
    }
  });

  it("names unknown frame types as stdcopy does", () => {
    expect(() => frameDecoder().write(frame(7, Buffer.from("?")))).toThrow("Unrecognized input header: 7");
  });

  it("reads JSON documents split across chunks, with or without a last newline", () => {
    const decoder = jsonLinesDecoder();
    expect(decoder.write(Buffer.from('{"a":1}\r\n{"b"'))).toEqual([{ a: 1 }]);
    expect(decoder.write(Buffer.from(':"é"}\n\n{"c":3}'))).toEqual([{ b: "é" }]);
    expect(decoder.end()).toEqual([{ c: 3 }]);
  });
});

describe("Feed", () => {
  it("pauses its source when the reader falls behind and resumes it as it catches up", async () => {
    const calls: string[] = [];
    const feed = new Feed<number>({ pause: () => calls.push("pause"), resume: () => calls.push("resume"), close: () => calls.push("close") });
    for (let i = 0; i < 300; i++) feed.push(i);
    expect(calls).toEqual(["pause"]);
    for (let i = 0; i < 300; i++) expect((await feed.next()).value).toBe(i);
    expect(calls).toEqual(["pause", "resume"]);
  });

  it("settles a pending next() when returned, and closes the source once", async () => {
    let closed = 0;
    const feed = new Feed<number>({ pause: () => undefined, resume: () => undefined, close: () => closed++ });
    const pending = feed.next();
    await feed.return();
    await feed.return();
    expect([await pending, closed]).toEqual([{ value: undefined, done: true }, 1]);
  });

  it("hands out what was queued before an error, then the error", async () => {
    const feed = new Feed<number>({ pause: () => undefined, resume: () => undefined, close: () => undefined });
    feed.push(1);
    feed.fail(new Error("boom"));
    expect(await feed.next()).toEqual({ value: 1, done: false });
    await expect(feed.next()).rejects.toThrow("boom");
  });
});
