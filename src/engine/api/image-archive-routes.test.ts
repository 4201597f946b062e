import { describe, expect, it } from "vitest";
import { sha256Digest } from "../digest/index.js";
import { readTar } from "../archive/tar-reader.js";
import { writeTar } from "../archive/tar-writer.js";
import type { TarEntry } from "../archive/tar-entry.js";
import { Engine, ManualClock, SeededIdSource, type ApiResponse } from "../index.js";

function engineWith() {
  const engine = new Engine({ clock: new ManualClock(), ids: new SeededIdSource(7) });
  const call = (request: { method: string; path: string; query?: Record<string, string>; queryLists?: Record<string, string[]>; body?: unknown }) => engine.handle(request);
  const events: string[] = [];
  engine.ctx.events.subscribe((e) => events.push(`${e.Type} ${e.Action}`));
  return { engine, call, events };
}

async function pulled(...images: string[]) {
  const setup = engineWith();
  for (const image of images) {
    const [name = "", tag = "latest"] = image.split(":");
    const response = await setup.call({ method: "POST", path: "/images/create", query: { fromImage: name, tag } });
    if (response.stream?.kind === "json-lines") for await (const _ of response.stream.messages);
  }
  return setup;
}

async function messages(response: ApiResponse): Promise<Record<string, unknown>[]> {
  const out: Record<string, unknown>[] = [];
  if (response.stream?.kind === "json-lines") for await (const m of response.stream.messages) out.push(m as Record<string, unknown>);
  return out;
}

const files = (tar: Uint8Array) => new Map(readTar(tar).map((e) => [e.name, e]));
const text = (entry: TarEntry | undefined) => new TextDecoder().decode(entry?.data);
const bytes = (s: string) => new TextEncoder().encode(s);

describe("GET /images/get", () => {
  it("writes the OCI layout with manifest.json and repositories, blobs named by their digest", async () => {
    const { call, engine, events } = await pulled("alpine");
    const image = engine.images.get("alpine");
    const response = await call({ method: "GET", path: "/images/get", query: { names: "alpine" } });
    expect(response.headers?.["Content-Type"]).toBe("application/x-tar");
    const tar = files(response.body as Uint8Array);
    const config = tar.get(`blobs/sha256/${image.Id.slice(7)}`);
    // The config blob is the document the id is the digest of.
    expect(sha256Digest(config?.data ?? new Uint8Array(0))).toBe(image.Id);
    const manifest = JSON.parse(text(tar.get("manifest.json"))) as { Config: string; RepoTags: string[]; Layers: string[]; LayerSources: Record<string, { mediaType: string; size: number; digest: string }> }[];
    expect(manifest).toEqual([
      {
        Config: `blobs/sha256/${image.Id.slice(7)}`,
        RepoTags: ["alpine:latest"],
        Layers: image.Layers.map((d) => `blobs/sha256/${d.slice(7)}`),
        LayerSources: Object.fromEntries(image.Layers.map((d) => [d, { mediaType: "application/vnd.oci.image.layer.v1.tar", size: expect.any(Number) as number, digest: d }])),
      },
    ]);
    expect(text(tar.get("repositories"))).toBe(`{"alpine":{"latest":"${(image.Layers.at(-1) ?? "").slice(7)}"}}\n`);
    expect(text(tar.get("oci-layout"))).toBe('{"imageLayoutVersion": "1.0.0"}');
    const index = JSON.parse(text(tar.get("index.json"))) as { manifests: { digest: string; annotations: Record<string, string> }[] };
    expect(index.manifests[0]?.annotations).toEqual({ "io.containerd.image.name": "docker.io/library/alpine:latest", "org.opencontainers.image.ref.name": "latest" });
    const ociManifest = tar.get(`blobs/sha256/${(index.manifests[0]?.digest ?? "").slice(7)}`);
    expect(sha256Digest(ociManifest?.data ?? new Uint8Array(0))).toBe(index.manifests[0]?.digest);
    // Layer, config, manifest and the legacy V1 document of the one layer.
    expect([...tar.keys()].filter((n) => /^blobs\/sha256\/./.test(n))).toHaveLength(4);
    expect(events).toContain("image save");
  });

  it("saves every tag of a bare name, ids by id, and answers the daemon's errors", async () => {
    const { call } = await pulled("alpine:3.22", "alpine:latest", "busybox");
    const save = (...names: string[]) => call({ method: "GET", path: "/images/get", queryLists: { names }, query: { names: names[0] ?? "" } });
    const manifest = async (...names: string[]) => JSON.parse(text(files((await save(...names)).body as Uint8Array).get("manifest.json"))) as { RepoTags: string[] | null }[];
    expect((await manifest("alpine")).map((m) => m.RepoTags)).toEqual([["alpine:3.22", "alpine:latest"]]);
    expect((await manifest("alpine:3.22", "busybox")).map((m) => m.RepoTags)).toEqual([["alpine:3.22"], ["busybox:latest"]]);
    const busybox = await call({ method: "GET", path: "/images/busybox/json" });
    expect((await manifest((busybox.body as { Id: string }).Id)).map((m) => m.RepoTags)).toEqual([null]);
    expect((await save("nope")).body).toEqual({ message: "No such image: nope" });
    expect((await save("nope:1")).body).toEqual({ message: "reference does not exist" });
    expect((await call({ method: "GET", path: "/images/busybox/get" })).status).toBe(200);
  });
});

