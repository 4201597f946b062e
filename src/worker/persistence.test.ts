import "fake-indexeddb/auto";
import { describe, expect, it } from "vitest";
import { Persistence } from "./persistence.js";
import { openStore, readSaved } from "./saved-state.js";

describe("persistence", () => {
  it("takes a read begun before it existed, then reads afresh", async () => {
    const store = openStore("early-read");
    const saved = readSaved(store);
    const persistence = new Persistence("early-read", { store, saved });
    expect(await persistence.load()).toEqual({ engine: undefined, files: {}, history: [], empty: true });
    await persistence.writeHistory(["docker ps"]);
    await persistence.writeFiles({ "/home/learner/notes.txt": "hi" });
    // The early read answered once; later loads read what is stored now.
    expect(await persistence.load()).toMatchObject({ history: ["docker ps"], files: { "/home/learner/notes.txt": "hi" } });
  });
});
