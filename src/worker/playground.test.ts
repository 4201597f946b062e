import "fake-indexeddb/auto";
import { entries } from "idb-keyval";
import { describe, expect, it } from "vitest";
import { ManualClock, SeededIdSource } from "../engine/index.js";
import type { WorkerToUi } from "../protocol/index.js";
import { Persistence } from "./persistence.js";
import { Playground } from "./playground.js";

let databases = 0;

/** A worker's playground over a fresh IndexedDB database, driven as the UI drives it. */
async function open(name = `test-${databases++}`, seed = 1) {
  const messages: WorkerToUi[] = [];
  const persistence = new Persistence(name);
  const clock = new ManualClock();
  const playground = await Playground.prepare({ post: (m) => messages.push(m), persistence, clock, ids: new SeededIdSource(seed), pullBandwidth: 0 });
  playground.greet(100, 30);
  messages.length = 0;
  const output = () => messages.map((m) => (m.type === "output" ? m.data : "")).join("");
  const prompts = () => (output().match(/learner@playground/g) ?? []).length;
  return {
    name,
    playground,
    persistence,
    messages,
    /** Types a line and waits for the next prompt, which appears once the change is saved. */
    async type(line: string): Promise<string> {
      await new Promise((r) => setTimeout(r, 0));
      const before = prompts();
      const start = output().length;
      await playground.handle({ type: "input", data: `${line}\r` });
      // Up to ten seconds: a loaded CI machine can take over one for a pull.
      for (let i = 0; i < 2000 && prompts() <= before; i++) await new Promise((r) => setTimeout(r, 5));
      return output().slice(start);
    },
  };
}


