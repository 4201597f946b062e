import { describe, expect, it } from "vitest";
import { Engine, ManualClock, SeededIdSource, type ApiRequest } from "../index.js";

interface Frame {
  name: string;
  read: string;
  preread: string;
  cpu_stats: { cpu_usage: { total_usage: number }; system_cpu_usage?: number; online_cpus?: number };
  precpu_stats: { cpu_usage: { total_usage: number }; system_cpu_usage?: number };
  memory_stats: { usage?: number };
}

async function setup() {
  const clock = new ManualClock();
  const engine = new Engine({ clock, ids: new SeededIdSource(8) });
  const call = (method: string, path: string, extra: Partial<ApiRequest> = {}) => engine.handle({ method, path, ...extra });
  const pulled = await call("POST", "/images/create", { query: { fromImage: "redis", tag: "latest" } });
  if (pulled.stream?.kind === "json-lines") for await (const _ of pulled.stream.messages);
  await call("POST", "/containers/create", { query: { name: "cache" }, body: { Image: "redis" } });
  await call("POST", "/containers/cache/start");
  return { clock, call };
}

describe("GET /containers/{id}/stats", () => {
  it("streams a frame per second of the engine clock, each with the previous sample as precpu", async () => {
    const { clock, call } = await setup();
    const response = await call("GET", "/containers/cache/stats");
    if (response.stream?.kind !== "json-lines") throw new Error("not a stream");
    const iterator = response.stream.messages[Symbol.asyncIterator]();
    const first = (await iterator.next()).value as Frame;
    // The first frame has no earlier sample, as the daemon's stream starts.
    expect(first).toMatchObject({ name: "/cache", read: "2026-01-15T09:00:00Z", preread: "0001-01-01T00:00:00Z", precpu_stats: { cpu_usage: { total_usage: 0 } } });
    expect(first.precpu_stats.system_cpu_usage).toBeUndefined();
    clock.advance(1000);
    const second = (await iterator.next()).value as Frame;
    expect(second.read).toBe("2026-01-15T09:00:01Z");
    expect(second.preread).toBe(first.read);
    expect(second.precpu_stats).toEqual(first.cpu_stats);
    const cpu = (second.cpu_stats.cpu_usage.total_usage - first.cpu_stats.cpu_usage.total_usage) / ((second.cpu_stats.system_cpu_usage ?? 0) - (first.cpu_stats.system_cpu_usage ?? 0));
    expect((cpu * 4 * 100).toFixed(2)).toBe("0.21");
    clock.advance(1000);
    expect(((await iterator.next()).value as Frame).preread).toBe(second.read);
    await iterator.return?.();
  });

  it("reports a stopped container with its name and id only, and ends when it is removed", async () => {
    const { clock, call } = await setup();
    const response = await call("GET", "/containers/cache/stats", { query: { stream: "1" } });
    if (response.stream?.kind !== "json-lines") throw new Error("not a stream");
    const iterator = response.stream.messages[Symbol.asyncIterator]();
    await iterator.next();
    await call("POST", "/containers/cache/kill");
    clock.advance(1000);
    expect((await iterator.next()).value).toMatchObject({ name: "/cache", read: "0001-01-01T00:00:00Z", memory_stats: {}, pids_stats: {} });
    await call("DELETE", "/containers/cache");
    expect((await iterator.next()).done).toBe(true);
  });

  it("answers stream=0 and one-shot with a single document, and refuses both at once", async () => {
    const { clock, call } = await setup();
    clock.advance(10_000);
    const once = (await call("GET", "/containers/cache/stats", { query: { stream: "0" } })).body as Frame;
    expect(once.preread).toBe("2026-01-15T09:00:09Z");
    const shot = (await call("GET", "/containers/cache/stats", { query: { stream: "0", "one-shot": "1" } })).body as Frame;
    expect(shot.preread).toBe("0001-01-01T00:00:00Z");
    expect(await call("GET", "/containers/cache/stats", { query: { "one-shot": "1" } })).toMatchObject({ status: 400, body: { message: "cannot have stream=true and one-shot=true" } });
  });
});
