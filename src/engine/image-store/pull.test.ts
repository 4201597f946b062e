import { describe, expect, it } from "vitest";
import { lookupCatalog } from "../images/index.js";
import { Engine, ManualClock, SeededIdSource } from "../index.js";

function setup(pullBandwidth = 0) {
  const clock = new ManualClock();
  const engine = new Engine({ clock, ids: new SeededIdSource(29), pullBandwidth });
  const call = (method: string, path: string, query: Record<string, string> = {}) => engine.handle({ method, path, query });
  const pull = async (fromImage: string, tag = "latest") => {
    const response = await call("POST", "/images/create", { fromImage, tag });
    const messages: { status?: string; id?: string; progressDetail?: unknown }[] = [];
    if (response.stream?.kind === "json-lines") for await (const m of response.stream.messages) messages.push(m as (typeof messages)[number]);
    return { response, messages, lines: messages.map((m) => (m.id ? `${m.id}: ${m.status}` : m.status)) };
  };
  return { clock, call, pull };
}

function catalog(name: string, tag = "latest") {
  const found = lookupCatalog(name, tag);
  if (!found) throw new Error(`${name}:${tag} is not in the catalog`);
  return { ...found, layerIds: found.layers.map((l) => l.digest.slice(7, 19)) };
}

describe("a fresh pull", () => {
  it("streams the daemon's messages in order, with three downloads at a time and the rest waiting", async () => {
    const nginx = catalog("nginx");
    expect(nginx.layerIds).toHaveLength(7);
    const { response, messages, lines } = await setup().pull("docker.io/library/nginx");
    expect(response.status).toBe(200);
    expect(lines).toEqual([
      "latest: Pulling from library/nginx",
      ...nginx.layerIds.map((id) => `${id}: Pulling fs layer`),
      ...nginx.layerIds.slice(3).map((id) => `${id}: Waiting`),
      ...nginx.layerIds.flatMap((id) => [`${id}: Verifying Checksum`, `${id}: Download complete`]),
      ...nginx.layerIds.map((id) => `${id}: Pull complete`),
      `Digest: ${nginx.manifestDigest}`,
      "Status: Downloaded newer image for nginx:latest",
    ]);
    expect(messages[1]).toEqual({ status: "Pulling fs layer", progressDetail: {}, id: nginx.layerIds[0] });
    expect(messages.at(-1)).toEqual({ status: "Status: Downloaded newer image for nginx:latest" });
  });

  it("has no Waiting lines for three layers or fewer", async () => {
    const alpine = catalog("alpine");
    const [id] = alpine.layerIds;
    expect((await setup().pull("alpine")).lines).toEqual([
      "latest: Pulling from library/alpine",
      `${id}: Pulling fs layer`,
      `${id}: Verifying Checksum`,
      `${id}: Download complete`,
      `${id}: Pull complete`,
      `Digest: ${alpine.manifestDigest}`,
      "Status: Downloaded newer image for alpine:latest",
    ]);
  });

  it("stores the image with its tag and repo digest", async () => {
    const { call, pull } = setup();
    await pull("alpine");
    const alpine = catalog("alpine");
    expect((await call("GET", "/images/json")).body).toEqual([
      expect.objectContaining({ Id: alpine.image.Id, RepoTags: ["alpine:latest"], RepoDigests: [`alpine@${alpine.manifestDigest}`] }),
    ]);
  });

  it("reports layers already on disk as Already exists and fetches only the rest", async () => {
    const { pull } = setup();
    await pull("alpine");
    const slim = catalog("nginx", "alpine");
    const [shared, ...fetched] = slim.layerIds;
    expect(shared).toBe(catalog("alpine").layerIds[0]);
    expect((await pull("nginx", "alpine")).lines).toEqual([
      "alpine: Pulling from library/nginx",
      `${shared}: Already exists`,
      ...fetched.map((id) => `${id}: Pulling fs layer`),
      ...fetched.slice(3).map((id) => `${id}: Waiting`),
      ...fetched.flatMap((id) => [`${id}: Verifying Checksum`, `${id}: Download complete`]),
      ...fetched.map((id) => `${id}: Pull complete`),
      `Digest: ${slim.manifestDigest}`,
      "Status: Downloaded newer image for nginx:alpine",
    ]);
  });

  it("sends progress with byte counts when the registry has a bandwidth, taking the clock's time", async () => {
    const { clock, call } = setup(1_000_000);
    const response = await call("POST", "/images/create", { fromImage: "alpine", tag: "latest" });
    if (response.stream?.kind !== "json-lines") throw new Error("no stream");
    const seen: { status?: string; progressDetail?: { current?: number; total?: number } }[] = [];
    const done = (async () => {
      if (response.stream?.kind === "json-lines") for await (const m of response.stream.messages) seen.push(m as (typeof seen)[number]);
    })();
    for (let i = 0; i < 100; i++) {
      await new Promise((resolve) => setImmediate(resolve));
      clock.advance(100);
    }
    await done;
    const layer = catalog("alpine").layers[0];
    const downloading = seen.filter((m) => m.status === "Downloading");
    expect(downloading.length).toBeGreaterThan(0);
    expect(downloading.at(-1)?.progressDetail).toEqual({ current: layer?.compressedSize, total: layer?.compressedSize });
    expect(seen.at(-1)?.status).toBe("Status: Downloaded newer image for alpine:latest");
  });
});

