import { describe, expect, it } from "vitest";
import { RecordStore } from "../state/record-store.js";
import { LogStore, type LogEntry } from "./log-store.js";

const texts = (entries: LogEntry[]) => entries.map((e) => `${e.stream}@${e.time}:${e.text}`);

describe("the log store", () => {
  it("gives a line per entry, however the lines were written", () => {
    const logs = new LogStore(new RecordStore());
    logs.append("c", "stdout", "one\ntwo\n", 1);
    logs.append("c", "stderr", "three\n", 2);
    logs.append("c", "stdout", "fo", 3);
    logs.append("c", "stdout", "ur\nfive\nsi", 4);
    logs.append("c", "stdout", "x", 5);
    expect(texts(logs.entries("c"))).toEqual(["stdout@1:one\n", "stdout@1:two\n", "stderr@2:three\n", "stdout@3:four\n", "stdout@4:five\n"]);
    logs.flush("c");
    expect(texts(logs.entries("c")).slice(5)).toEqual(["stdout@4:six"]);
  });

  it("tells followers of each line as it completes", () => {
    const logs = new LogStore(new RecordStore());
    const seen: string[] = [];
    const stop = logs.follow("c", (e) => seen.push(e.text));
    logs.append("c", "stdout", "a\nb", 1);
    logs.append("c", "stdout", "c\nd\ne\n", 2);
    stop();
    logs.append("c", "stdout", "f\n", 3);
    expect(seen).toEqual(["a\n", "bc\n", "d\n", "e\n"]);
  });

  it("keeps the last 5,000 lines, cutting a many-line write where the bound falls", () => {
    const logs = new LogStore(new RecordStore());
    const block = (from: number, n: number) => Array.from({ length: n }, (_, i) => `line ${from + i}\n`).join("");
    logs.append("c", "stdout", block(0, 3000), 1);
    logs.append("c", "stdout", block(3000, 1500), 2);
    logs.append("c", "stdout", block(4500, 1000), 3);
    const entries = logs.entries("c");
    expect(entries).toHaveLength(5000);
    expect(entries[0]?.text).toBe("line 500\n");
    expect(entries.at(-1)?.text).toBe("line 5499\n");
    for (let i = 0; i < 10; i++) logs.append("c", "stderr", `more ${i}\n`, 4);
    expect(logs.entries("c")).toHaveLength(5000);
    expect(logs.entries("c")[0]?.text).toBe("line 510\n");
  });
});
