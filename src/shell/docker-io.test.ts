import { describe, expect, it } from "vitest";
import { capturedIo, clockSeededRandom, terminalIo, type TerminalStreams } from "./docker-io.js";
import { TestClock } from "./testing/fixtures.js";

const draw = (fill: (bytes: Uint8Array) => void, n = 8) => {
  const bytes = new Uint8Array(n);
  fill(bytes);
  return Array.from(bytes);
};

describe("the CLI's random bytes in the shell", () => {
  it("come from a generator seeded by the shell's clock: other bytes at each draw, the same on the same clock", () => {
    const fill = clockSeededRandom(new TestClock());
    const first = draw(fill);
    const second = draw(fill);
    expect(second).not.toEqual(first);
    expect(first.some((b) => b !== 0)).toBe(true);
    const again = clockSeededRandom(new TestClock());
    expect([draw(again), draw(again)]).toEqual([first, second]);
  });

  it("reach the CLI on the terminal and in pipelines, unless the host hands in its own", () => {
    const clock = new TestClock();
    const streams: TerminalStreams = { write: () => undefined, columns: 80, signal: new AbortController().signal };
    const readFile = () => Promise.resolve("");
    expect(draw((b) => terminalIo(streams, {}, clock, readFile).randomFill(b))).toEqual(draw(clockSeededRandom(clock)));
    expect(draw((b) => capturedIo({}, clock, readFile, undefined).io.randomFill(b))).toEqual(draw(clockSeededRandom(clock)));
    const own = (bytes: Uint8Array) => void bytes.fill(7);
    expect(draw((b) => terminalIo(streams, {}, clock, readFile, undefined, undefined, own).randomFill(b))).toEqual(Array(8).fill(7));
    expect(draw((b) => capturedIo({}, clock, readFile, undefined, "", undefined, { randomFill: own }).io.randomFill(b))).toEqual(Array(8).fill(7));
  });
});
