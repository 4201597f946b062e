import { describe, expect, it } from "vitest";
import { Engine, ManualClock, SeededIdSource, type ApiRequest, type ApiResponse } from "../index.js";

interface Event {
  status?: string;
  id?: string;
  from?: string;
  Type: string;
  Action: string;
  Actor: { ID: string; Attributes: Record<string, string> };
  scope: string;
  time: number;
  timeNano: number;
}

const t0 = Date.parse("2026-01-15T09:00:00Z") / 1000;

async function setup() {
  const clock = new ManualClock();
  const engine = new Engine({ clock, ids: new SeededIdSource(3) });
  const call = (method: string, path: string, extra: Partial<ApiRequest> = {}) => engine.handle({ method, path, ...extra });
  const pulled = await call("POST", "/images/create", { query: { fromImage: "alpine", tag: "latest" } });
  if (pulled.stream?.kind === "json-lines") for await (const _ of pulled.stream.messages);
  return { clock, engine, call };
}

/** Everything a finished events stream holds. */
async function drain(response: ApiResponse): Promise<Event[]> {
  const out: Event[] = [];
  if (response.stream?.kind === "json-lines") for await (const m of response.stream.messages) out.push(m as Event);
  return out;
}

const sets = (filters: Record<string, string[]>) => JSON.stringify(Object.fromEntries(Object.entries(filters).map(([k, v]) => [k, Object.fromEntries(v.map((x) => [x, true]))])));

async function history(env: Awaited<ReturnType<typeof setup>>) {
  const { clock, call } = env;
  clock.advance(1000);
  await call("POST", "/volumes/create", { body: { Name: "data" } });
  await call("POST", "/networks/create", { body: { Name: "backend" } });
  await call("POST", "/containers/create", { query: { name: "web" }, body: { Image: "alpine", Cmd: ["sleep", "60"], Labels: { tier: "front" }, HostConfig: { Binds: ["data:/data"], NetworkMode: "backend" } } });
  clock.advance(1000);
  await call("POST", "/containers/web/start");
  clock.advance(1000);
  await call("POST", "/containers/create", { query: { name: "job" }, body: { Image: "alpine:latest", Cmd: ["true"] } });
  await call("POST", "/containers/job/start");
  clock.advance(1000);
}

/** The history, then enough time for any until within it to have passed. */
async function past(env: Awaited<ReturnType<typeof setup>>) {
  await history(env);
  env.clock.advance(60_000);
}

describe("GET /events: since, until and replay", () => {
  it("replays what happened between since and until, then ends", async () => {
    const env = await setup();
    await history(env);
    const events = await drain(await env.call("GET", "/events", { query: { since: String(t0 + 1), until: String(t0 + 2) } }));
    expect(events.map((e) => `${e.Type} ${e.Action}`)).toEqual(["volume create", "network create", "container create", "network connect", "volume mount", "container start"]);
  });

  it("with until alone replays every kept event up to it (loadBufferedEvents)", async () => {
    const env = await setup();
    await history(env);
    const events = await drain(await env.call("GET", "/events", { query: { until: String(t0 + 1) } }));
    expect(events.map((e) => `${e.Type} ${e.Action}`)).toEqual(["image pull", "volume create", "network create", "container create"]);
  });

  it("reads fractions of a second in since", async () => {
    const env = await setup();
    await past(env);
    const events = await drain(await env.call("GET", "/events", { query: { since: `${t0 + 2}.5`, until: String(t0 + 4) } }));
    expect(events.map((e) => e.Actor.Attributes["name"])).toEqual(["job", "bridge", "job", "bridge", "job"]);
  });

  it("streams live events after the replay and ends when until passes on the engine clock", async () => {
    const env = await setup();
    const response = await env.call("GET", "/events", { query: { since: String(t0), until: String(t0 + 5) } });
    const collected = drain(response);
    await history(env);
    await env.call("POST", "/containers/web/pause");
    env.clock.advance(2000);
    await env.call("POST", "/containers/web/unpause");
    const events = await collected;
    expect(events.map((e) => e.Action)).toEqual(["pull", "create", "create", "create", "connect", "mount", "start", "create", "connect", "start", "disconnect", "die", "pause"]);
  });

  it("without since or until replays nothing and streams until the client goes away", async () => {
    const env = await setup();
    await history(env);
    const listeners = env.engine.ctx.events.listenerCount;
    const response = await env.call("GET", "/events");
    const stream = response.stream;
    if (stream?.kind !== "json-lines") throw new Error("no stream");
    const iterator = stream.messages[Symbol.asyncIterator]();
    const next = iterator.next();
    await env.call("POST", "/containers/web/pause");
    expect(((await next).value as Event).Action).toBe("pause");
    await iterator.return?.();
    expect(env.engine.ctx.events.listenerCount).toBe(listeners);
  });

  it("refuses since after until, and a malformed time, with the daemon's texts", async () => {
    const { call } = await setup();
    expect(await call("GET", "/events", { query: { since: "20", until: "10" } })).toMatchObject({ status: 400, body: { message: "`since` time (20) cannot be after `until` time (10)" } });
    expect(await call("GET", "/events", { query: { since: "yesterday" } })).toMatchObject({ status: 500, body: { message: 'strconv.ParseInt: parsing "yesterday": invalid syntax' } });
    expect(await call("GET", "/events", { query: { filters: "{" } })).toMatchObject({ status: 400, body: { message: "invalid filter" } });
  });
});