describe("POST /images/load", () => {
  it("loads a save back, keeping the id, and reports tags moved onto it", async () => {
    const { call, engine, events } = await pulled("alpine");
    const saved = (await call({ method: "GET", path: "/images/get", query: { names: "alpine" } })).body as Uint8Array;
    const id = engine.images.get("alpine").Id;
    await call({ method: "DELETE", path: "/images/alpine" });
    expect(await messages(await call({ method: "POST", path: "/images/load", query: { quiet: "1" }, body: saved }))).toEqual([{ stream: "Loaded image: alpine:latest\n" }]);
    expect(engine.images.get("alpine").Id).toBe(id);
    expect(events).toContain("image load");
  });

  it("registers layers it lacks, with progress unless quiet, and checks them against their diff id", async () => {
    const a = engineWith();
    const imported = await a.call({ method: "POST", path: "/images/create", query: { fromSrc: "-", repo: "mine:1" }, body: writeTar([{ name: "hello.txt", type: "file", mode: 0o644, uid: 0, gid: 0, mtime: 0, data: bytes("hi\n") }]) });
    const id = String((await messages(imported))[0]?.["status"]);
    const saved = (await a.call({ method: "GET", path: "/images/get", query: { names: "mine:1" } })).body as Uint8Array;
    const b = engineWith();
    const loaded = await messages(await b.call({ method: "POST", path: "/images/load", query: { quiet: "0" }, body: saved }));
    expect(loaded.map((m) => m["status"] ?? m["stream"])).toEqual(["Loading layer", "Loaded image: mine:1\n"]);
    expect(loaded[0]).toMatchObject({ progressDetail: { current: 2048, total: 2048 }, progress: "[==================================================>]  2.048kB/2.048kB" });
    expect(b.engine.images.get("mine:1").Id).toBe(id);
    expect(b.engine.fs.layer(b.engine.images.get("mine:1").Layers[0] ?? "").get("/hello.txt")).toMatchObject({ content: "hi\n" });
    // A layer whose bytes do not match its diff id is refused.
    const tampered = readTar(saved).map((e) => (e.data && e.data.length === 2048 ? { ...e, data: new Uint8Array(2048) } : e));
    const c = engineWith();
    const [error] = await messages(await c.call({ method: "POST", path: "/images/load", body: writeTar(tampered) }));
    expect(String(error?.["error"])).toMatch(/^invalid diffID for layer 0: expected "sha256:[0-9a-f]{64}", got "sha256:[0-9a-f]{64}"$/);
  });

  it("puts errors in the stream, as dockerd does", async () => {
    const { call } = engineWith();
    const load = async (body: Uint8Array) => (await messages(await call({ method: "POST", path: "/images/load", body })))[0];
    expect(await load(bytes("garbage"))).toEqual({ errorDetail: { message: "unexpected EOF" }, error: "unexpected EOF" });
    expect(String((await load(new Uint8Array(0)))?.["error"])).toMatch(/^open \/var\/lib\/docker\/tmp\/docker-import-\d+\/repositories: no such file or directory$/);
    expect(String((await load(writeTar([{ name: "dir/", type: "dir", mode: 0o755, uid: 0, gid: 0, mtime: 0 }])))?.["error"])).toMatch(/docker-import-\d+\/dir\/json: no such file or directory$/);
    expect((await load(writeTar([{ name: "manifest.json", type: "file", mode: 0o644, uid: 0, gid: 0, mtime: 0, data: bytes("null") }])))?.["error"]).toBe("invalid manifest, manifest cannot be null (but can be [])");
  });
});

