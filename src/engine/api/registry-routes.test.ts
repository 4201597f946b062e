import { describe, expect, it } from "vitest";
import type { ContainerRecord } from "../containers/container-record.js";
import { encodeAuthConfig } from "../image-store/auth-config.js";
import { lookupCatalog } from "../images/index.js";
import { Engine, ManualClock, SeededIdSource, type ApiRequest } from "../index.js";

const learner = { username: "learner", password: "playground", serveraddress: "https://index.docker.io/v1/" };
const loggedIn = { "X-Registry-Auth": encodeAuthConfig(learner) };
const anonymous = { "X-Registry-Auth": "e30=" };

type Message = { status?: string; id?: string; progressDetail?: unknown; error?: string; aux?: unknown };

function setup() {
  const engine = new Engine({ clock: new ManualClock(), ids: new SeededIdSource(7) });
  const call = (method: string, path: string, extra: Partial<ApiRequest> = {}) => engine.handle({ method, path, ...extra });
  const stream = async (method: string, path: string, extra: Partial<ApiRequest> = {}) => {
    const response = await call(method, path, extra);
    const messages: Message[] = [];
    if (response.stream?.kind === "json-lines") for await (const m of response.stream.messages) messages.push(m as Message);
    return { response, messages, lines: messages.filter((m) => m.aux === undefined).map((m) => m.error ?? (m.id ? `${m.id}: ${m.status}` : m.status)) };
  };
  const pull = (fromImage: string, tag = "latest") => stream("POST", "/images/create", { query: { fromImage, tag } });
  const tag = (image: string, repo: string, tagName: string) => call("POST", `/images/${image}/tag`, { query: { repo, tag: tagName } });
  const push = (name: string, tagName: string | undefined, headers: Record<string, string>) =>
    stream("POST", `/images/${name}/push`, { query: tagName ? { tag: tagName } : {}, headers });
  return { engine, call, stream, pull, tag, push };
}

/** The layer ids a push shows: the first 12 hex of each diff id, top layer first. */
function pushIds(name: string, tag = "latest"): string[] {
  const found = lookupCatalog(name, tag);
  if (!found) throw new Error(`${name}:${tag} is not in the catalog`);
  return found.layers.map((l) => l.diffId.slice(7, 19)).reverse();
}

/** A registry container as the runtime leaves it once started with -p 5000:5000. */
async function runningRegistry(engine: Engine, call: ReturnType<typeof setup>["call"], hostPort = "5000"): Promise<string> {
  const created = await call("POST", "/containers/create", {
    query: { name: "reg" },
    body: { Image: "registry:2", HostConfig: { PortBindings: { "5000/tcp": [{ HostIp: "", HostPort: hostPort }] } } },
  });
  const id = (created.body as { Id: string }).Id;
  const record = engine.ctx.store.get<ContainerRecord>("container", id);
  if (!record) throw new Error("registry container was not created");
  record.State.Running = true;
  record.State.Status = "running";
  record.Ports = { "5000/tcp": [{ HostIp: "0.0.0.0", HostPort: hostPort }, { HostIp: "::", HostPort: hostPort }] };
  engine.ctx.store.put("container", id, record);
  return id;
}

describe("POST /auth", () => {
  it("logs the demo account in to Docker Hub", async () => {
    const { call } = setup();
    expect(await call("POST", "/auth", { body: learner })).toMatchObject({ status: 200, body: { Status: "Login Succeeded", IdentityToken: "" } });
    expect(await call("POST", "/auth", { body: { username: "learner", password: "playground" } })).toMatchObject({ status: 200 });
  });

  it("answers 401 with the Hub's words, as dockerd relays them, for anything else", async () => {
    const { call } = setup();
    for (const body of [{ ...learner, password: "nope" }, { username: "xpto", password: "x" }, {}]) {
      expect(await call("POST", "/auth", { body })).toMatchObject({
        status: 401,
        body: { message: 'Get "https://registry-1.docker.io/v2/": unauthorized: incorrect username or password' },
      });
    }
  });

  it("cannot reach a registry on localhost when no container serves it", async () => {
    const { call } = setup();
    expect(await call("POST", "/auth", { body: { username: "a", password: "b", serveraddress: "localhost:5000" } })).toMatchObject({
      status: 500,
      body: { message: 'Get "http://localhost:5000/v2/": dial tcp [::1]:5000: connect: connection refused' },
    });
  });

  it("lets anyone in to a registry container, which has no auth configured", async () => {
    const { engine, call, pull } = setup();
    await pull("registry", "2");
    await runningRegistry(engine, call);
    expect(await call("POST", "/auth", { body: { username: "a", password: "b", serveraddress: "localhost:5000" } })).toMatchObject({
      status: 200,
      body: { Status: "Login Succeeded" },
    });
  });

  it("answers an empty body with the decoder's EOF", async () => {
    expect(await setup().call("POST", "/auth")).toMatchObject({ status: 500, body: { message: "EOF" } });
  });
});

