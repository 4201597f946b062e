import { describe, expect, it } from "vitest";
import { ManualClock } from "../../ports.js";
import { formatRaw, formatTty } from "./redis-cli.js";
import { RedisStore } from "./redis-store.js";
import { encodeCommand, encodeReply, parseCommands, parseReplies, splitArgs } from "./resp.js";
import { finish, TestNetwork, until, type TestContainer } from "./testing/container.js";

describe("RESP", () => {
  it("reads multibulk and inline commands, keeping what is incomplete", () => {
    const wire = `${encodeCommand(["SET", "k", "hello world"])}PING\r\n*2\r\n$3\r\nGET`;
    expect(parseCommands(wire)).toEqual({ commands: [["SET", "k", "hello world"], ["PING"]], rest: "*2\r\n$3\r\nGET" });
    expect(splitArgs(`set greeting "hi \\"you\\"\\n" 'a b'`)).toEqual(["set", "greeting", 'hi "you"\n', "a b"]);
    expect(splitArgs('get "open')).toBeUndefined();
  });

  it("writes replies and reads them back", () => {
    const text = encodeReply({ type: "array", value: [{ type: "bulk", value: "a" }, { type: "integer", value: 3 }, { type: "bulk", value: null }] }) + "+OK\r\n-ERR nope\r\n";
    expect(text).toBe("*3\r\n$1\r\na\r\n:3\r\n$-1\r\n+OK\r\n-ERR nope\r\n");
    expect(parseReplies(text)).toHaveLength(3);
  });
});

describe("redis-cli's formatting", () => {
  it("types and quotes on a terminal, prints raw text otherwise", () => {
    const nested = { type: "array" as const, value: [{ type: "bulk" as const, value: 'say "hi"\n' }, { type: "array" as const, value: [{ type: "integer" as const, value: 1 }, { type: "bulk" as const, value: null }] }] };
    expect(formatTty(nested)).toBe('1) "say \\"hi\\"\\n"\n2) 1) (integer) 1\n   2) (nil)\n');
    expect(formatTty({ type: "array", value: [] })).toBe("(empty array)\n");
    expect(formatTty({ type: "error", value: "ERR x" })).toBe("(error) ERR x\n");
    expect(formatRaw(nested)).toBe('say "hi"\n\n1\n');
  });
});

describe("the keyspace", () => {
  it("expires keys on the engine clock and reports TTLs", () => {
    const clock = new ManualClock(0);
    const store = new RedisStore(() => clock.now());
    expect(store.run("set", ["k", "v", "EX", "10"])).toEqual({ type: "status", value: "OK" });
    expect(store.run("ttl", ["k"])).toEqual({ type: "integer", value: 10 });
    clock.advance(9_999);
    expect(store.run("get", ["k"])).toEqual({ type: "bulk", value: "v" });
    clock.advance(1);
    expect(store.run("get", ["k"])).toEqual({ type: "bulk", value: null });
    expect(store.run("ttl", ["k"])).toEqual({ type: "integer", value: -2 });
  });

  it("answers type errors and bad arguments with Redis's words", () => {
    const store = new RedisStore(() => 0);
    store.run("lpush", ["l", "a"]);
    expect(store.run("get", ["l"])).toEqual({ type: "error", value: "WRONGTYPE Operation against a key holding the wrong kind of value" });
    store.run("set", ["s", "abc"]);
    expect(store.run("incr", ["s"])).toEqual({ type: "error", value: "ERR value is not an integer or out of range" });
    expect(store.run("get", [])).toEqual({ type: "error", value: "ERR wrong number of arguments for 'get' command" });
    store.run("mset", ["user:1", "a", "user:2", "b", "other", "c"]);
    expect(store.run("keys", ["user:*"])).toEqual({ type: "array", value: [{ type: "bulk", value: "user:1" }, { type: "bulk", value: "user:2" }] });
  });
});

async function sh(c: TestContainer, script: string) {
  const r = await finish(c.run(["sh", "-c", script]), c.clock);
  return { out: r.out(), err: r.err(), code: r.code() };
}

describe("redis-server and redis-cli", () => {
  it("serve another container by name, and keep the data in /data across a restart", async () => {
    const net = new TestNetwork();
    const cache = net.container("redis", "cache");
    const client = net.container("redis", "client");
    const server = cache.run(["redis-server"]);
    await until(() => server.out().includes("Ready to accept connections tcp"));
    expect(await sh(client, "redis-cli -h cache set greeting hello; redis-cli -h cache get greeting; redis-cli -h cache incr visits; redis-cli -h cache rpush l a b")).toEqual({
      out: "OK\nhello\n1\n2\n",
      err: "",
      code: 0,
    });
    expect(await sh(client, "redis-cli -h cache nope x")).toEqual({ out: "ERR unknown command 'nope', with args beginning with: 'x' \n", err: "", code: 1 });
    expect((await sh(client, "redis-cli -h nowhere ping")).err).toBe("Could not connect to Redis at nowhere:6379: Name or service not known\n");
    expect((await sh(client, "redis-cli -h cache -p 7000 ping")).err).toBe("Could not connect to Redis at cache:7000: Connection refused\n");

    server.process.signal("SIGTERM");
    await until(() => server.code() !== undefined);
    expect(server.out()).toMatch(/\* Saving the final RDB snapshot before exiting\.\n.*\* DB saved on disk\n.*# Redis is now ready to exit, bye bye\.\.\.\n$/);
    expect(cache.root.readText("/data/dump.rdb")?.startsWith("REDIS0012\n")).toBe(true);

    const again = cache.run(["redis-server"]);
    await until(() => again.out().includes("Ready to accept connections tcp"));
    expect(again.out()).toContain("* Done loading RDB, keys loaded: 3, keys expired: 0.\n");
    expect((await sh(client, "redis-cli -h cache lrange l 0 -1")).out).toBe("a\nb\n");
  });

  it("gives the interactive prompt on a terminal", async () => {
    const net = new TestNetwork();
    const cache = net.container("redis", "cache");
    const server = cache.run(["redis-server"]);
    await until(() => server.out().includes("Ready to accept connections tcp"));
    const cli = cache.run(["redis-cli"], { tty: true, stdin: true });
    await until(() => cli.all().endsWith("127.0.0.1:6379> "));
    cli.process.write("set n 41\r");
    await until(() => cli.all().endsWith("OK\r\n127.0.0.1:6379> "));
    cli.process.write("incr n\r");
    await until(() => cli.all().endsWith("(integer) 42\r\n127.0.0.1:6379> "));
    cli.process.write("get n\r");
    await until(() => cli.all().endsWith('"42"\r\n127.0.0.1:6379> '));
    cli.process.write("foo\r");
    await until(() => cli.all().endsWith("(error) ERR unknown command 'foo', with args beginning with: \r\n127.0.0.1:6379> "));
    cli.process.write("quit\r");
    await until(() => cli.code() === 0);
  });

  it("runs from a shell after apk add redis, until Ctrl-C", async () => {
    const net = new TestNetwork();
    const box = net.container("alpine", "box");
    const server = box.run(["sh", "-c", "apk add --no-cache redis >/dev/null && redis-server --port 6380"]);
    for (let i = 0; i < 50 && !server.out().includes("Ready to accept connections tcp"); i++) {
      await until(() => net.clock.pending > 0 || server.out().includes("Ready to accept"));
      if (net.clock.pending > 0) net.clock.advance(200);
    }
    expect(server.out()).toContain("Running mode=standalone, port=6380.");
    expect((await sh(box, "redis-cli -p 6380 ping")).out).toBe("PONG\n");
  });
});
