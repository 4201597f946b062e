import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { Engine, loadSnapshot, ManualClock, migrations, schemaVersion, SeededIdSource, type EngineSnapshot, type Migration } from "../index.js";

// Recorded once from a real engine run, then frozen: a document that version 1 saved must keep
// loading. The run: ManualClock at 2026-01-15T09:00:00Z, SeededIdSource(1); pull alpine and
// nginx; create volume "data"; a minute later, one container every 30 s: "web" (nginx,
// -p 8080:80, label app=web), "worker" (alpine `sleep infinity`, restart always, -v data:/data),
// "keeper" (alpine `sleep 3600`, restart unless-stopped), "idle" (created only), "hello" (alpine
// `echo hello from v1`, exited 0 at 09:03:00); snapshot at 09:08:30.
const fixtureText = readFileSync(new URL("./fixtures/v1-snapshot.json", import.meta.url), "utf8");
const fixture = (): EngineSnapshot => JSON.parse(fixtureText) as EngineSnapshot;

describe("loadSnapshot", () => {
  it("loads the recorded v1 document as ok, unchanged and not migrated", () => {
    const result = loadSnapshot(fixture());
    expect(result).toEqual({ status: "ok", snapshot: fixture() });
    expect("migratedFrom" in result).toBe(false);
  });

  it("reports a document from a newer app as too-new, with both versions", () => {
    expect(loadSnapshot({ ...fixture(), schemaVersion: 2 })).toEqual({ status: "too-new", found: 2, supported: 1 });
    expect(loadSnapshot({ schemaVersion: 7, daemonId: "x", records: [] })).toEqual({ status: "too-new", found: 7, supported: 1 });
  });

  const withRecords = (records: unknown) => ({ schemaVersion: 1, daemonId: "d", records });
  const badKindInFixture = () => {
    const doc = fixture() as unknown as { records: { kind: string }[] };
    (doc.records[4] as { kind: string }).kind = "gadget";
    return doc;
  };
  it.each([
    ["null", null, "not an object"],
    ["a string", "garbage", "not an object"],
    ["a number", 42, "not an object"],
    ["an array", [], "missing or invalid schemaVersion"],
    ["an empty object", {}, "missing or invalid schemaVersion"],
    ["a string version", { schemaVersion: "1", daemonId: "d", records: [] }, "missing or invalid schemaVersion"],
    ["version 0", { schemaVersion: 0, daemonId: "d", records: [] }, "missing or invalid schemaVersion"],
    ["a fractional version", { schemaVersion: 1.5, daemonId: "d", records: [] }, "missing or invalid schemaVersion"],
    ["no daemonId", { schemaVersion: 1, records: [] }, "missing daemonId"],
    ["no records", { schemaVersion: 1, daemonId: "d" }, "records is not a list"],
    ["records as a map", withRecords({}), "records is not a list"],
    ["a null record", withRecords([null]), "a record has no valid kind and key"],
    ["an unknown kind", withRecords([{ kind: "gadget", key: "k", value: {} }]), "a record has no valid kind and key"],
    ["a numeric key", withRecords([{ kind: "container", key: 7, value: {} }]), "a record has no valid kind and key"],
    ["a null value", withRecords([{ kind: "container", key: "k", value: null }]), "record container:k has no value"],
    ["a string value", withRecords([{ kind: "image", key: "i", value: "text" }]), "record image:i has no value"],
    ["a bad kind inside the real document", badKindInFixture(), "a record has no valid kind and key"],
  ])("reports %s as corrupt", (_label, doc, reason) => {
    expect(loadSnapshot(doc)).toEqual({ status: "corrupt", reason });
  });

  it("never throws, even when reading the document throws", () => {
    const hostile = {
      get schemaVersion(): number {
        throw new Error("storage is gone");
      },
    };
    expect(loadSnapshot(hostile)).toEqual({ status: "corrupt", reason: "storage is gone" });
  });
});