describe("POST /images/{name}/push to Docker Hub", () => {
  it("is denied without a login, after naming the repository and preparing the layers", async () => {
    const { pull, tag, push } = setup();
    await pull("alpine");
    await tag("alpine", "docker.io/learner/app", "1");
    const { response, lines, messages } = await push("docker.io/learner/app", "1", anonymous);
    expect(response.status).toBe(200);
    const [id] = pushIds("alpine");
    expect(lines).toEqual(["The push refers to repository [docker.io/learner/app]", `${id}: Preparing`, "denied: requested access to the resource is denied"]);
    expect(messages.at(-1)).toEqual({
      errorDetail: { message: "denied: requested access to the resource is denied" },
      error: "denied: requested access to the resource is denied",
    });
  });

  it("mounts layers pulled from an official repository, then reports the manifest", async () => {
    const { pull, tag, push } = setup();
    await pull("nginx");
    await tag("nginx", "docker.io/learner/web", "1");
    const ids = pushIds("nginx");
    const { lines, messages } = await push("docker.io/learner/web", "1", loggedIn);
    const digest = /^1: digest: (sha256:[0-9a-f]{64}) size: (\d+)$/.exec(lines.at(-1) ?? "");
    expect(digest).not.toBeNull();
    expect(lines).toEqual([
      "The push refers to repository [docker.io/learner/web]",
      ...ids.map((id) => `${id}: Preparing`),
      // Five uploads run at once; the rest wait for a slot.
      ...ids.slice(5).map((id) => `${id}: Waiting`),
      ...ids.map((id) => `${id}: Mounted from library/nginx`),
      lines.at(-1),
    ]);
    expect(messages.at(-1)).toEqual({ progressDetail: {}, aux: { Tag: "1", Digest: digest?.[1], Size: Number(digest?.[2]) } });
  });

  it("finds every layer already there on a second push, and records the repo digest locally", async () => {
    const { call, pull, tag, push } = setup();
    await pull("alpine");
    await tag("alpine", "docker.io/learner/app", "1");
    const first = await push("docker.io/learner/app", "1", loggedIn);
    const again = await push("docker.io/learner/app", "1", loggedIn);
    const [id] = pushIds("alpine");
    expect(again.lines.slice(1, 3)).toEqual([`${id}: Preparing`, `${id}: Layer already exists`]);
    expect(again.lines.at(-1)).toBe(first.lines.at(-1));
    const digest = first.lines.at(-1)?.split(" ")[2];
    const inspect = await call("GET", "/images/learner/app:1/json");
    expect((inspect.body as { RepoDigests: string[] }).RepoDigests).toContain(`learner/app@${digest}`);
  });

  it("refuses official repositories and other namespaces even when logged in", async () => {
    const { pull, tag, push } = setup();
    await pull("alpine");
    await tag("alpine", "docker.io/someone/app", "1");
    const [id] = pushIds("alpine");
    // The layers are readable in library/alpine; the manifest is what the Hub refuses.
    expect((await push("docker.io/library/alpine", "latest", loggedIn)).lines).toEqual([
      "The push refers to repository [docker.io/library/alpine]",
      `${id}: Preparing`,
      `${id}: Layer already exists`,
      "denied: requested access to the resource is denied",
    ]);
    expect((await push("docker.io/someone/app", "1", loggedIn)).lines.at(-1)).toBe("denied: requested access to the resource is denied");
  });

  it("names a missing repository or tag in-stream", async () => {
    const { pull, tag, push } = setup();
    await pull("alpine");
    await tag("alpine", "docker.io/learner/app", "1");
    expect((await push("docker.io/learner/nothing", "latest", loggedIn)).lines).toEqual([
      "The push refers to repository [docker.io/learner/nothing]",
      "An image does not exist locally with the tag: learner/nothing",
    ]);
    expect((await push("docker.io/learner/app", "2", loggedIn)).lines).toEqual([
      "The push refers to repository [docker.io/learner/app]",
      "tag does not exist: learner/app:2",
    ]);
  });

  it("pushes every tag of the repository when no tag is given", async () => {
    const { pull, tag, push } = setup();
    await pull("alpine");
    await tag("alpine", "docker.io/learner/app", "2");
    await tag("alpine", "docker.io/learner/app", "1");
    const { lines } = await push("docker.io/learner/app", undefined, loggedIn);
    expect(lines.filter((l) => /digest:/.test(l ?? "")).map((l) => l?.split(":")[0])).toEqual(["1", "2"]);
    // The second tag's layer was put in place by the first.
    expect(lines.filter((l) => l?.endsWith("Layer already exists"))).toHaveLength(1);
  });

  it("uses the credentials of the header, and a wrong password fails as the token service does", async () => {
    const { pull, tag, push } = setup();
    await pull("alpine");
    await tag("alpine", "docker.io/learner/app", "1");
    const wrong = { "X-Registry-Auth": encodeAuthConfig({ ...learner, password: "x" }) };
    expect((await push("docker.io/learner/app", "1", wrong)).lines.at(-1)).toBe("unauthorized: incorrect username or password");
  });

  it("publishes a push event", async () => {
    const { engine, pull, tag, push } = setup();
    await pull("alpine");
    await tag("alpine", "docker.io/learner/app", "1");
    const events: { Action: string; Actor: { ID: string; Attributes: Record<string, string> } }[] = [];
    engine.ctx.events.subscribe((e) => events.push(e));
    await push("docker.io/learner/app", "1", loggedIn);
    expect(events.filter((e) => e.Action === "push")).toEqual([expect.objectContaining({ Actor: { ID: "learner/app:1", Attributes: { name: "learner/app" } } })]);
  });
});