describe("the worker's playground", () => {
  it("answers hello with the default networks and prints a prompt", async () => {
    const messages: WorkerToUi[] = [];
    const playground = await Playground.prepare({ post: (m) => messages.push(m), persistence: new Persistence("hello"), clock: new ManualClock(), ids: new SeededIdSource(1) });
    expect(messages).toEqual([]);
    playground.greet(80, 24);
    const ready = messages.find((m) => m.type === "ready");
    expect(ready?.type === "ready" && ready.world.networks.map((n) => n.name).sort()).toEqual(["bridge", "host", "none"]);
    expect(ready?.type === "ready" && ready.restore).toEqual({ status: "fresh" });
    await new Promise((r) => setTimeout(r, 0));
    const text = messages.map((m) => (m.type === "output" ? m.data : "")).join("").replaceAll("\u001b[01;32m", "").replaceAll("\u001b[00m", "").replaceAll("\u001b[01;34m", "");
    expect(text).toContain("learner@playground:~$ ");
  });

  it("sends the UI only the records a command changed", async () => {
    const { type, messages } = await open();
    await type("docker pull -q alpine");
    messages.length = 0;
    await type("docker create --name box alpine");
    const changes = messages.flatMap((m) => (m.type === "world-changed" ? m.changes : []));
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({ kind: "container", value: { name: "box", state: "created", image: "alpine" } });
  });

  it("comes back after a restart with what was acknowledged: records, files and history", async () => {
    const first = await open("restart");
    expect(await first.type("docker run -d -p 8080:80 --name web nginx")).toMatch(/[0-9a-f]{64}/);
    await first.type("echo hi > notes.txt");
    const again = await open("restart", 2);
    const ps = await again.type("docker ps -a --format '{{.Names}} {{.Status}}'");
    // A page reload is a daemon restart: the container is kept, stopped as dockerd leaves it.
    expect(ps).toMatch(/web Exited \(255\) Less than a second ago/);
    expect(await again.type("cat notes.txt")).toContain("hi");
    expect(await again.type("docker images -q")).toMatch(/[0-9a-f]{12}/);
    await again.playground.handle({ type: "input", data: "\x1b[A" });
    await new Promise((r) => setTimeout(r, 10));
    const echoed = again.messages.filter((m) => m.type === "output").map((m) => (m.type === "output" ? m.data : "")).join("");
    expect(echoed).toContain("docker images -q");
  });

  it("keeps binary host files intact across a restart", async () => {
    const first = await open("binary");
    await first.type("echo gP8B | base64 -d > bytes.bin");
    expect(await first.type("base64 bytes.bin")).toContain("gP8B");
    const again = await open("binary", 2);
    expect(await again.type("base64 bytes.bin")).toContain("gP8B");
  });

  it("writes one container's change as that container's key, not the world", async () => {
    const { type, name } = await open();
    await type("docker pull -q alpine");
    await type("docker create --name box alpine");
    const { createStore } = await import("idb-keyval");
    const store = createStore(name, "state");
    const keys = (await entries(store)).map(([k]) => String(k));
    expect(keys.filter((k) => k.startsWith("rec:container:"))).toHaveLength(1);
    expect(keys).toContain("meta");
    expect(keys.filter((k) => k.startsWith("rec:network:"))).toHaveLength(3);
  });

  it("reports a corrupt save and starts fresh instead of failing", async () => {
    const { createStore, set } = await import("idb-keyval");
    const store = createStore("corrupt", "state");
    await set("meta", { schemaVersion: "one", daemonId: 7 }, store);
    const messages: WorkerToUi[] = [];
    const playground = await Playground.prepare({ post: (m) => messages.push(m), persistence: new Persistence("corrupt"), clock: new ManualClock(), ids: new SeededIdSource(1) });
    playground.greet(80, 24);
    const ready = messages.find((m) => m.type === "ready");
    expect(ready?.type === "ready" && ready.restore).toEqual({ status: "corrupt", reason: "missing or invalid schemaVersion" });
  });

  it("leaves a save from a newer version untouched", async () => {
    const { createStore, set, get } = await import("idb-keyval");
    const store = createStore("newer", "state");
    await set("meta", { schemaVersion: 99, daemonId: "abc" }, store);
    const messages: WorkerToUi[] = [];
    const playground = await Playground.prepare({ post: (m) => messages.push(m), persistence: new Persistence("newer"), clock: new ManualClock(), ids: new SeededIdSource(1) });
    playground.greet(80, 24);
    const ready = messages.find((m) => m.type === "ready");
    expect(ready?.type === "ready" && ready.restore).toEqual({ status: "too-new", found: 99, supported: 1 });
    await playground.refresh();
    expect(await get("meta", store)).toEqual({ schemaVersion: 99, daemonId: "abc" });
  });

  it("reset empties the saved playground", async () => {
    const { type, playground, name, messages } = await open();
    await type("docker pull -q alpine");
    await playground.handle({ type: "reset" });
    const done = messages.find((m) => m.type === "reset-done");
    expect(done?.type === "reset-done" && done.world.images).toEqual([]);
    const { createStore } = await import("idb-keyval");
    const keys = (await entries(createStore(name, "state"))).map(([k]) => String(k));
    expect(keys.some((k) => k.startsWith("rec:image:"))).toBe(false);
  });
});


describe("the host and containers share files and ports", () => {
  it("a bind mount shows the terminal's files inside the container, and what it writes comes back", async () => {
    const { type } = await open();
    await type("docker pull -q alpine");
    await type("mkdir -p site && echo hello from the host > site/note.txt");
    const shown = await type("docker run --rm -v /home/learner/site:/data alpine sh -c 'cat /data/note.txt; echo from the container > /data/back.txt'");
    expect(shown).toContain("hello from the host");
    expect(await type("cat site/back.txt")).toContain("from the container");
  });

  it("curl in the terminal reaches a published port", async () => {
    const { type } = await open();
    await type("docker pull -q nginx");
    await type("docker run -d -p 8080:80 --name web nginx");
    const page = await type("curl -s localhost:8080");
    expect(page).toContain("nginx is up and serving files");
    expect(await type("curl localhost:9999")).toContain("curl: (7) Failed to connect to localhost port 9999 after 0 ms: Couldn't connect to server");
  });
});
