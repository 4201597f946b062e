import { describe, expect, it } from "vitest";
import { Engine, ManualClock, SeededIdSource, type ApiRequest } from "../index.js";

function setup() {
  const engine = new Engine({ clock: new ManualClock(), ids: new SeededIdSource(11), hostname: "playground-host" });
  const call = (method: string, path: string, extra: Partial<ApiRequest> = {}) => engine.handle({ method, path, ...extra });
  return { engine, call };
}

const serverHeaders = { "Api-Version": "1.50", Ostype: "linux", Server: "Docker/28.2.2 (linux)" };

describe("/_ping", () => {
  const pingHeaders = {
    ...serverHeaders,
    "Builder-Version": "1",
    "Docker-Experimental": "false",
    Ostype: "linux",
    Swarm: "inactive",
    "Cache-Control": "no-cache, no-store, must-revalidate",
    Pragma: "no-cache",
    "Content-Type": "text/plain; charset=utf-8",
  };

  it("answers GET with OK and the headers clients negotiate from", async () => {
    expect(await setup().call("GET", "/_ping")).toEqual({ status: 200, headers: pingHeaders, body: "OK" });
  });

  it("answers HEAD with the same headers and an empty body", async () => {
    expect(await setup().call("HEAD", "/_ping")).toEqual({ status: 200, headers: pingHeaders, body: "" });
  });

  it("answers on a versioned path too", async () => {
    expect(await setup().call("GET", "/v1.50/_ping")).toMatchObject({ status: 200, body: "OK" });
  });
});

describe("API versions in the path", () => {
  it.each(["/version", "/v1.50/version", "/v1.24/version", "/v1.47/version", "/v1.41/version"])(
    "serves %s",
    async (path) => {
      const response = await setup().call("GET", path);
      expect(response.status).toBe(200);
      expect(response.headers).toEqual(serverHeaders);
      expect(response.body).toMatchObject({ ApiVersion: "1.50" });
    },
  );

  it("rejects a version above 1.50 with the daemon's text", async () => {
    expect(await setup().call("GET", "/v1.51/containers/json")).toMatchObject({
      status: 400,
      body: { message: "client version 1.51 is too new. Maximum supported API version is 1.50" },
    });
    expect(await setup().call("GET", "/v2.0/version")).toMatchObject({
      status: 400,
      body: { message: "client version 2.0 is too new. Maximum supported API version is 1.50" },
    });
  });

  it("rejects a version below 1.24 with the daemon's text", async () => {
    expect(await setup().call("GET", "/v1.23/containers/json")).toMatchObject({
      status: 400,
      body: { message: "client version 1.23 is too old. Minimum supported API version is 1.24, please upgrade your client to a newer version" },
    });
  });

  it("sends the Server and Api-Version headers with a version error too", async () => {
    expect((await setup().call("GET", "/v1.51/version")).headers).toMatchObject(serverHeaders);
  });

  it("ignores a query string left in the path", async () => {
    expect(await setup().call("GET", "/v1.50/containers/json?all=1")).toMatchObject({ status: 200, body: [] });
  });
});

