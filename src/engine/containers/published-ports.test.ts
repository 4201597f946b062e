import { describe, expect, it, vi } from "vitest";
import { Engine, ManualClock, SeededIdSource } from "../index.js";

async function withRedis() {
  const engine = new Engine({ clock: new ManualClock(), ids: new SeededIdSource(3) });
  const pull = await engine.handle({ method: "POST", path: "/images/create", query: { fromImage: "redis", tag: "7" } });
  if (pull.stream?.kind === "json-lines") for await (const _ of pull.stream.messages) void _;
  return engine;
}

describe("published ports at start", () => {
  it("-P gives every exposed port an ephemeral host port, in port order", async () => {
    const engine = await withRedis();
    const { Id } = engine.containers.create({ Image: "redis:7", ExposedPorts: { "7000/tcp": {} }, HostConfig: { PublishAllPorts: true } }, "all");
    engine.containers.start(Id);
    const ports = engine.containers.get(Id).Ports;
    expect(ports["6379/tcp"]?.map((b) => `${b.HostIp}:${b.HostPort}`)).toEqual(["0.0.0.0:32768", ":::32768"]);
    expect(ports["7000/tcp"]?.[0]?.HostPort).toBe("32769");
  });

  it("a binding keyed without a protocol is the port's tcp form", async () => {
    const engine = await withRedis();
    const { Id } = engine.containers.create({ Image: "redis:7", HostConfig: { PortBindings: { "6379": [{ HostIp: "", HostPort: "0" }] } } }, "bare");
    engine.containers.start(Id);
    expect(Object.keys(engine.containers.get(Id).Ports)).toEqual(["6379/tcp"]);
  });

  it("/proc/net/tcp lists the ports the container's services listen on, read afresh", async () => {
    const engine = await withRedis();
    const { Id } = engine.containers.create({ Image: "redis:7" }, "listens");
    engine.containers.start(Id);
    const view = engine.fs.view(engine.containers.get(Id));
    // redis-server's code arrives on first use; the table follows once it listens.
    await vi.waitFor(async () => expect((await view.readFile("/proc/net/tcp")).split("\n")[1]).toMatch(/^ {3}0: 00000000:18EB 00000000:0000 0A /), { timeout: 5000 });
    engine.containers.kill(Id);
    expect((await view.readFile("/proc/net/tcp")).split("\n")).toHaveLength(2);
  });
});
