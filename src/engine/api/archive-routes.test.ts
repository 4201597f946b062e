import { describe, expect, it } from "vitest";
import { readTar } from "../archive/tar-reader.js";
import { writeTar } from "../archive/tar-writer.js";
import type { TarEntry } from "../archive/tar-entry.js";
import { Engine, ManualClock, SeededIdSource, type ApiResponse } from "../index.js";

async function setup() {
  const clock = new ManualClock();
  const engine = new Engine({ clock, ids: new SeededIdSource(7) });
  const call = (method: string, path: string, query: Record<string, string> = {}, body?: unknown) =>
    engine.handle(body === undefined ? { method, path, query } : { method, path, query, body });
  const pulled = await call("POST", "/images/create", { fromImage: "alpine", tag: "latest" });
  if (pulled.stream?.kind === "json-lines") for await (const _ of pulled.stream.messages);
  const create = async (name: string, body: object = {}) => ((await call("POST", "/containers/create", { name }, { Image: "alpine", ...body })).body as { Id: string }).Id;
  const events: string[] = [];
  engine.ctx.events.subscribe((e) => events.push(`${e.Type} ${e.Action}`));
  return { clock, engine, call, create, events };
}

const stat = (response: ApiResponse) => JSON.parse(Buffer.from(response.headers?.["X-Docker-Container-Path-Stat"] ?? "", "base64").toString()) as Record<string, unknown>;
const message = (response: ApiResponse) => [response.status, (response.body as { message?: string } | undefined)?.message];
const file = (name: string, text: string, extra: Partial<TarEntry> = {}): TarEntry => ({ name, type: "file", mode: 0o644, uid: 0, gid: 0, mtime: 1_700_000_000_000, data: new TextEncoder().encode(text), ...extra });
const listing = (response: ApiResponse) => readTar(response.body as Uint8Array).map((e) => `${e.type} ${e.name}${e.linkname ? ` -> ${e.linkname}` : ""}`);

describe("HEAD /containers/{id}/archive", () => {
  it("stats paths as os.Lstat in the container, with Go's FileMode bits", async () => {
    const { call, create } = await setup();
    await create("c1");
    // A container that never started shows the init layer's empty mount points.
    expect(stat(await call("HEAD", "/containers/c1/archive", { path: "/etc/hosts" }))).toEqual({ name: "hosts", size: 0, mode: 0o755, mtime: "2026-01-15T09:00:00Z", linkTarget: "" });
    expect(stat(await call("HEAD", "/containers/c1/archive", { path: "/etc/" }))).toMatchObject({ name: "etc", mode: 2 ** 31 + 0o755, size: 4096 });
    expect(stat(await call("HEAD", "/containers/c1/archive", { path: "/bin/sh" }))).toMatchObject({ name: "sh", mode: 2 ** 27 + 0o777, linkTarget: "/bin/busybox" });
    expect(stat(await call("HEAD", "/containers/c1/archive", { path: "/etc/mtab" }))).toMatchObject({ linkTarget: "/proc/mounts" });
    expect(message(await call("HEAD", "/containers/c1/archive", { path: "/nope" }))).toEqual([404, "Could not find the file /nope in container c1"]);
    expect(message(await call("HEAD", "/containers/c1/archive", { path: "/etc/hosts/" }))).toEqual([500, "lstat /etc/hosts/: not a directory"]);
    expect(message(await call("HEAD", "/containers/c1/archive", {}))).toEqual([400, "bad parameter: pathcannot be empty"]);
    expect(message(await call("HEAD", "/containers/nope/archive", { path: "/" }))).toEqual([404, "No such container: nope"]);
  });

  it("shows Docker's generated /etc files once the container has started", async () => {
    const { call, create } = await setup();
    await create("c1", { Cmd: ["sleep", "100"] });
    await call("POST", "/containers/c1/start");
    const hosts = await call("GET", "/containers/c1/archive", { path: "/etc/hosts" });
    expect(new TextDecoder().decode(readTar(hosts.body as Uint8Array)[0]?.data)).toMatch(/^127\.0\.0\.1\tlocalhost\n/);
  });
});

describe("GET /containers/{id}/archive", () => {
  it("names entries after the path's base, as the tarballer rebases them", async () => {
    const { call, create, events } = await setup();
    await create("c1");
    const dir = await call("GET", "/containers/c1/archive", { path: "/etc/apk" });
    expect(dir.headers?.["Content-Type"]).toBe("application/x-tar");
    expect(listing(dir).slice(0, 3)).toEqual(["dir apk/", "file apk/arch", "dir apk/keys/"]);
    expect(listing(await call("GET", "/containers/c1/archive", { path: "/etc/apk/." })).slice(0, 2)).toEqual(["dir ./", "file ./arch"]);
    expect(listing(await call("GET", "/containers/c1/archive", { path: "/bin/sh" }))).toEqual(["symlink sh -> /bin/busybox"]);
    expect(listing(await call("GET", "/containers/c1/archive", { path: "/" })).slice(0, 3)).toEqual(["dir /", "file /.dockerenv", "dir /bin/"]);
    expect(events.filter((e) => e === "container archive-path")).toHaveLength(4);
  });
});

