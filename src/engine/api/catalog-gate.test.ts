// The catalog is loaded before every test file (images/testing/load-catalog.ts); these tests
// start from a fresh module graph, where it is not, to see the router fetch it on first use.
import { afterEach, describe, expect, it, vi } from "vitest";
import type * as EngineEntry from "../index.js";
import { Engine, ManualClock, SeededIdSource, type ApiRequest, type ApiResponse, type EngineSnapshot } from "../index.js";

type EngineModule = typeof EngineEntry;

async function coldModules(): Promise<EngineModule & { catalogState: () => string }> {
  vi.resetModules();
  const engine = await import("../index.js");
  const { catalogState } = await import("../images/index.js");
  return { ...engine, catalogState };
}

function caller(engine: { handle(request: ApiRequest): Promise<ApiResponse> }) {
  return (method: string, path: string, extra: Partial<ApiRequest> = {}) => engine.handle({ method, path, ...extra });
}

/** The messages of a json-lines answer, read to the end. */
async function drain(response: ApiResponse): Promise<unknown[]> {
  const out: unknown[] = [];
  if (response.stream?.kind === "json-lines") for await (const message of response.stream.messages) out.push(message);
  return out;
}

afterEach(() => {
  vi.doUnmock("../images/catalog.js");
});

describe("a daemon whose image catalog has not been fetched", () => {
  it("answers the listings a page starts with, and a first docker ps, without fetching it", async () => {
    const cold = await coldModules();
    const call = caller(new cold.Engine({ clock: new cold.ManualClock(), ids: new cold.SeededIdSource(1) }));
    for (const path of ["/_ping", "/version", "/v1.50/containers/json?all=1", "/containers/json", "/images/json", "/volumes", "/networks"]) {
      const [bare = ""] = path.split("?");
      const query = path.includes("all=1") ? { all: "1" } : undefined;
      expect((await call("GET", bare, query ? { query } : {})).status, path).toBe(200);
    }
    expect(cold.catalogState()).toBe("unloaded");
  });

  it("fetches it for a pull, which then streams exactly what a loaded daemon streams", async () => {
    const cold = await coldModules();
    const coldCall = caller(new cold.Engine({ clock: new cold.ManualClock(), ids: new cold.SeededIdSource(2) }));
    const warmCall = caller(new Engine({ clock: new ManualClock(), ids: new SeededIdSource(2) }));
    const pull = { query: { fromImage: "alpine", tag: "latest" } };
    const coldMessages = await drain(await coldCall("POST", "/images/create", pull));
    expect(cold.catalogState()).toBe("loaded");
    expect(coldMessages).toEqual(await drain(await warmCall("POST", "/images/create", pull)));
    expect((await coldCall("GET", "/images/json")).body).toEqual((await warmCall("GET", "/images/json")).body);
  });

  it("fetches it for docker ps --size, whose sizes come from the image layers", async () => {
    const cold = await coldModules();
    const call = caller(new cold.Engine({ clock: new cold.ManualClock(), ids: new cold.SeededIdSource(3) }));
    expect((await call("GET", "/containers/json", { query: { size: "1" } })).status).toBe(200);
    expect(cold.catalogState()).toBe("loaded");
  });

  it("answers in arrival order while it loads: a listing asked for later does not overtake", async () => {
    const cold = await coldModules();
    const call = caller(new cold.Engine({ clock: new cold.ManualClock(), ids: new cold.SeededIdSource(4) }));
    const order: string[] = [];
    const create = call("POST", "/containers/create", { body: { Image: "no-such-image" } }).then((r) => order.push(`create ${r.status}`));
    const list = call("GET", "/containers/json").then(() => order.push("list"));
    await Promise.all([create, list]);
    expect(order).toEqual(["create 404", "list"]);
  });

  it("brings restarting containers back once it has fetched it, as a loaded daemon does", async () => {
    const warm = new Engine({ clock: new ManualClock(), ids: new SeededIdSource(5) });
    const call = caller(warm);
    await drain(await call("POST", "/images/create", { query: { fromImage: "alpine", tag: "latest" } }));
    const created = await call("POST", "/containers/create", {
      query: { name: "keeper" },
      body: { Image: "alpine", Cmd: ["sleep", "1000"], HostConfig: { RestartPolicy: { Name: "always" } } },
    });
    expect((await call("POST", `/containers/${(created.body as { Id: string }).Id}/start`)).status).toBe(204);
    const snapshot: EngineSnapshot = warm.snapshot();

    const cold = await coldModules();
    const restored = new cold.Engine({ clock: new cold.ManualClock(), ids: new cold.SeededIdSource(6), snapshot });
    expect(cold.catalogState()).toBe("loading");
    const coldList = await caller(restored)("GET", "/containers/json", { query: { all: "1" } });
    const warmList = await caller(new Engine({ clock: new ManualClock(), ids: new SeededIdSource(6), snapshot }))("GET", "/containers/json", { query: { all: "1" } });
    expect(coldList.body).toEqual(warmList.body);
    expect(coldList.body).toMatchObject([{ Names: ["/keeper"], State: "running" }]);
  });

  it("answers 500 when it cannot be fetched, and fetches it again for the next request", async () => {
    const cold = await coldModules();
    vi.doMock("../images/catalog.js", () => {
      throw new Error("network error");
    });
    const call = caller(new cold.Engine({ clock: new cold.ManualClock(), ids: new cold.SeededIdSource(7) }));
    const failed = await call("GET", "/images/search", { query: { term: "alpine" } });
    expect(failed.status).toBe(500);
    expect(failed.body).toMatchObject({ message: expect.stringContaining("image catalog unavailable") });
    expect(cold.catalogState()).toBe("unloaded");
    vi.doUnmock("../images/catalog.js");
    expect((await call("GET", "/images/search", { query: { term: "alpine" } })).status).toBe(200);
  });
});