describe("GET /events: filters (daemon/events/filter.go)", () => {
  async function filtered(filters: Record<string, string[]>) {
    const env = await setup();
    await past(env);
    const events = await drain(await env.call("GET", "/events", { query: { since: String(t0), until: String(t0 + 10), filters: sets(filters) } }));
    return events.map((e) => `${e.Type} ${e.Action} ${e.Actor.Attributes["name"] ?? ""}`.trim());
  }

  it("container matches an id or name prefix, on events of every type", async () => {
    expect(await filtered({ container: ["we"] })).toEqual(["container create web", "container start web"]);
  });

  it("type and event match exactly", async () => {
    expect(await filtered({ type: ["network"] })).toEqual(["network create backend", "network connect backend", "network connect bridge", "network disconnect bridge"]);
    expect(await filtered({ event: ["start", "pull"] })).toEqual(["image pull alpine:latest", "container start web", "container start job"]);
    expect(await filtered({ type: ["container"], event: ["die"] })).toEqual(["container die job"]);
  });

  it("image matches the id, the reference, or the repository without its tag", async () => {
    expect(await filtered({ image: ["alpine"] })).toEqual(["image pull alpine:latest", "container create web", "container start web", "container create job", "container start job", "container die job"]);
    // A tagged filter matches only what carries that tag: web was created from plain "alpine".
    expect(await filtered({ image: ["alpine:latest"], type: ["container"] })).toEqual(["container create job", "container start job", "container die job"]);
  });

  it("label matches the actor's attributes, key or key=value", async () => {
    expect(await filtered({ label: ["tier=front"] })).toEqual(["container create web", "container start web"]);
    expect(await filtered({ label: ["tier=back"] })).toEqual([]);
  });

  it("network, volume and scope", async () => {
    expect(await filtered({ network: ["back"] })).toEqual(["network create backend", "network connect backend"]);
    expect(await filtered({ volume: ["data"] })).toEqual(["volume create", "volume mount"]);
    expect(await filtered({ scope: ["swarm"] })).toEqual([]);
    expect(await filtered({ scope: ["local"], type: ["volume"] })).toEqual(["volume create", "volume mount"]);
  });

  it("accepts the swarm keys and unknown keys without complaint", async () => {
    expect(await filtered({ service: ["x"] })).toEqual([]);
    expect(await filtered({ colour: ["red"], type: ["volume"] })).toEqual(["volume create", "volume mount"]);
  });
});

describe("event documents", () => {
  it("carry the legacy fields for containers, Go's key order and sorted attributes", async () => {
    const env = await setup();
    await history(env);
    const [event] = await drain(await env.call("GET", "/events", { query: { since: String(t0 + 1), until: String(t0 + 1), filters: sets({ container: ["web"] }) } }));
    const id = (await env.call("GET", "/containers/web/json")).body as { Id: string };
    expect(JSON.stringify(event)).toBe(
      JSON.stringify({
        status: "create",
        id: id.Id,
        from: "alpine",
        Type: "container",
        Action: "create",
        Actor: { ID: id.Id, Attributes: { image: "alpine", name: "web", tier: "front" } },
        scope: "local",
        time: t0 + 1,
        timeNano: (t0 + 1) * 1e9,
      }),
    );
  });

  it("mount a container's volumes after its networks and unmount them before it dies", async () => {
    const env = await setup();
    await env.call("POST", "/containers/create", { query: { name: "vv" }, body: { Image: "alpine", Cmd: ["true"], HostConfig: { Binds: ["vol:/data:ro"] } } });
    await env.call("POST", "/containers/vv/start");
    env.clock.advance(60_000);
    const id = ((await env.call("GET", "/containers/vv/json")).body as { Id: string }).Id;
    const events = await drain(await env.call("GET", "/events", { query: { since: String(t0), until: String(t0 + 1), filters: sets({ type: ["volume", "container"], event: ["mount", "unmount", "start", "die"] }) } }));
    expect(events.map((e) => [e.Type, e.Action, e.Actor.ID, e.Actor.Attributes])).toEqual([
      ["volume", "mount", "vol", { container: id, destination: "/data", driver: "local", propagation: "", "read/write": "false" }],
      ["container", "start", id, { image: "alpine", name: "vv" }],
      ["volume", "unmount", "vol", { container: id, driver: "local" }],
      ["container", "die", id, { execDuration: "0", exitCode: "0", image: "alpine", name: "vv" }],
    ]);
  });

  it("name untag events by the image id, as the daemon does", async () => {
    const env = await setup();
    await env.call("POST", "/images/alpine/tag", { query: { repo: "mine", tag: "1" } });
    await env.call("DELETE", "/images/mine:1");
    env.clock.advance(60_000);
    const events = await drain(await env.call("GET", "/events", { query: { since: String(t0), until: String(t0 + 1), filters: sets({ event: ["untag", "tag"] }) } }));
    const imageId = ((await env.call("GET", "/images/alpine/json")).body as { Id: string }).Id;
    expect(events.map((e) => [e.Action, e.Actor.ID, e.Actor.Attributes["name"]])).toEqual([
      ["tag", imageId, "mine:1"],
      ["untag", imageId, imageId],
    ]);
  });
});