describe("pulling back what was pushed", () => {
  it("serves the pushed manifest from the Hub after the local tag is gone", async () => {
    const { call, pull, tag, push } = setup();
    await pull("alpine");
    await tag("alpine", "docker.io/learner/app", "1");
    const pushed = await push("docker.io/learner/app", "1", loggedIn);
    const digest = pushed.lines.at(-1)?.split(" ")[2];
    await call("DELETE", "/images/learner/app:1");
    await call("DELETE", "/images/alpine:latest");
    const { lines } = await pull("docker.io/learner/app", "1");
    expect(lines[0]).toBe("1: Pulling from learner/app");
    expect(lines.slice(-2)).toEqual([`Digest: ${digest}`, "Status: Downloaded newer image for learner/app:1"]);
    expect(lines).toContain(`${lookupCatalog("alpine", "latest")?.layers[0]?.digest.slice(7, 19)}: Pull complete`);
  });

  it("says manifest unknown for a missing tag and pull access denied for a missing repository", async () => {
    const { pull, tag, push, call } = setup();
    await pull("alpine");
    await tag("alpine", "docker.io/learner/app", "1");
    await push("docker.io/learner/app", "1", loggedIn);
    expect(await call("POST", "/images/create", { query: { fromImage: "docker.io/learner/app", tag: "2" } })).toMatchObject({
      status: 404,
      body: { message: "manifest for learner/app:2 not found: manifest unknown: manifest unknown" },
    });
    expect(await call("POST", "/images/create", { query: { fromImage: "docker.io/learner/other", tag: "latest" } })).toMatchObject({
      status: 404,
      body: { message: "pull access denied for learner/other, repository does not exist or may require 'docker login': denied: requested access to the resource is denied" },
    });
  });
});

describe("a registry container on localhost", () => {
  it("is unreachable until one runs: push fails in-stream, pull before the stream", async () => {
    const { call, pull, tag, push } = setup();
    await pull("alpine");
    await tag("alpine", "localhost:5000/app", "1");
    const refused = 'Get "http://localhost:5000/v2/": dial tcp [::1]:5000: connect: connection refused';
    expect((await push("localhost:5000/app", "1", anonymous)).lines).toEqual(["The push refers to repository [localhost:5000/app]", refused]);
    expect(await call("POST", "/images/create", { query: { fromImage: "localhost:5000/app", tag: "1" } })).toMatchObject({ status: 500, body: { message: refused } });
    expect(await call("POST", "/images/create", { query: { fromImage: "127.0.0.1:5001/app", tag: "1" } })).toMatchObject({
      body: { message: 'Get "http://127.0.0.1:5001/v2/": dial tcp 127.0.0.1:5001: connect: connection refused' },
    });
  });

  it("takes an anonymous push, uploading layers it has never seen, and serves them back", async () => {
    const { engine, call, pull, tag, push } = setup();
    await pull("registry", "2");
    await pull("alpine");
    await runningRegistry(engine, call);
    await tag("alpine", "localhost:5000/app", "1");
    const [id] = pushIds("alpine");
    const first = await push("localhost:5000/app", "1", anonymous);
    expect(first.lines.slice(0, 3)).toEqual(["The push refers to repository [localhost:5000/app]", `${id}: Preparing`, `${id}: Pushed`]);
    expect(first.lines.at(-1)).toMatch(/^1: digest: sha256:[0-9a-f]{64} size: \d+$/);
    await tag("alpine", "localhost:5000/copy", "1");
    expect((await push("localhost:5000/copy", "1", anonymous)).lines[2]).toBe(`${id}: Mounted from app`);
    await call("DELETE", "/images/localhost:5000/app:1");
    const pulled = await pull("localhost:5000/app", "1");
    expect(pulled.lines.at(-1)).toBe("Status: Downloaded newer image for localhost:5000/app:1");
    expect(await call("POST", "/images/create", { query: { fromImage: "localhost:5000/nothing", tag: "latest" } })).toMatchObject({
      status: 404,
      body: { message: "manifest for localhost:5000/nothing:latest not found: manifest unknown: manifest unknown" },
    });
  });

  it("keeps its store with the container: a new registry container starts empty", async () => {
    const { engine, call, pull, tag, push } = setup();
    await pull("registry", "2");
    await pull("alpine");
    const first = await runningRegistry(engine, call);
    await tag("alpine", "localhost:5000/app", "1");
    await push("localhost:5000/app", "1", anonymous);
    await call("DELETE", `/containers/${first}`, { query: { force: "1" } });
    await runningRegistry(engine, call);
    expect(await call("POST", "/images/create", { query: { fromImage: "localhost:5000/app", tag: "1" } })).toMatchObject({ status: 404 });
  });
});