describe("routing errors", () => {
  it.each([
    ["GET", "/nope"],
    ["GET", "/v1.50/containers"],
    ["PUT", "/containers/json"],
    ["POST", "/_ping"],
    // The version prefix's "(/.*)$" stops at a line terminator, so no route sees such a path.
    ["GET", "/v1.41/containers/a\nb/json"],
  ])("%s %s is 404 page not found", async (method, path) => {
    expect(await setup().call(method, path)).toMatchObject({ status: 404, body: { message: "page not found" } });
  });

  it("accepts lowercase methods as HTTP servers do", async () => {
    expect(await setup().call("get", "/containers/json")).toMatchObject({ status: 200, body: [] });
  });

  it("answers a malformed JSON body with 400 and creates nothing", async () => {
    const { call } = setup();
    const response = await call("POST", "/containers/create", { body: '{"Image": "alpine",' });
    expect(response.status).toBe(400);
    expect(response.headers).toEqual(serverHeaders);
    expect(await call("GET", "/containers/json", { query: { all: "1" } })).toMatchObject({ body: [] });
  });

  it("words a malformed JSON body as the daemon does", async () => {
    const response = await setup().call("POST", "/containers/create", { body: '{"Image": "alpine",' });
    expect((response.body as { message: string }).message).toMatch(/^invalid JSON: /);
  });

  it("answers a non-integer limit with 400", async () => {
    expect(await setup().call("GET", "/containers/json", { query: { limit: "many" } })).toMatchObject({
      status: 400,
      body: { message: 'strconv.Atoi: parsing "many": invalid syntax' },
    });
  });

  it("wraps engine errors as {message} with the server headers", async () => {
    expect(await setup().call("GET", "/containers/missing/json")).toEqual({
      status: 404,
      headers: serverHeaders,
      body: { message: "No such container: missing" },
    });
  });

  it("answers 304 with no body", async () => {
    const { engine, call } = setup();
    const pulled = await call("POST", "/images/create", { query: { fromImage: "alpine", tag: "latest" } });
    if (pulled.stream?.kind === "json-lines") for await (const _ of pulled.stream.messages);
    await call("POST", "/containers/create", { query: { name: "idle" }, body: { Image: "alpine", Cmd: ["sleep", "60"] } });
    await call("POST", "/containers/idle/start");
    expect(await engine.handle({ method: "POST", path: "/containers/idle/start" })).toEqual({ status: 304, headers: serverHeaders });
  });
});

describe("/version and /info", () => {
  it("describes Docker Engine 28.2.2 speaking API 1.50, with the Engine component the CLI reads", async () => {
    const body = (await setup().call("GET", "/version")).body;
    expect(body).toMatchObject({
      Version: "28.2.2",
      ApiVersion: "1.50",
      MinAPIVersion: "1.24",
      Os: "linux",
      Arch: "amd64",
      GoVersion: "go1.24.3",
      GitCommit: "45873be",
      KernelVersion: "6.10.14-linuxkit",
      BuildTime: "2025-05-30T12:07:26.000000000+00:00",
    });
    const components = (body as { Components: { Name: string; Version: string; Details: unknown }[] }).Components;
    expect(components.map((c) => c.Name)).toEqual(["Engine", "containerd", "runc", "docker-init"]);
    expect(components[0]).toMatchObject({
      Version: "28.2.2",
      Details: { ApiVersion: "1.50", MinAPIVersion: "1.24", Os: "linux", Arch: "amd64", Experimental: "false", GoVersion: "go1.24.3" },
    });
  });

  it("counts containers and images in /info, and names the daemon", async () => {
    const { engine, call } = setup();
    const pulled = await call("POST", "/images/create", { query: { fromImage: "alpine", tag: "latest" } });
    if (pulled.stream?.kind === "json-lines") for await (const _ of pulled.stream.messages);
    for (const [name, cmd] of [["up", ["sleep", "60"]], ["done", ["true"]]] as const) {
      await call("POST", "/containers/create", { query: { name }, body: { Image: "alpine", Cmd: cmd } });
      await call("POST", `/containers/${name}/start`);
    }
    await call("POST", "/containers/create", { query: { name: "fresh" }, body: { Image: "alpine" } });
    expect((await call("GET", "/info")).body).toMatchObject({
      ID: engine.daemonId,
      Name: "playground-host",
      Containers: 3,
      ContainersRunning: 1,
      ContainersPaused: 0,
      ContainersStopped: 2,
      Images: 1,
      ServerVersion: "28.2.2",
      OSType: "linux",
      Architecture: "x86_64",
      Driver: "overlay2",
      LoggingDriver: "json-file",
      CgroupVersion: "2",
      DefaultRuntime: "runc",
      IndexServerAddress: "https://index.docker.io/v1/",
      ExperimentalBuild: false,
      Labels: [],
      Swarm: { LocalNodeState: "inactive" },
    });
    expect(engine.daemonId).toMatch(/^[0-9a-f]{64}$/);
  });

  it("gives SystemTime in RFC 3339 with nanoseconds, trailing zeros trimmed", async () => {
    expect((await setup().call("GET", "/info")).body).toMatchObject({ SystemTime: "2026-01-15T09:00:00Z" });
  });
});
