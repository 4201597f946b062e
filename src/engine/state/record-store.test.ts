import { describe, expect, it } from "vitest";
import { Engine, ManualClock, SeededIdSource } from "../index.js";
import { lookupCatalog } from "../images/index.js";
import { RecordStore } from "./record-store.js";

describe("RecordStore change tracking", () => {
  it("reports each changed record once, with its latest value, in first-change order", () => {
    const store = new RecordStore();
    store.put("container", "c1", { v: 1 });
    store.put("image", "i1", { v: 1 });
    store.put("container", "c1", { v: 2 });
    expect(store.takeChanges()).toEqual([
      { kind: "container", key: "c1", value: { v: 2 } },
      { kind: "image", key: "i1", value: { v: 1 } },
    ]);
  });

  it("logs nothing when nothing will take the changes (an engine kept in memory alone)", () => {
    const store = new RecordStore(false);
    store.put("container", "c1", { v: 1 });
    store.remove("container", "c1");
    store.put("image", "i1", { v: 1 });
    expect(store.get("image", "i1")).toEqual({ v: 1 });
    expect(store.takeChanges()).toEqual([]);
  });

  it("returns nothing on a second take until something changes again", () => {
    const store = new RecordStore();
    store.put("volume", "data", { Name: "data" });
    store.takeChanges();
    expect(store.takeChanges()).toEqual([]);
    store.put("volume", "other", { Name: "other" });
    expect(store.takeChanges()).toEqual([{ kind: "volume", key: "other", value: { Name: "other" } }]);
  });

  it("reports a removal as null, and only the removal when a record comes and goes between takes", () => {
    const store = new RecordStore();
    store.put("container", "old", { v: 1 });
    store.takeChanges();
    store.remove("container", "old");
    store.put("container", "brief", { v: 1 });
    store.remove("container", "brief");
    expect(store.takeChanges()).toEqual([
      { kind: "container", key: "old", value: null },
      { kind: "container", key: "brief", value: null },
    ]);
    expect(store.get("container", "old")).toBeUndefined();
  });

  it("reports a record removed and put back with its new value", () => {
    const store = new RecordStore();
    store.put("network", "n", { v: 1 });
    store.takeChanges();
    store.remove("network", "n");
    store.put("network", "n", { v: 2 });
    expect(store.takeChanges()).toEqual([{ kind: "network", key: "n", value: { v: 2 } }]);
  });

  it("touch marks an in-place change of an existing record and ignores a missing one", () => {
    const store = new RecordStore();
    const record = { count: 1 };
    store.put("meta", "m", record);
    store.takeChanges();
    record.count = 2;
    store.touch("meta", "m");
    store.touch("meta", "missing");
    expect(store.takeChanges()).toEqual([{ kind: "meta", key: "m", value: { count: 2 } }]);
  });

  it("keeps the same key apart in different kinds", () => {
    const store = new RecordStore();
    store.put("container", "abc", { kind: "c" });
    store.put("logs", "abc", [{ text: "hi\n" }]);
    store.remove("logs", "abc");
    expect(store.get("container", "abc")).toEqual({ kind: "c" });
    expect(store.takeChanges()).toEqual([
      { kind: "container", key: "abc", value: { kind: "c" } },
      { kind: "logs", key: "abc", value: null },
    ]);
  });

  it("clear reports every record as removed", () => {
    const store = new RecordStore();
    store.put("image", "i1", { v: 1 });
    store.put("volume", "v1", { v: 1 });
    store.takeChanges();
    store.clear();
    expect(store.entries()).toEqual([]);
    expect(store.takeChanges()).toEqual([
      { kind: "image", key: "i1", value: null },
      { kind: "volume", key: "v1", value: null },
    ]);
  });

  it("entries lists every record without consuming pending changes", () => {
    const store = new RecordStore();
    store.put("image", "i1", { v: 1 });
    store.put("container", "c1", { v: 1 });
    expect(store.entries()).toEqual([
      { kind: "image", key: "i1", value: { v: 1 } },
      { kind: "container", key: "c1", value: { v: 1 } },
    ]);
    expect(store.keys("image")).toEqual(["i1"]);
    expect(store.values("container")).toEqual([{ v: 1 }]);
    expect(store.takeChanges()).toHaveLength(2);
  });
});

