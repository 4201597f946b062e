import { describe, expect, it } from "vitest";
import { finish, standalone, TestNetwork, until, type TestContainer } from "./testing/container.js";

async function run(c: TestContainer, argv: string[]) {
  const r = await finish(c.run(argv), c.clock);
  return { out: r.out(), err: r.err(), code: r.code() };
}

describe("node", () => {
  it("runs -e and -p with node's formatting, and reports uncaught errors as node does", async () => {
    const c = standalone("node");
    expect(await run(c, ["node", "-e", "console.log('n =', 42, { list: [1, 'two', { deep: true }] }, null)"])).toEqual({
      out: "n = 42 { list: [ 1, 'two', { deep: true } ] } null\n",
      err: "",
      code: 0,
    });
    expect((await run(c, ["node", "-p", "[1, 2, 3].map((x) => x * 2)"])).out).toBe("[ 2, 4, 6 ]\n");
    const failed = await run(c, ["node", "-e", "const x = 1;\nmissing()"]);
    expect(failed.code).toBe(1);
    expect(failed.err).toBe(`[eval]:2\nmissing()\n^\n\nReferenceError: missing is not defined\n    at [eval]:2:1\n\nNode.js ${(await run(c, ["node", "--version"])).out.trim()}\n`);
    expect((await run(c, ["node", "-e", "process.exit(3)"])).code).toBe(3);
  });

  it("waits on the engine clock for timers", async () => {
    const c = standalone("node");
    const r = c.run(["node", "-e", "setTimeout(() => console.log('later'), 5000); console.log('now')"]);
    await until(() => r.out() === "now\n" && c.clock.pending === 1);
    c.clock.advance(4999);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(r.out()).toBe("now\n");
    c.clock.advance(1);
    await until(() => r.code() === 0);
    expect(r.out()).toBe("now\nlater\n");
  });

  it("runs a script that requires a neighbour and writes a file into the container", async () => {
    const c = standalone("node");
    const r = await run(c, ["sh", "-c", "mkdir /app && cd /app && echo 'module.exports = { n: 7 }' > lib.js && echo 'require(\"fs\").writeFileSync(\"out.txt\", String(require(\"./lib\").n * 6)); console.log(process.argv.slice(2))' > main.js && node main.js a b && cat out.txt"]);
    expect(r).toEqual({ out: "[ 'a', 'b' ]\n42", err: "", code: 0 });
    expect(c.root.readText("/app/out.txt")).toBe("42");
  });

  it("serves HTTP to other containers until it is stopped", async () => {
    const net = new TestNetwork();
    const api = net.container("node", "api");
    const client = net.container("alpine", "client");
    const server = api.run(["node", "-e", "require('http').createServer((req, res) => res.end('hi ' + req.url)).listen(3000, () => console.log('up'))"]);
    await until(() => server.out() === "up\n");
    expect(await run(client, ["wget", "-qO-", "http://api:3000/there"])).toEqual({ out: "hi /there", err: "", code: 0 });
    expect(server.code()).toBeUndefined();
    // node installs no SIGTERM handler: an exec'd node dies of it (as PID 1 it would ignore it).
    server.process.signal("SIGTERM");
    expect(server.code()).toBe(143);
    expect((await run(client, ["wget", "-qO-", "http://api:3000/"])).err).toBe("wget: can't connect to remote host (172.18.0.2): Connection refused\n");
  });

  it("gives the REPL on a terminal", async () => {
    const c = standalone("node");
    const repl = c.run(["node"], { tty: true, stdin: true });
    await until(() => repl.all().endsWith("> "));
    repl.process.write("const o = { a: [1, 2] }\r");
    await until(() => repl.all().endsWith("undefined\r\n> "));
    repl.process.write("o.a.length + 1\r");
    await until(() => repl.all().endsWith("3\r\n> "));
    repl.process.write("nope\r");
    await until(() => repl.all().endsWith("Uncaught ReferenceError: nope is not defined\r\n> "));
    repl.process.write(".exit\r");
    await until(() => repl.code() === 0);
  });
});

describe("npm and pip", () => {
  it("tell their versions and explain that nothing can be downloaded", async () => {
    const node = standalone("node");
    expect((await run(node, ["npm", "--version"])).out).toMatch(/^\d+\.\d+\.\d+\n$/);
    expect(await run(node, ["npm", "install", "express"])).toMatchObject({ out: "", code: 1 });
    const python = standalone("python");
    expect((await run(python, ["pip", "--version"])).out).toMatch(/^pip [\d.]+ from \/usr\/local\/lib\/python3\.\d+\/site-packages\/pip \(python 3\.\d+\)\n$/);
  });
});

describe("python3", () => {
  it("runs real Python over the container's files, with tracebacks that name the learner's code", async () => {
    const c = standalone("python");
    const r = await run(c, ["sh", "-c", "echo 'import sys\nprint(sys.argv[1:], sum(range(5)))\nprint(1 / 0)' > /s.py; python3 /s.py x"]);
    expect(r.out).toBe("['x'] 10\n");
    expect(r.err).toBe('Traceback (most recent call last):\n  File "/s.py", line 3, in <module>\n    print(1 / 0)\n          ~~^~~\nZeroDivisionError: division by zero\n');
    expect(r.code).toBe(1);
  }, 30_000);
});
