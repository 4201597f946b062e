import { describe, expect, it } from "vitest";
import { PROTOCOL_VERSION } from "../protocol/index.js";
import { initialState, receive } from "./playground-state.js";
import type { PlaygroundState } from "./playground-state.js";
import { container, freshWorld } from "./world-fixtures.js";

const ready = (state: PlaygroundState = initialState): PlaygroundState =>
  receive(state, { type: "ready", protocolVersion: PROTOCOL_VERSION, world: freshWorld(), restore: { status: "ok" } });

describe("receive", () => {
  it("takes the snapshot from ready", () => {
    const state = ready();
    expect(state.status).toBe("ready");
    expect(state.hasWorld).toBe(true);
    expect(state.world.networks.map((n) => n.name)).toEqual(["bridge", "host", "none"]);
    expect(state.restoreNotice).toBeNull();
  });

  it("applies world-changed deltas after the snapshot", () => {
    const web = container("web");
    const state = receive(ready(), { type: "world-changed", changes: [{ kind: "container", id: web.id, value: web }] });
    expect(state.world.containers).toEqual([web]);
  });

  it("replaces the whole world on reset-done", () => {
    const web = container("web");
    const busy = ready({ ...initialState });
    const withWeb = receive(busy, { type: "world-changed", changes: [{ kind: "container", id: web.id, value: web }] });
    const reset = receive(withWeb, { type: "reset-done", world: freshWorld() });
    expect(reset.world.containers).toEqual([]);
    expect(reset.status).toBe("ready");
  });

  it("leaves state alone for terminal output", () => {
    const state = ready();
    expect(receive(state, { type: "output", data: "$ " })).toBe(state);
  });

  it("explains a restore that was too new or corrupt", () => {
    const tooNew = receive(initialState, {
      type: "ready",
      protocolVersion: PROTOCOL_VERSION,
      world: freshWorld(),
      restore: { status: "too-new", found: 4, supported: 2 },
    });
    expect(tooNew.restoreNotice).toMatch(/^Saved playground could not be loaded \(.*4.*2.*\): started fresh$/);
    const corrupt = receive(initialState, {
      type: "ready",
      protocolVersion: PROTOCOL_VERSION,
      world: freshWorld(),
      restore: { status: "corrupt", reason: "bad JSON" },
    });
    expect(corrupt.restoreNotice).toBe("Saved playground could not be loaded (corrupt: bad JSON): started fresh");
  });

  it("reports version mismatches from either side", () => {
    const fromWorker = receive(initialState, {
      type: "version-mismatch",
      workerVersion: 9,
      uiVersion: PROTOCOL_VERSION,
    });
    expect(fromWorker.status).toBe("version-mismatch");
    expect(fromWorker.error).toContain("9");
    const fromReady = receive(initialState, {
      type: "ready",
      protocolVersion: PROTOCOL_VERSION + 1,
      world: freshWorld(),
      restore: { status: "ok" },
    });
    expect(fromReady.status).toBe("version-mismatch");
    expect(fromReady.hasWorld).toBe(false);
  });

  it("keeps the fatal message", () => {
    const state = receive(ready(), { type: "fatal", message: "IndexedDB is unavailable" });
    expect(state.status).toBe("fatal");
    expect(state.error).toBe("IndexedDB is unavailable");
  });
});
