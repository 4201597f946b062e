import { describe, expect, it } from "vitest";
import { decodeLayer, encodeLayer } from "./layer-codec.js";
import type { LayerEntry } from "./layer.js";
import { UpperLayer } from "./upper-layer.js";

const recordedAt = 1_000;
const recorded: ReadonlyMap<string, LayerEntry> = new Map<string, LayerEntry>([
  ["/run", { type: "dir", mode: 0o755, mtime: 5 }],
  ["/run/app.pid", { type: "file", content: "1\n", mode: 0o644, mtime: recordedAt }],
  ["/tmp/gone", { type: "whiteout" }],
]);

function adopted(now = 2_000): UpperLayer {
  const layer = new UpperLayer();
  layer.adopt(recorded, recordedAt, now);
  return layer;
}

describe("UpperLayer", () => {
  it("answers for the entries it shares: size, has, get, with recorded times moved to its own", () => {
    const layer = adopted();
    expect(layer.size).toBe(3);
    expect(layer.has("/run/app.pid")).toBe(true);
    expect(layer.has("/etc/hosts")).toBe(false);
    expect(layer.get("/etc/hosts")).toBeUndefined();
    expect(layer.get("/run/app.pid")).toEqual({ type: "file", content: "1\n", mode: 0o644, mtime: 2_000 });
    // What the recording run copied up from the image keeps its time, and the same object.
    expect(layer.get("/run")).toBe(recorded.get("/run"));
    expect(layer.get("/tmp/gone")).toEqual({ type: "whiteout" });
  });

  it("walks and encodes like any layer", () => {
    const layer = adopted();
    expect([...layer.keys()]).toEqual(["/run", "/run/app.pid", "/tmp/gone"]);
    expect(decodeLayer(encodeLayer(adopted()))).toEqual(new Map([...adopted()]));
    const seen: string[] = [];
    adopted().forEach((_, path) => seen.push(path));
    expect(seen).toEqual(["/run", "/run/app.pid", "/tmp/gone"]);
  });

  it("changes only its own copy: the recording and other layers sharing it stay as they were", () => {
    const one = adopted();
    const two = adopted(3_000);
    one.set("/run/app.pid", { type: "file", content: "7\n", mode: 0o644, mtime: 9 });
    one.delete("/run");
    expect(one.size).toBe(2);
    expect(one.get("/run")).toBeUndefined();
    expect(two.get("/run/app.pid")).toMatchObject({ content: "1\n", mtime: 3_000 });
    expect(two.get("/run")).toBeDefined();
    expect(recorded.get("/run/app.pid")).toMatchObject({ content: "1\n", mtime: recordedAt });
    expect(recorded.size).toBe(3);
  });

  it("takes entries one by one when it already holds some, and clear drops what it shares", () => {
    const layer = new UpperLayer([["/own", { type: "dir", mode: 0o700, mtime: 1 }]]);
    layer.adopt(recorded, recordedAt, 2_000);
    expect([...layer.keys()]).toEqual(["/own", "/run", "/run/app.pid", "/tmp/gone"]);
    const shared = adopted();
    shared.clear();
    expect(shared.size).toBe(0);
    expect(shared.has("/run")).toBe(false);
  });

  it("copies nothing for lookups, however many hit the shared entries", () => {
    let walks = 0;
    class Counted extends Map<string, LayerEntry> {
      override entries(): MapIterator<[string, LayerEntry]> {
        walks++;
        return super.entries();
      }
      override [Symbol.iterator](): MapIterator<[string, LayerEntry]> {
        return this.entries();
      }
    }
    const layer = new UpperLayer();
    layer.adopt(new Counted(recorded), recordedAt, 2_000);
    walks = 0;
    for (const path of ["/run", "/run/app.pid", "/tmp/gone", "/etc", "/run"]) layer.get(path);
    expect(layer.has("/run")).toBe(true);
    expect(layer.size).toBe(3);
    expect(walks).toBe(0);
    layer.set("/new", { type: "dir", mode: 0o755, mtime: 1 });
    expect(walks).toBe(1);
    expect(layer.size).toBe(4);
  });

  it("keeps a recorded time when the replay happens at that same time", () => {
    expect(adopted(recordedAt).get("/run/app.pid")).toBe(recorded.get("/run/app.pid"));
  });
});
