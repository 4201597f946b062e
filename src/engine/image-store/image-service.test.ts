import { describe, expect, it } from "vitest";
import { lookupCatalog } from "../images/index.js";
import { Engine, ManualClock, SeededIdSource } from "../index.js";

const alpine = lookupCatalog("alpine", "latest");
if (!alpine) throw new Error("alpine is not in the catalog");
const id = alpine.image.Id;
const short = id.slice(7, 19);
const repoDigest = `alpine@${alpine.manifestDigest}`;

async function setup() {
  const engine = new Engine({ clock: new ManualClock(), ids: new SeededIdSource(31) });
  const call = (method: string, path: string, query: Record<string, string> = {}, body?: unknown) =>
    engine.handle(body === undefined ? { method, path, query } : { method, path, query, body });
  const pulled = await call("POST", "/images/create", { fromImage: "alpine", tag: "latest" });
  if (pulled.stream?.kind === "json-lines") for await (const _ of pulled.stream.messages);
  const rmi = (ref: string, force = false) => call("DELETE", `/images/${ref}`, force ? { force: "1" } : {});
  const image = async () => {
    const response = await call("GET", `/images/${id}/json`);
    return response.status === 200 ? (response.body as { RepoTags: string[]; RepoDigests: string[] }) : undefined;
  };
  const container = async (name: string, cmd: string[], start: boolean) => {
    const created = await call("POST", "/containers/create", { name }, { Image: "alpine", Cmd: cmd });
    if (start) await call("POST", `/containers/${name}/start`);
    return (created.body as { Id: string }).Id.slice(0, 12);
  };
  return { call, rmi, image, container };
}

describe("docker rmi by name", () => {
  it("untags and deletes an image that has no other name", async () => {
    const { rmi, image, call } = await setup();
    const response = await rmi("alpine");
    expect(response.status).toBe(200);
    expect((response.body as unknown[]).slice(0, 3)).toEqual([{ Untagged: "alpine:latest" }, { Untagged: repoDigest }, { Deleted: id }]);
    expect(await image()).toBeUndefined();
    expect(await call("GET", "/images/alpine/json")).toMatchObject({ status: 404, body: { message: "No such image: alpine:latest" } });
  });

  it("reports the deleted layers after the image", async () => {
    const { rmi } = await setup();
    expect((await rmi("alpine")).body).toEqual([{ Untagged: "alpine:latest" }, { Untagged: repoDigest }, { Deleted: id }, { Deleted: alpine.layers[0]?.diffId }]);
  });

  it("only untags when the image has another tag", async () => {
    const { call, rmi, image } = await setup();
    expect(await call("POST", `/images/alpine/tag`, { repo: "docker.io/library/myalpine", tag: "1" })).toMatchObject({ status: 201 });
    expect((await image())?.RepoTags).toEqual(["alpine:latest", "myalpine:1"]);
    expect(await rmi("myalpine:1")).toMatchObject({ status: 200, body: [{ Untagged: "myalpine:1" }] });
    expect(await image()).toEqual(expect.objectContaining({ RepoTags: ["alpine:latest"], RepoDigests: [repoDigest] }));
  });

  it("drops the repository's digest reference with its last tag", async () => {
    const { call, rmi, image } = await setup();
    await call("POST", `/images/alpine/tag`, { repo: "myalpine", tag: "1" });
    expect((await rmi("alpine")).body).toEqual([{ Untagged: "alpine:latest" }, { Untagged: repoDigest }]);
    expect(await image()).toEqual(expect.objectContaining({ RepoTags: ["myalpine:1"], RepoDigests: [] }));
  });

  it("refuses to untag the last name of an image a container uses, naming the reference as typed", async () => {
    const { rmi, image, container } = await setup();
    const user = await container("user", ["true"], true);
    for (const ref of ["alpine", "alpine:latest", "docker.io/library/alpine"]) {
      expect(await rmi(ref)).toMatchObject({
        status: 409,
        body: { message: `conflict: unable to remove repository reference "${ref}" (must force) - container ${user} is using its referenced image ${short}` },
      });
    }
    expect((await image())?.RepoTags).toEqual(["alpine:latest"]);
  });

  it("with force, untags the last name of an image a running container uses and keeps the image", async () => {
    const { rmi, image, container } = await setup();
    await container("runner", ["sleep", "100"], true);
    const response = await rmi("alpine", true);
    expect(response.status).toBe(200);
    expect((response.body as unknown[])[0]).toEqual({ Untagged: "alpine:latest" });
    expect((await image())?.RepoTags).toEqual([]);
  });

  it("with force, deletes an image only a stopped container uses", async () => {
    const { rmi, image, container } = await setup();
    await container("stopped", ["true"], true);
    expect((await rmi("alpine", true)).body).toEqual(expect.arrayContaining([{ Deleted: id }]));
    expect(await image()).toBeUndefined();
  });

  it("answers 404 for an unknown image", async () => {
    const { rmi } = await setup();
    expect(await rmi("nope")).toMatchObject({ status: 404, body: { message: "No such image: nope:latest" } });
  });
});

