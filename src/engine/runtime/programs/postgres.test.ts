import { describe, expect, it } from "vitest";
import { formatError, formatTable } from "./psql-format.js";
import { SqlEngine, type Cluster } from "./sql-engine.js";
import { SqlError } from "./sql-parse.js";
import { finish, TestNetwork, until, type TestContainer } from "./testing/container.js";

function engine(): SqlEngine {
  const cluster: Cluster = { databases: { app: { tables: {} } }, roles: ["postgres"] };
  return new SqlEngine(cluster, { database: "app", user: "postgres", version: "18.1", now: () => Date.parse("2026-01-15T09:00:00Z") });
}

const plain = { tuplesOnly: false, unaligned: false };

describe("the SQL model", () => {
  it("creates, inserts, queries, updates and deletes with PostgreSQL's tags", () => {
    const db = engine();
    expect(db.run("CREATE TABLE users (id serial PRIMARY KEY, name text NOT NULL, age int)").result.tag).toBe("CREATE TABLE");
    expect(db.run("insert into users (name, age) values ('alice', 31), ('bob', 27), ('carol', null)").result.tag).toBe("INSERT 0 3");
    const selected = db.run("select id, name from users where age > 28 or age is null order by name desc").result.result;
    expect(selected && formatTable(selected, plain)).toBe(" id | name  \n----+-------\n  3 | carol\n  1 | alice\n(2 rows)\n\n");
    expect(db.run("update users set age = age + 1 where name = 'bob'").result.tag).toBe("UPDATE 1");
    const totals = db.run("select count(*), sum(age), avg(age) from users").result.result;
    expect(totals && formatTable(totals, plain)).toBe(" count | sum |         avg         \n-------+-----+---------------------\n     3 |  59 | 29.5000000000000000\n(1 row)\n\n");
    expect(db.run("delete from users where age is null").result.tag).toBe("DELETE 1");
    expect(db.run("select 1").result.result).toEqual({ columns: [{ name: "?column?", numeric: true }], rows: [["1"]] });
  });

  it("reports errors with the position psql points at", () => {
    const db = engine();
    const statement = "select * from nope";
    try {
      db.run(statement);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(SqlError);
      const e = error as SqlError;
      expect(formatError(e.message, statement, e.at, e.detail)).toBe('ERROR:  relation "nope" does not exist\nLINE 1: select * from nope\n                      ^\n');
    }
    db.run("create table t (id int primary key)");
    db.run("insert into t values (1)");
    expect(() => db.run("insert into t values (1)")).toThrow('duplicate key value violates unique constraint "t_pkey"');
    expect(() => db.run("selec 1")).toThrow('syntax error at or near "selec"');
  });
});

async function sh(c: TestContainer, script: string) {
  const r = await finish(c.run(["sh", "-c", script]), c.clock, 200);
  return { out: r.out(), err: r.err(), code: r.code() };
}

async function ready(net: TestNetwork, db: TestContainer, env: string[]) {
  const server = db.run(["docker-entrypoint.sh", "postgres"], { env });
  for (let i = 0; i < 100 && !server.err().includes("[1] LOG:  database system is ready to accept connections"); i++) {
    await until(() => net.clock.pending > 0 || server.err().includes("[1] LOG:  database system is ready"));
    if (net.clock.pending > 0) net.clock.advance(100);
  }
  return server;
}

describe("postgres, psql and pg_isready", () => {
  it("initialise the data directory, become ready, and answer psql locally and over the network", async () => {
    const net = new TestNetwork();
    const db = net.container("postgres", "db");
    const client = net.container("postgres", "client");
    expect((await sh(db, "pg_isready")).out).toBe("/var/run/postgresql:5432 - no response\n");
    const server = await ready(net, db, ["POSTGRES_PASSWORD=secret"]);
    expect(server.out()).toContain("PostgreSQL init process complete; ready for start up.\n");
    expect(await sh(db, "pg_isready; pg_isready -h localhost")).toEqual({ out: "/var/run/postgresql:5432 - accepting connections\nlocalhost:5432 - accepting connections\n", err: "", code: 0 });
    expect((await sh(db, "psql -c 'select 1'")).err).toBe('psql: error: connection to server on socket "/var/run/postgresql/.s.PGSQL.5432" failed: FATAL:  role "root" does not exist\n');
    expect((await sh(db, "psql -U postgres -c 'select 1'")).out).toBe(" ?column? \n----------\n        1\n(1 row)\n\n");
    await sh(db, "psql -U postgres -c 'create table notes (id serial primary key, body text)' -c \"insert into notes (body) values ('hi')\"");
    expect((await sh(client, "psql -h db -U postgres -c 'select body from notes'")).err).toBe(
      'psql: error: connection to server at "db" (172.18.0.2), port 5432 failed: fe_sendauth: no password supplied\n',
    );
    expect((await sh(client, "PGPASSWORD=secret psql -h db -U postgres -tAc 'select body from notes'")).out).toBe("hi\n");
    expect((await sh(client, "PGPASSWORD=wrong psql -h db -U postgres -c 'select 1'")).err).toContain('FATAL:  password authentication failed for user "postgres"\n');
    expect(await sh(client, "echo 'select * from missing;' | PGPASSWORD=secret psql -h db -U postgres")).toMatchObject({
      err: 'psql:<stdin>:1: ERROR:  relation "missing" does not exist\nLINE 1: select * from missing;\n                      ^\n',
    });

    server.process.signal("SIGINT");
    await until(() => server.code() === 0);
    const again = await ready(net, db, ["POSTGRES_PASSWORD=secret"]);
    expect(again.out()).toBe("\nPostgreSQL Database directory appears to contain a database; Skipping initialization\n\n");
    expect((await sh(db, "psql -U postgres -tAc 'select count(*) from notes'")).out).toBe("1\n");
  });

  it("gives psql's prompt on a terminal, with backslash commands", async () => {
    const net = new TestNetwork();
    const db = net.container("postgres", "db");
    await ready(net, db, ["POSTGRES_PASSWORD=secret"]);
    const psql = db.run(["psql", "-U", "postgres"], { tty: true, stdin: true });
    await until(() => psql.all().endsWith("postgres=# "));
    expect(psql.all()).toMatch(/^psql \(18\.\d+ \(Debian [^)]+\)\)\r\nType "help" for help\.\r\n\r\npostgres=# $/);
    psql.process.write("\\dt\r");
    await until(() => psql.all().endsWith("Did not find any relations.\r\npostgres=# "));
    psql.process.write("create table t (n int);\r");
    await until(() => psql.all().endsWith("CREATE TABLE\r\npostgres=# "));
    psql.process.write("select n\r");
    await until(() => psql.all().endsWith("postgres-# "));
    psql.process.write("from t;\r");
    await until(() => psql.all().endsWith(" n \r\n---\r\n(0 rows)\r\n\r\npostgres=# "));
    psql.process.write("\\q\r");
    await until(() => psql.code() === 0);
  });
});