describe("POST /images/create?fromSrc=-", () => {
  it("imports a tarball as a one-layer image, tagged, with --change applied", async () => {
    const { call, engine, events } = engineWith();
    const tar = writeTar([{ name: "etc/", type: "dir", mode: 0o755, uid: 0, gid: 0, mtime: 0 }, { name: "etc/motd", type: "file", mode: 0o644, uid: 0, gid: 0, mtime: 0, data: bytes("welcome\n") }]);
    const response = await call({ method: "POST", path: "/images/create", query: { fromSrc: "-", repo: "base:1", message: "" }, queryLists: { changes: ['CMD ["sh"]', "ENV A=b"] }, body: tar });
    const [done] = await messages(response);
    const id = String(done?.["status"]);
    expect(id).toMatch(/^sha256:[0-9a-f]{64}$/);
    const image = engine.images.get("base:1");
    expect(image).toMatchObject({ Id: id, Comment: "Imported from -", Config: { Cmd: ["sh"], Env: ["A=b"] }, Size: 8, RepoTags: ["base:1"] });
    expect(image.History).toEqual([{ created: "2026-01-15T09:00:00Z", created_by: "", comment: "Imported from -" }]);
    expect(events).toEqual(["image tag", "image import"]);
    // The id is the digest of Go's config document.
    const saved = files((await call({ method: "GET", path: "/images/get", query: { names: "base:1" } })).body as Uint8Array);
    const config = text(saved.get(`blobs/sha256/${id.slice(7)}`));
    expect(config).toMatch(/^\{"architecture":"amd64","comment":"Imported from -","config":\{"Hostname":"","Domainname":"","User":"",.*"Env":\["A=b"\],"Cmd":\["sh"\],"Image":"",.*"container_config":\{.*\},"created":"2026-01-15T09:00:00Z","docker_version":"28.2.2","history":\[\{"created":"2026-01-15T09:00:00Z","comment":"Imported from -"\}\],"os":"linux","rootfs":\{"type":"layers","diff_ids":\["sha256:[0-9a-f]{64}"\]\}\}$/);
  });

  it("refuses what dockerd refuses", async () => {
    const { call } = engineWith();
    const create = (query: Record<string, string>, body?: Uint8Array) => call({ method: "POST", path: "/images/create", query, ...(body ? { body } : {}) });
    expect((await create({ fromSrc: "-", repo: "x@sha256:" + "a".repeat(64) }, writeTar([]))).body).toEqual({ message: "cannot import digest reference" });
    expect((await create({ fromSrc: "http://example.com/x.tar" })).body).toEqual({ message: 'Get "http://example.com/x.tar": dial tcp: lookup example.com: no such host' });
    expect((await create({ fromSrc: "-" }, bytes("garbage"))).body).toEqual({ message: "unexpected EOF" });
  });
});