describe("docker rmi by id", () => {
  it.each([id, id.slice(7), short])("refuses %s while a running container uses it, even with force", async (ref) => {
    const { rmi, container } = await setup();
    const runner = await container("runner", ["sleep", "100"], true);
    const text = `conflict: unable to delete ${short} (cannot be forced) - image is being used by running container ${runner}`;
    expect(await rmi(ref)).toMatchObject({ status: 409, body: { message: text } });
    expect(await rmi(ref, true)).toMatchObject({ status: 409, body: { message: text } });
  });

  it("refuses while a stopped container uses it, unless forced", async () => {
    const { rmi, image, container } = await setup();
    const stopped = await container("stopped", ["true"], true);
    expect(await rmi(short)).toMatchObject({
      status: 409,
      body: { message: `conflict: unable to delete ${short} (must be forced) - image is being used by stopped container ${stopped}` },
    });
    expect((await rmi(short, true)).body).toEqual(expect.arrayContaining([{ Untagged: "alpine:latest" }, { Untagged: repoDigest }, { Deleted: id }]));
    expect(await image()).toBeUndefined();
  });

  it("refuses an image with several tags unless forced, then removes every name", async () => {
    const { call, rmi, image } = await setup();
    await call("POST", `/images/alpine/tag`, { repo: "myalpine", tag: "1" });
    expect(await rmi(short)).toMatchObject({
      status: 409,
      body: { message: `conflict: unable to delete ${short} (must be forced) - image is referenced in multiple repositories` },
    });
    const removed = (await rmi(short, true)).body as Record<string, string>[];
    expect(removed.slice(0, 4).map((r) => JSON.stringify(r)).sort()).toEqual(
      [{ Deleted: id }, { Untagged: "alpine:latest" }, { Untagged: "myalpine:1" }, { Untagged: repoDigest }].map((r) => JSON.stringify(r)).sort(),
    );
    expect(await image()).toBeUndefined();
  });

  it("untags every name in the daemon's lexical order", async () => {
    const { call, rmi } = await setup();
    await call("POST", `/images/alpine/tag`, { repo: "myalpine", tag: "1" });
    expect(((await rmi(short, true)).body as unknown[]).slice(0, 4)).toEqual([
      { Untagged: "alpine:latest" },
      { Untagged: repoDigest },
      { Untagged: "myalpine:1" },
      { Deleted: id },
    ]);
  });

  it("names several tags as the conflict before a stopped container", async () => {
    const { call, rmi, container } = await setup();
    await call("POST", `/images/alpine/tag`, { repo: "myalpine", tag: "1" });
    await container("stopped", ["true"], true);
    expect(await rmi(short)).toMatchObject({
      status: 409,
      body: { message: `conflict: unable to delete ${short} (must be forced) - image is referenced in multiple repositories` },
    });
  });
});

describe("image lookups by reference", () => {
  it("follow a tag that moves to another image, and forget one that is gone", async () => {
    const { call, rmi } = await setup();
    const pulled = await call("POST", "/images/create", { fromImage: "busybox", tag: "latest" });
    if (pulled.stream?.kind === "json-lines") for await (const _ of pulled.stream.messages);
    const idOf = async (ref: string) => ((await call("GET", `/images/${ref}/json`)).body as { Id?: string }).Id;
    const busybox = await idOf("busybox");
    await call("POST", "/images/alpine/tag", { repo: "mine", tag: "1" });
    expect(await idOf("mine:1")).toBe(id);
    // The same text again, after the tag moved: the new holder, not the one found before.
    await call("POST", "/images/busybox/tag", { repo: "mine", tag: "1" });
    expect(await idOf("mine:1")).toBe(busybox);
    await rmi("mine:1");
    expect(await call("GET", "/images/mine:1/json")).toMatchObject({ status: 404, body: { message: "No such image: mine:1" } });
    await rmi("alpine", true);
    expect(await call("GET", "/images/alpine/json")).toMatchObject({ status: 404 });
  });
});