describe("migrations", () => {
  it("the app's own steps are gapless: one for every version below schemaVersion, none beyond", () => {
    for (let version = 1; version < schemaVersion; version++) expect(typeof migrations[version], `step ${version}`).toBe("function");
    expect(Object.keys(migrations).map(Number).filter((v) => v >= schemaVersion)).toEqual([]);
  });

  const addMarker =
    (to: number): Migration =>
    (doc) => ({ ...doc, schemaVersion: to, records: [...doc.records, { kind: "meta", key: `v${to}`, value: { from: to - 1 } }] });

  it("applies a 1→2 step and says where it migrated from, without touching the input", () => {
    const input = fixture();
    const vandal: Migration = (doc) => {
      const out = addMarker(2)(doc);
      doc.records.length = 0;
      return out;
    };
    const result = loadSnapshot(input, { 1: vandal }, 2);
    expect(result.status).toBe("ok");
    if (result.status !== "ok") return;
    expect(result.migratedFrom).toBe(1);
    expect(result.snapshot.schemaVersion).toBe(2);
    expect(result.snapshot.records).toHaveLength(fixture().records.length + 1);
    expect(result.snapshot.records.at(-1)).toEqual({ kind: "meta", key: "v2", value: { from: 1 } });
    expect(input).toEqual(fixture());
  });

  it("chains steps in order up to the current version", () => {
    const result = loadSnapshot(withVersion(1), { 1: addMarker(2), 2: addMarker(3) }, 3);
    expect(result).toEqual({
      status: "ok",
      migratedFrom: 1,
      snapshot: {
        schemaVersion: 3,
        daemonId: "d",
        records: [
          { kind: "meta", key: "v2", value: { from: 1 } },
          { kind: "meta", key: "v3", value: { from: 2 } },
        ],
      },
    });
  });

  it("reports a missing step as corrupt", () => {
    expect(loadSnapshot(withVersion(1), { 1: addMarker(2) }, 3)).toEqual({ status: "corrupt", reason: "no migration from schema version 2" });
    expect(loadSnapshot(withVersion(1), {}, 2)).toEqual({ status: "corrupt", reason: "no migration from schema version 1" });
  });

  it("reports a step that does not advance the version by exactly one as corrupt", () => {
    const reason = "migration from 1 did not advance the version";
    expect(loadSnapshot(withVersion(1), { 1: (doc) => doc }, 2)).toEqual({ status: "corrupt", reason });
    expect(loadSnapshot(withVersion(1), { 1: (doc) => ({ ...doc, schemaVersion: 3 }) }, 3)).toEqual({ status: "corrupt", reason });
  });

  it("reports a step that throws, or that leaves a broken document, as corrupt", () => {
    const throwing: Migration = () => {
      throw new Error("step 1 exploded");
    };
    expect(loadSnapshot(withVersion(1), { 1: throwing }, 2)).toEqual({ status: "corrupt", reason: "step 1 exploded" });
    const breaking: Migration = (doc) => ({ ...doc, schemaVersion: 2, records: null as unknown as [] });
    expect(loadSnapshot(withVersion(1), { 1: breaking }, 2)).toEqual({ status: "corrupt", reason: "records is not a list" });
  });

  function withVersion(version: number): EngineSnapshot {
    return { schemaVersion: version, daemonId: "d", records: [] };
  }
});