describe("GET /images/search", () => {
  it("finds official images by name and description, best match first", async () => {
    const { call } = setup();
    const { body } = await call("GET", "/images/search", { query: { term: "alpine" } });
    const results = body as { name: string; is_official: boolean; is_automated: boolean }[];
    expect(results[0]).toEqual({ star_count: expect.any(Number), is_official: true, name: "alpine", is_automated: false, description: expect.any(String) });
    expect(Object.keys(results[0] ?? {})).toEqual(["star_count", "is_official", "name", "is_automated", "description"]);
  });

  it("includes pushed repositories, limits before filtering, and checks its filters", async () => {
    const { call, pull, tag, push } = setup();
    await pull("alpine");
    await tag("alpine", "docker.io/learner/app", "1");
    await push("docker.io/learner/app", "1", loggedIn);
    const search = async (query: Record<string, string>) => (await call("GET", "/images/search", { query })).body as { name: string }[];
    expect((await search({ term: "learner" })).map((r) => r.name)).toEqual(["learner/app"]);
    expect(await search({ term: "learner", filters: '{"is-official":{"true":true}}' })).toEqual([]);
    expect(await search({ term: "a", limit: "2" })).toHaveLength(2);
    expect(await search({ term: "a", filters: '{"is-automated":["true"]}' })).toEqual([]);
    expect((await search({ term: "a", filters: '{"stars":["5000"]}' })).every((r) => (r as unknown as { star_count: number }).star_count >= 5000)).toBe(true);
    const error = async (query: Record<string, string>) => (await call("GET", "/images/search", { query })).body;
    expect(await error({ term: "a", filters: '{"foo":["1"]}' })).toEqual({ message: "invalid filter 'foo'" });
    expect(await error({ term: "a", filters: '{"is-official":["maybe"]}' })).toEqual({ message: "invalid filter 'is-official=[maybe]'" });
    expect(await error({ term: "a", filters: '{"stars":["x"]}' })).toEqual({ message: `invalid filter 'stars=x': strconv.Atoi: parsing "x": invalid syntax` });
    expect(await error({ term: "a", limit: "101" })).toEqual({ message: "limit 101 is outside the range of [1, 100]" });
    expect(await error({ term: "a", limit: "x" })).toEqual({ message: `invalid limit specified: strconv.Atoi: parsing "x": invalid syntax` });
  });
});

describe("GET /images/{name}/history", () => {
  it("gives each layer its own size and only the image its id and tags", async () => {
    const { call, pull } = setup();
    await pull("nginx");
    const nginx = lookupCatalog("nginx", "latest");
    const { body } = await call("GET", "/images/nginx/history");
    const items = body as { Id: string; Size: number; Tags: string[] | null; CreatedBy: string }[];
    expect(items[0]).toMatchObject({ Id: nginx?.image.Id, Tags: ["nginx:latest"] });
    expect(items.slice(1).every((h) => h.Id === "<missing>" && h.Tags === null)).toBe(true);
    const sizes = items.filter((h) => h.Size > 0).map((h) => h.Size).reverse();
    expect(sizes).toEqual(nginx?.layers.map((l) => l.size));
    expect(Object.keys(items[0] ?? {})).toEqual(["Comment", "Created", "CreatedBy", "Id", "Size", "Tags"]);
  });
});
