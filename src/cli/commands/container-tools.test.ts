import { beforeEach, describe, expect, it } from "vitest";
import { CliHarness } from "../testing/harness.js";

let cli: CliHarness;

beforeEach(async () => {
  cli = new CliHarness();
  await cli.docker("pull", "alpine");
});

/** Lets a command finish, moving the engine clock on whenever it waits (installs, start-up). */
async function settled<T>(work: Promise<T>): Promise<T> {
  let done = false;
  void work.finally(() => (done = true));
  for (let i = 0; i < 4000 && !done; i++) {
    await new Promise((r) => setTimeout(r, 1));
    if (!done && cli.clock.pending > 0) cli.clock.advance(250);
  }
  return work;
}

/** Moves the clock until a container's logs contain `text`. */
async function logsUntil(name: string, text: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    const logs = await cli.docker("logs", name);
    if ((logs.stdout + logs.stderr).includes(text)) return;
    if (cli.clock.pending > 0) cli.clock.advance(250);
    else await new Promise((r) => setTimeout(r, 2));
  }
  throw new Error(`${name} never logged ${text}`);
}

describe("commands inside containers", () => {
  it("ps lists the container's processes in busybox's format", async () => {
    expect(await cli.docker("run", "--rm", "alpine", "ps")).toEqual({ stdout: "PID   USER     TIME  COMMAND\n    1 root      0:00 ps\n", stderr: "", exitCode: 0 });
    const id = await cli.docker("run", "--rm", "--user", "nobody", "alpine", "id");
    expect(id.stdout).toBe("uid=65534(nobody) gid=65534(nobody) groups=65534(nobody)\n");
  });

  it("apk add writes the package into the container: diff shows it, commit keeps it", async () => {
    const add = await settled(cli.docker("run", "--name", "tools", "alpine", "apk", "add", "--no-cache", "jq"));
    expect(add.stdout).toContain("(2/2) Installing jq (1.8.1-r0)\n");
    const diff = (await cli.docker("diff", "tools")).stdout;
    expect(diff).toContain("A /usr/bin/jq\n");
    expect(diff).toContain("C /lib/apk/db/installed\n");
    await cli.docker("commit", "tools", "with-jq");
    expect(await cli.docker("run", "--rm", "with-jq", "sh", "-c", "echo '{\"a\":1}' | jq .a")).toEqual({ stdout: "1\n", stderr: "", exitCode: 0 });
    expect((await cli.docker("run", "--rm", "alpine", "sh", "-c", "jq --version")).exitCode).toBe(127);
  });

  it("apt-get needs an update first in debian, then installs", async () => {
    await cli.docker("pull", "debian");
    const run = cli.terminal("run", "-it", "--rm", "debian", "bash");
    await run.waitFor("# ");
    const prompt = run.output();
    run.type("apt-get install -y jq\r");
    await run.waitFor(`E: Unable to locate package jq\r\n${prompt}`);
    expect(run.output()).toContain("apt-get install -y jq\r\nReading package lists... Done\r\nBuilding dependency tree... Done\r\nReading state information... Done\r\n");
    run.type("exit\r");
    expect(await run.exitCode).toBe(100);
  });
});

describe("redis", () => {
  it("redis-cli reaches the server by name, and the data outlives the container on its volume", async () => {
    await cli.docker("pull", "redis");
    await cli.docker("network", "create", "app");
    await cli.docker("run", "-d", "--name", "cache", "--network", "app", "-v", "cache-data:/data", "redis");
    await logsUntil("cache", "Ready to accept connections tcp");
    expect(await cli.docker("run", "--rm", "--network", "app", "redis", "redis-cli", "-h", "cache", "set", "visits", "10")).toEqual({ stdout: "OK\n", stderr: "", exitCode: 0 });
    expect((await cli.docker("exec", "cache", "redis-cli", "incr", "visits")).stdout).toBe("11\n");
    await settled(cli.docker("stop", "cache"));
    await cli.docker("rm", "cache");
    await cli.docker("run", "-d", "--name", "cache", "--network", "app", "-v", "cache-data:/data", "redis");
    await logsUntil("cache", "Ready to accept connections tcp");
    expect((await cli.docker("logs", "cache")).stdout).toContain("* Done loading RDB, keys loaded: 1, keys expired: 0.\n");

    const prompt = cli.terminal("exec", "-it", "cache", "redis-cli");
    await prompt.waitFor("127.0.0.1:6379> ");
    prompt.type("get visits\r");
    await prompt.waitFor('"11"\r\n127.0.0.1:6379> ');
    prompt.type("quit\r");
    expect(await prompt.exitCode).toBe(0);
  });
});

describe("postgres", () => {
  it("becomes ready, and psql works from its own container and from another one", async () => {
    await cli.docker("pull", "postgres");
    await cli.docker("network", "create", "app");
    await cli.docker("run", "-d", "--name", "db", "--network", "app", "-e", "POSTGRES_PASSWORD=secret", "postgres");
    await logsUntil("db", "[1] LOG:  database system is ready to accept connections");
    expect(await cli.docker("exec", "db", "pg_isready")).toEqual({ stdout: "/var/run/postgresql:5432 - accepting connections\n", stderr: "", exitCode: 0 });
    const created = await cli.docker("exec", "db", "psql", "-U", "postgres", "-c", "create table pets (id serial primary key, name text)", "-c", "insert into pets (name) values ('rex'), ('tom')");
    expect(created.stdout).toBe("CREATE TABLE\nINSERT 0 2\n");
    const remote = await cli.docker("run", "--rm", "--network", "app", "-e", "PGPASSWORD=secret", "postgres", "psql", "-h", "db", "-U", "postgres", "-c", "select * from pets order by id");
    expect(remote).toEqual({ stdout: " id | name \n----+------\n  1 | rex\n  2 | tom\n(2 rows)\n\n", stderr: "", exitCode: 0 });
  });
});

describe("node", () => {
  it("node -e runs code, and a node server answers another container", async () => {
    await cli.docker("pull", "node");
    expect(await cli.docker("run", "--rm", "node", "node", "-e", "console.log([1, 2].map((n) => n * 21))")).toEqual({ stdout: "[ 21, 42 ]\n", stderr: "", exitCode: 0 });
    await cli.docker("network", "create", "app");
    await cli.docker("run", "-d", "--name", "api", "--network", "app", "node", "node", "-e", "require('http').createServer((q, s) => s.end('pong')).listen(3000)");
    for (let i = 0; i < 20; i++) await new Promise((r) => setTimeout(r, 5));
    expect(await cli.docker("run", "--rm", "--network", "app", "alpine", "wget", "-qO-", "http://api:3000/")).toMatchObject({ stdout: "pong", exitCode: 0 });
  });
});