describe("a daemon restart from the v1 document", () => {
  function restart(snapshot: unknown = fixture()) {
    const result = loadSnapshot(snapshot);
    if (result.status !== "ok") throw new Error(`fixture did not load: ${result.status}`);
    const clock = new ManualClock("2026-01-15T10:00:00Z");
    const engine = new Engine({ clock, ids: new SeededIdSource(2), snapshot: result.snapshot });
    const call = async (method: string, path: string, query: Record<string, string> = {}) => (await engine.handle({ method, path, query })).body;
    return { clock, engine, call };
  }

  it("brings back every container: running ones exit 255 unless restart is always or unless-stopped", async () => {
    const { call } = restart();
    const list = (await call("GET", "/containers/json", { all: "1" })) as { Names: string[]; State: string; Status: string }[];
    expect(list.map((c) => [c.Names[0], c.State, c.Status])).toEqual([
      ["/hello", "exited", "Exited (0) 57 minutes ago"],
      ["/idle", "created", "Created"],
      ["/keeper", "running", "Up Less than a second"],
      ["/worker", "running", "Up Less than a second"],
      ["/web", "exited", "Exited (255) Less than a second ago"],
    ]);
  });

  it("leaves the stopped one without ports or addresses, and restarts the others with fresh ones", async () => {
    const { call } = restart();
    const web = (await call("GET", "/containers/web/json")) as Inspect;
    expect(web.State).toMatchObject({ Status: "exited", Running: false, Pid: 0, ExitCode: 255, StartedAt: "2026-01-15T09:01:00Z", FinishedAt: "2026-01-15T10:00:00Z" });
    expect(web.NetworkSettings.Ports).toEqual({});
    expect(web.NetworkSettings.IPAddress).toBe("");
    const worker = (await call("GET", "/containers/worker/json")) as Inspect;
    const keeper = (await call("GET", "/containers/keeper/json")) as Inspect;
    expect(worker.State).toMatchObject({ Status: "running", Running: true, StartedAt: "2026-01-15T10:00:00Z" });
    expect([worker.NetworkSettings.IPAddress, keeper.NetworkSettings.IPAddress]).toEqual(["172.17.0.2", "172.17.0.3"]);
    expect(await call("POST", "/containers/web/start")).toBeUndefined();
    const restarted = (await call("GET", "/containers/web/json")) as Inspect;
    expect(restarted.NetworkSettings.Ports).toEqual({ "80/tcp": [{ HostIp: "0.0.0.0", HostPort: "8080" }, { HostIp: "::", HostPort: "8080" }] });
  });

  it("restores images, networks, volumes, logs and the daemon's identity as they were", async () => {
    const { call } = restart();
    const doc = fixture();
    const keysOf = (kind: string) => doc.records.filter((r) => r.kind === kind).map((r) => r.key).sort();
    const images = (await call("GET", "/images/json")) as { Id: string; RepoTags: string[] }[];
    expect(images.map((i) => i.Id).sort()).toEqual(keysOf("image"));
    expect(images.map((i) => i.RepoTags[0]).sort()).toEqual(["alpine:latest", "nginx:latest"]);
    const networks = (await call("GET", "/networks")) as { Id: string; Name: string }[];
    expect(networks.map((n) => n.Id).sort()).toEqual(keysOf("network"));
    expect(networks.map((n) => n.Name).sort()).toEqual(["bridge", "host", "none"]);
    const volumes = (await call("GET", "/volumes")) as { Volumes: { Name: string }[] };
    expect(volumes.Volumes.map((v) => v.Name)).toEqual(["data"]);
    expect(((await call("GET", "/info")) as { ID: string }).ID).toBe(doc.daemonId);
    expect(((await call("GET", "/containers/web/json")) as Inspect).Config.Labels).toMatchObject({ app: "web" });
  });

  it("keeps the logs of restored containers readable", async () => {
    const { engine } = restart();
    const response = await engine.handle({ method: "GET", path: "/containers/hello/logs", query: { stdout: "1", stderr: "1" } });
    const chunks: unknown[] = [];
    if (response.stream?.kind === "stdio") for await (const chunk of response.stream.chunks) chunks.push(chunk);
    expect(chunks).toEqual([{ stream: "stdout", data: "hello from v1\n" }]);
  });

  it("a snapshot of a live engine, saved as JSON, restarts into an engine of its own", async () => {
    const first = restart();
    await first.call("POST", "/containers/web/start");
    const second = restart(JSON.parse(JSON.stringify(first.engine.snapshot())));
    expect(((await second.call("GET", "/containers/web/json")) as Inspect).State).toMatchObject({ Status: "exited", ExitCode: 255 });
    expect(((await first.call("GET", "/containers/web/json")) as Inspect).State).toMatchObject({ Status: "running", ExitCode: 0 });
  });

  it("building an engine from a snapshot object leaves the source engine untouched", async () => {
    const first = restart();
    await first.call("POST", "/containers/web/start");
    restart(first.engine.snapshot());
    expect(((await first.call("GET", "/containers/web/json")) as Inspect).State).toMatchObject({ Status: "running", ExitCode: 0 });
  });
});

interface Inspect {
  State: Record<string, unknown>;
  Config: { Labels: Record<string, string> };
  NetworkSettings: { Ports: unknown; IPAddress: string };
}
