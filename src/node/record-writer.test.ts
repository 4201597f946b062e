// RecordWriter on its own: a burst of changes to one record is one write, an unchanged record
// is no write, a failed write is retried, and a flush never overlaps another.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { Engine, ManualClock, SeededIdSource } from "../engine/index.js";
import { loadDataRoot } from "./data-root.js";
import { RecordWriter } from "./record-writer.js";

const roots: string[] = [];
const writers: RecordWriter[] = [];

afterEach(async () => {
  await Promise.all(writers.splice(0).map((w) => w.close()));
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

async function setup(errors: unknown[] = []) {
  const root = mkdtempSync(join(tmpdir(), "dp-writer-"));
  roots.push(root);
  const engine = new Engine({ clock: new ManualClock(), ids: new SeededIdSource(7), persistent: true });
  // A long delay: nothing is written until the test flushes.
  const writer = new RecordWriter(root, engine, new Map(), { delayMs: 60_000, tickMs: 60_000, onError: (e) => errors.push(e) });
  writers.push(writer);
  await writer.start();
  const call = (method: string, path: string, query: Record<string, string> = {}, body?: unknown) =>
    engine.handle(body === undefined ? { method, path, query } : { method, path, query, body });
  const pulled = await call("POST", "/images/create", { fromImage: "alpine", tag: "latest" });
  if (pulled.stream?.kind === "json-lines") for await (const _ of pulled.stream.messages);
  const created = await call("POST", "/containers/create", { name: "web" }, { Image: "alpine", Cmd: ["sleep", "100"] });
  const id = (created.body as { Id: string }).Id;
  await call("POST", `/containers/${id}/start`);
  await writer.flush();
  return { root, engine, writer, call, id };
}

describe("RecordWriter", () => {
  it("writes a record changed by 100 requests once", async () => {
    const { root, writer, call, id } = await setup();
    const before = writer.writes;
    for (let i = 0; i < 100; i++) {
      await call("POST", `/containers/${id}/${i % 2 === 0 ? "pause" : "unpause"}`);
      writer.schedule();
    }
    await call("POST", `/containers/${id}/pause`);
    await writer.flush();
    expect(writer.writes - before).toBe(1);
    const saved = JSON.parse(readFileSync(join(root, "records", "container", `${id}.json`), "utf8")) as { State: { Paused: boolean } };
    expect(saved.State.Paused).toBe(true);
  });

  it("does not rewrite a record whose content is what the disk holds", async () => {
    const { engine, writer, id } = await setup();
    const before = writer.writes;
    engine.ctx.store.touch("container", id);
    await writer.flush();
    expect(writer.writes).toBe(before);
  });

  it("keeps a failed write and retries it at the next flush", async () => {
    const errors: unknown[] = [];
    const { root, writer, call } = await setup(errors);
    // A file where the volumes' directory should go: the write fails, even for root.
    writeFileSync(join(root, "records", "volume"), "");
    expect((await call("POST", "/volumes/create", {}, { Name: "late" })).status).toBe(201);
    await writer.flush();
    expect(errors).toHaveLength(1);
    rmSync(join(root, "records", "volume"));
    await writer.flush();
    expect(readdirSync(join(root, "records", "volume"))).toEqual(["late.json"]);
  });

  it("leaves a directory that loads back into the same records", async () => {
    const { root, engine } = await setup();
    const loaded = await loadDataRoot(root);
    const key = (r: { kind: string; key: string }) => `${r.kind}/${r.key}`;
    expect(loaded.snapshot?.records.map(key).sort()).toEqual(engine.snapshot().records.map(key).sort());
    expect(loaded.snapshot?.daemonId).toBe(engine.daemonId);
  });
});