describe("PUT /containers/{id}/archive", () => {
  it("extracts into the writable layer and volumes, gzipped or not", async () => {
    const { call, create, engine, events } = await setup();
    await create("c1", { HostConfig: { Binds: ["data:/data"] } });
    const tar = writeTar([{ name: "site/", type: "dir", mode: 0o755, uid: 0, gid: 0, mtime: 0 }, file("site/index.html", "<h1>hi</h1>\n", { uid: 1000, gid: 1000 })]);
    expect((await call("PUT", "/containers/c1/archive", { path: "/srv", noOverwriteDirNonDir: "true" }, tar)).status).toBe(200);
    const { gzipSync } = await import("node:zlib");
    expect((await call("PUT", "/containers/c1/archive", { path: "/data" }, new Uint8Array(gzipSync(tar)))).status).toBe(200);
    // The volume's mount point is made in the container's root, as the daemon makes it.
    expect((await call("GET", "/containers/c1/changes")).body).toEqual([
      { Path: "/data", Kind: 1 },
      { Path: "/srv", Kind: 0 },
      { Path: "/srv/site", Kind: 1 },
      { Path: "/srv/site/index.html", Kind: 1 },
    ]);
    expect(engine.fs.volume("data").readText("/site/index.html")).toBe("<h1>hi</h1>\n");
    // The archive's owners are kept unless -a says the container's user.
    expect(engine.fs.rootfs(engine.containers.get("c1")).entry("/srv/site/index.html")).toMatchObject({ uid: 1000, gid: 1000 });
    expect(events.filter((e) => e === "container extract-to-dir")).toHaveLength(2);
  });

  it("answers the daemon's errors", async () => {
    const { call, create } = await setup();
    await create("c1", { HostConfig: { ReadonlyRootfs: true, Binds: ["ro:/ro:ro", "rw:/rw"] } });
    const tar = writeTar([file("x", "x")]);
    expect(message(await call("PUT", "/containers/c1/archive", { path: "/tmp" }, tar))).toEqual([400, "container rootfs is marked read-only"]);
    expect(message(await call("PUT", "/containers/c1/archive", { path: "/ro" }, tar))).toEqual([400, "mounted volume is marked read-only"]);
    expect((await call("PUT", "/containers/c1/archive", { path: "/rw" }, tar)).status).toBe(200);
    expect(message(await call("PUT", "/containers/c1/archive", { path: "/rw/x" }, tar))).toEqual([400, "extraction point is not a directory"]);
    expect(message(await call("PUT", "/containers/c1/archive", { path: "/nope" }, tar))).toEqual([404, "Could not find the file /nope in container c1"]);
    expect(message(await call("PUT", "/containers/c1/archive", { path: "/rw" }, writeTar([file("../escape", "x")])))).toEqual([500, '"../escape" is outside of "/rw"']);
    expect(message(await call("PUT", "/containers/c1/archive", { path: "/rw" }, new TextEncoder().encode("not a tar")))).toEqual([500, "unexpected EOF"]);
    const dirOverFile = writeTar([{ name: "x/", type: "dir", mode: 0o755, uid: 0, gid: 0, mtime: 0 }]);
    expect(message(await call("PUT", "/containers/c1/archive", { path: "/rw", noOverwriteDirNonDir: "1" }, dirOverFile))).toEqual([500, 'cannot overwrite non-directory "/rw/x" with directory "/rw"']);
    // Without the flag the file is replaced by the directory.
    expect((await call("PUT", "/containers/c1/archive", { path: "/rw" }, dirOverFile)).status).toBe(200);
  });

  it("gives -a the container user's ids from its /etc/passwd", async () => {
    const { call, create, engine } = await setup();
    await create("c1", { User: "nobody" });
    await create("c2", { User: "ghost" });
    const tar = writeTar([file("f", "x", { uid: 1000, gid: 1000 })]);
    expect((await call("PUT", "/containers/c1/archive", { path: "/tmp", copyUIDGID: "true" }, tar)).status).toBe(200);
    expect(engine.fs.rootfs(engine.containers.get("c1")).entry("/tmp/f")).toMatchObject({ uid: 65534, gid: 65534 });
    expect(message(await call("PUT", "/containers/c2/archive", { path: "/tmp", copyUIDGID: "true" }, tar))).toEqual([400, 'failed to look up user "ghost" in container: no matching entries in passwd file']);
  });
});

describe("GET /containers/{id}/export", () => {
  it("archives the merged root without mounts", async () => {
    const { call, create, events } = await setup();
    await create("c1", { HostConfig: { Binds: ["data:/data"] } });
    await call("PUT", "/containers/c1/archive", { path: "/data" }, writeTar([file("in-volume", "v")]));
    await call("PUT", "/containers/c1/archive", { path: "/root" }, writeTar([file("in-layer", "l")]));
    const names = readTar((await call("GET", "/containers/c1/export")).body as Uint8Array).map((e) => e.name);
    expect(names).toContain("root/in-layer");
    expect(names).not.toContain("data/in-volume");
    expect(names.slice(0, 2)).toEqual([".dockerenv", "bin/"]);
    expect(events).toContain("container export");
    expect(message(await call("GET", "/containers/nope/export"))).toEqual([404, "No such container: nope"]);
  });
});
