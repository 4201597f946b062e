// `docker-playground daemon --data-root DIR`: state written record by record as it changes, and
// restored by the next daemon on the same directory with dockerd's restart semantics; a data
// root that is corrupt or from a newer version stops the daemon from starting.
import { spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { parseDaemonArgs, startDaemon, type Daemon } from "../../src/node/index.js";

const bin = join(import.meta.dirname, "..", "..", "bin", "docker-playground.js");
const roots: string[] = [];
const daemons: Daemon[] = [];

afterEach(async () => {
  await Promise.all(daemons.splice(0).map((d) => d.close()));
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

function tempRoot(): string {
  const root = mkdtempSync(join(tmpdir(), "dp-data-root-"));
  roots.push(root);
  return root;
}

async function start(dataRoot: string): Promise<{ daemon: Daemon; api: Api }> {
  const daemon = await startDaemon({ hosts: ["tcp://127.0.0.1:0"], ignoreHostPorts: true, dataRoot });
  daemons.push(daemon);
  return { daemon, api: client(daemon.addresses[0] ?? "") };
}

async function stop(daemon: Daemon): Promise<void> {
  daemons.splice(daemons.indexOf(daemon), 1);
  await daemon.close();
}

type Api = (method: string, path: string, body?: unknown) => Promise<{ status: number; json: unknown }>;

function client(address: string): Api {
  return async (method, path, body) => {
    const init: RequestInit = { method };
    if (body !== undefined) Object.assign(init, { body: JSON.stringify(body), headers: { "Content-Type": "application/json" } });
    const res = await fetch(`http://${address}/v1.50${path}`, init);
    const text = await res.text();
    let json: unknown = text;
    try {
      json = text ? (JSON.parse(text) as unknown) : undefined;
    } catch {
      // A streamed answer (pull progress): kept as text.
    }
    return { status: res.status, json };
  };
}

async function pull(api: Api): Promise<void> {
  expect((await api("POST", "/images/create?fromImage=alpine&tag=latest")).status).toBe(200);
}

async function run(api: Api, name: string, restart?: string): Promise<string> {
  const HostConfig = restart ? { RestartPolicy: { Name: restart } } : {};
  const created = await api("POST", `/containers/create?name=${name}`, { Image: "alpine", Cmd: ["sleep", "1000"], HostConfig });
  expect(created.status).toBe(201);
  const id = (created.json as { Id: string }).Id;
  expect((await api("POST", `/containers/${id}/start`)).status).toBe(204);
  return id;
}

/** Each record file's inode: an atomic write (temp + rename) gives the file a new one. */
function inodes(root: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const kind of readdirSync(join(root, "records"))) {
    for (const name of readdirSync(join(root, "records", kind))) {
      out.set(`${kind}/${name}`, statSync(join(root, "records", kind, name)).ino);
    }
  }
  return out;
}

interface Listed {
  Names: string[];
  State: string;
  Status: string;
}

describe("daemon --data-root", () => {
  it("brings images, volumes, networks and containers back, with dockerd's restart semantics", async () => {
    const root = tempRoot();
    const first = await start(root);
    await pull(first.api);
    expect((await first.api("POST", "/volumes/create", { Name: "data" })).status).toBe(201);
    expect((await first.api("POST", "/networks/create", { Name: "backend" })).status).toBe(201);
    await run(first.api, "always", "always");
    await run(first.api, "plain");
    const daemonId = first.daemon.engine.daemonId;
    await stop(first.daemon);
    expect(JSON.parse(readFileSync(join(root, "meta.json"), "utf8"))).toEqual({ schemaVersion: 1, daemonId });

    const second = await start(root);
    expect(second.daemon.engine.daemonId).toBe(daemonId);
    const images = (await second.api("GET", "/images/json")).json as { RepoTags: string[] }[];
    expect(images.flatMap((i) => i.RepoTags)).toEqual(["alpine:latest"]);
    const volumes = (await second.api("GET", "/volumes")).json as { Volumes: { Name: string }[] };
    expect(volumes.Volumes.map((v) => v.Name)).toEqual(["data"]);
    const networks = (await second.api("GET", "/networks")).json as { Name: string }[];
    expect(networks.map((n) => n.Name).sort()).toEqual(["backend", "bridge", "host", "none"]);
    const listed = (await second.api("GET", "/containers/json?all=1")).json as Listed[];
    const byName = Object.fromEntries(listed.map((c) => [c.Names[0], c]));
    expect(byName["/always"]?.State).toBe("running");
    expect(byName["/plain"]?.State).toBe("exited");
    expect(byName["/plain"]?.Status).toMatch(/^Exited \(255\) /);
    // The restore itself was written back: a third start sees the same.
    await stop(second.daemon);
    const third = await start(root);
    const again = (await third.api("GET", "/containers/json?all=1")).json as Listed[];
    expect(again.map((c) => [c.Names[0], c.State]).sort()).toEqual([["/always", "running"], ["/plain", "exited"]]);
  }, 30_000);

  it("rewrites only the record a request changed, and removes the file of a removed record", async () => {
    const root = tempRoot();
    const { daemon, api } = await start(root);
    await pull(api);
    const a = await run(api, "first");
    await run(api, "second");
    expect((await api("POST", "/volumes/create", { Name: "v" })).status).toBe(201);
    await daemon.flush();
    const before = inodes(root);
    const writes = daemon.writer?.writes ?? 0;
    expect((await api("POST", `/containers/${a}/pause`)).status).toBe(204);
    await daemon.flush();
    const after = inodes(root);
    const changed = [...after].filter(([file, ino]) => before.get(file) !== ino).map(([file]) => file);
    expect(changed).toEqual([`container/${a}.json`]);
    expect((daemon.writer?.writes ?? 0) - writes).toBe(1);
    expect(JSON.parse(readFileSync(join(root, "records", "container", `${a}.json`), "utf8"))).toMatchObject({ State: { Paused: true } });

    expect((await api("DELETE", "/volumes/v")).status).toBe(204);
    await daemon.flush();
    expect(readdirSync(join(root, "records", "volume"))).toEqual([]);
  }, 30_000);

  it("writes a container that exits on its own, without any request", async () => {
    const root = tempRoot();
    const { api } = await start(root);
    await pull(api);
    const created = await api("POST", "/containers/create?name=brief", { Image: "alpine", Cmd: ["sh", "-c", "exit 3"] });
    const id = (created.json as { Id: string }).Id;
    expect((await api("POST", `/containers/${id}/start`)).status).toBe(204);
    const file = join(root, "records", "container", `${id}.json`);
    const state = () => (JSON.parse(readFileSync(file, "utf8")) as { State: { Running: boolean; ExitCode: number } }).State;
    await expect.poll(() => state(), { timeout: 5000 }).toMatchObject({ Running: false, ExitCode: 3 });
  }, 30_000);

  it("refuses to start on a corrupt record, naming the file and the reason", async () => {
    const root = tempRoot();
    const { daemon, api } = await start(root);
    await pull(api);
    await run(api, "victim");
    await stop(daemon);
    const [file] = readdirSync(join(root, "records", "container"));
    writeFileSync(join(root, "records", "container", file ?? ""), "{ not json");
    await expect(startDaemon({ hosts: ["tcp://127.0.0.1:0"], ignoreHostPorts: true, dataRoot: root })).rejects.toThrow(
      new RegExp(`^data root .* is corrupt: records/container/${file}: .*JSON`),
    );
    // A record that is JSON but not a record: loadSnapshot's reason.
    writeFileSync(join(root, "records", "container", file ?? ""), "null");
    await expect(startDaemon({ hosts: ["tcp://127.0.0.1:0"], ignoreHostPorts: true, dataRoot: root })).rejects.toThrow(/is corrupt: record container:.* has no value/);
  }, 30_000);

  it("exits 1 without touching a data root written by a newer version", async () => {
    const root = tempRoot();
    const meta = `${JSON.stringify({ schemaVersion: 99, daemonId: "future" })}\n`;
    writeFileSync(join(root, "meta.json"), meta);
    const child = spawn(process.execPath, [bin, "daemon", "-H", "tcp://127.0.0.1:0", "--data-root", root], { stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
    expect(code).toBe(1);
    expect(stdout).toBe("");
    expect(stderr).toBe(
      `failed to start daemon: data root ${root} was written by a newer version (schema version 99, this version supports 1); refusing to start so as not to overwrite it\n`,
    );
    expect(readFileSync(join(root, "meta.json"), "utf8")).toBe(meta);
  }, 30_000);

  it("reads --data-root in pflag's forms", () => {
    expect(parseDaemonArgs(["--data-root", "/var/lib/dp", "-D"])).toEqual({ hosts: [], debug: true, dataRoot: "/var/lib/dp" });
    expect(parseDaemonArgs(["--data-root=/x"])).toEqual({ hosts: [], debug: false, dataRoot: "/x" });
    expect(parseDaemonArgs(["--data-root"])).toEqual({ error: "flag needs an argument: --data-root" });
  });
});