describe("pulling what is already there", () => {
  it("says Image is up to date on a second pull, with no layer lines", async () => {
    const { pull } = setup();
    await pull("alpine");
    expect((await pull("alpine")).lines).toEqual([
      "latest: Pulling from library/alpine",
      `Digest: ${catalog("alpine").manifestDigest}`,
      "Status: Image is up to date for alpine:latest",
    ]);
  });

  it("adds a new tag of a local image as a newer image, without fetching", async () => {
    const { call, pull } = setup();
    await pull("alpine");
    expect((await pull("alpine", "3.22")).lines).toEqual([
      "3.22: Pulling from library/alpine",
      `Digest: ${catalog("alpine").manifestDigest}`,
      "Status: Downloaded newer image for alpine:3.22",
    ]);
    const [image] = (await call("GET", "/images/json")).body as { RepoTags: string[] }[];
    expect(image?.RepoTags).toEqual(["alpine:latest", "alpine:3.22"]);
  });

  it("pulls by digest without adding a tag", async () => {
    const { call, pull } = setup();
    const { manifestDigest } = catalog("alpine");
    expect((await pull("alpine", manifestDigest)).lines.at(-1)).toBe(`Status: Downloaded newer image for alpine@${manifestDigest}`);
    expect((await call("GET", "/images/json")).body).toEqual([expect.objectContaining({ RepoTags: [], RepoDigests: [`alpine@${manifestDigest}`] })]);
    expect((await pull("alpine", manifestDigest)).lines.at(-1)).toBe(`Status: Image is up to date for alpine@${manifestDigest}`);
  });
});

describe("pull errors, before any stream starts", () => {
  it.each([
    ["doesnotexist", "latest", 404, "pull access denied for doesnotexist, repository does not exist or may require 'docker login': denied: requested access to the resource is denied"],
    ["me/app", "latest", 404, "pull access denied for me/app, repository does not exist or may require 'docker login': denied: requested access to the resource is denied"],
    ["nginx", "nope", 404, "manifest for nginx:nope not found: manifest unknown: manifest unknown"],
    ["Foo", "latest", 400, "invalid reference format: repository name (library/Foo) must be lowercase"],
  ])("%s:%s → %i %s", async (fromImage, tag, status, message) => {
    const { call } = setup();
    const response = await call("POST", "/images/create", { fromImage, tag });
    expect(response).toMatchObject({ status, body: { message } });
    expect(response.stream).toBeUndefined();
    expect((await call("GET", "/images/json")).body).toEqual([]);
  });

  it("names an unknown digest of a known repository", async () => {
    const bogus = `sha256:${"0".repeat(64)}`;
    expect(await setup().call("POST", "/images/create", { fromImage: "alpine", tag: bogus })).toMatchObject({
      status: 404,
      body: { message: `manifest for alpine@${bogus} not found: manifest unknown: manifest unknown` },
    });
  });
});