describe("Engine.takeChanges: a command writes only what it changed", () => {
  async function drain(response: Awaited<ReturnType<Engine["handle"]>>): Promise<void> {
    if (response.stream?.kind === "json-lines") for await (const _ of response.stream.messages);
  }

  async function setup() {
    const clock = new ManualClock();
    const engine = new Engine({ clock, ids: new SeededIdSource(3), persistent: true });
    const call = (method: string, path: string, query: Record<string, string> = {}, body?: unknown) =>
      engine.handle(body === undefined ? { method, path, query } : { method, path, query, body });
    return { clock, engine, call };
  }

  it("starts with the three predefined networks, then reports only the pulled image and where its layer came from", async () => {
    const { engine, call } = await setup();
    const first = engine.takeChanges();
    expect(first.map((c) => [c.kind, (c.value as { Name: string }).Name])).toEqual([
      ["network", "bridge"],
      ["network", "host"],
      ["network", "none"],
    ]);
    await drain(await call("POST", "/images/create", { fromImage: "alpine", tag: "latest" }));
    const changes = engine.takeChanges();
    const alpine = lookupCatalog("alpine", "latest");
    // The daemon's distribution metadata: the blob each layer had and the repository it came from.
    expect(changes.map((c) => [c.kind, c.key])).toEqual([
      ["image", alpine?.image.Id],
      ["distribution", alpine?.layers[0]?.diffId],
    ]);
    expect(changes[0]?.value).toMatchObject({ RepoTags: ["alpine:latest"] });
    expect(changes[1]?.value).toEqual({ entries: [{ Digest: alpine?.layers[0]?.digest, SourceRepository: "docker.io/library/alpine" }] });
  });

  it("reports a container and its logs for a run, and both as null after rm", async () => {
    const { engine, call } = await setup();
    await drain(await call("POST", "/images/create", { fromImage: "alpine", tag: "latest" }));
    const created = await call("POST", "/containers/create", { name: "hi" }, { Image: "alpine", Cmd: ["echo", "hi"] });
    const id = (created.body as { Id: string }).Id;
    engine.takeChanges();
    await call("POST", "/containers/hi/start");
    const started = engine.takeChanges();
    expect(started.map((c) => [c.kind, c.key])).toEqual([
      ["container", id],
      ["logs", id],
    ]);
    expect(started[0]?.value).toMatchObject({ State: { Status: "exited", ExitCode: 0 } });
    expect(started[1]?.value).toEqual([{ stream: "stdout", time: Date.parse("2026-01-15T09:00:00Z"), text: "hi\n" }]);
    expect(await call("DELETE", "/containers/hi")).toMatchObject({ status: 204 });
    expect(engine.takeChanges()).toEqual([
      { kind: "container", key: id, value: null },
      { kind: "logs", key: id, value: null },
    ]);
  });

  it("stopping one of two containers writes only that container", async () => {
    const { clock, engine, call } = await setup();
    await drain(await call("POST", "/images/create", { fromImage: "alpine", tag: "latest" }));
    for (const name of ["aa", "bb"]) {
      await call("POST", "/containers/create", { name }, { Image: "alpine", Cmd: ["sleep", "100"] });
      await call("POST", `/containers/${name}/start`);
    }
    engine.takeChanges();
    const stopped = call("POST", "/containers/aa/stop", { t: "0" });
    clock.advance(0);
    expect(await stopped).toMatchObject({ status: 204 });
    const changes = engine.takeChanges();
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({ kind: "container", value: { Name: "/aa", State: { Status: "exited", ExitCode: 137 } } });
  });

  it("a failed create writes nothing", async () => {
    const { engine, call } = await setup();
    await call("POST", "/containers/create", { name: "x1" }, { Image: "nosuch" });
    engine.takeChanges();
    expect(await call("POST", "/containers/create", { name: "x1" }, { Image: "nosuch" })).toMatchObject({ status: 404 });
    expect(engine.takeChanges()).toEqual([]);
  });
});

describe("an engine nothing persists", () => {
  it("logs no changes, so a long-lived in-process engine does not grow a change log", async () => {
    const engine = new Engine({ clock: new ManualClock(), ids: new SeededIdSource(3) });
    await engine.handle({ method: "POST", path: "/v1.50/volumes/create", body: { Name: "v" } });
    expect(engine.takeChanges()).toEqual([]);
  });

  it("still snapshots every container's and volume's files", async () => {
    const engine = new Engine({ clock: new ManualClock(), ids: new SeededIdSource(3) });
    const call = (method: string, path: string, body?: unknown, query?: Record<string, string>) => engine.handle({ method, path, body, query: query ?? {} });
    const pulled = await call("POST", "/v1.50/images/create", undefined, { fromImage: "alpine", tag: "latest" });
    if (pulled.stream?.kind === "json-lines") for await (const _ of pulled.stream.messages);
    await call("POST", "/v1.50/volumes/create", { Name: "data" });
    const id = ((await call("POST", "/v1.50/containers/create", { Image: "alpine", Cmd: ["true"] })).body as { Id: string }).Id;
    engine.fs.rootfs(engine.containers.get(id)).put("/hello.txt", { type: "file", content: "hi\n", mode: 0o644, mtime: 0 });
    engine.fs.volume("data").put("/kept.txt", { type: "file", content: "kept\n", mode: 0o644, mtime: 0 });
    const restored = new Engine({ clock: new ManualClock(), ids: new SeededIdSource(4), snapshot: engine.snapshot() });
    expect(restored.fs.rootfs(restored.containers.get(id)).readText("/hello.txt")).toBe("hi\n");
    expect(restored.fs.volume("data").readText("/kept.txt")).toBe("kept\n");
  });
});
