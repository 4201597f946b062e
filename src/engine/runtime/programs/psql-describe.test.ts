import { beforeAll, describe, expect, it } from "vitest";
import { loadCatalog } from "../../images/catalog-loader.js";
import { finish, TestNetwork, until, type TestContainer } from "./testing/container.js";

async function sh(c: TestContainer, script: string) {
  const r = await finish(c.run(["sh", "-c", script]), c.clock, 200);
  return { out: r.out(), err: r.err(), code: r.code() };
}

describe("psql's backslash commands, as catalog queries over the protocol", () => {
  beforeAll(() => loadCatalog());

  it("list tables, describe one with its primary key, list databases and roles", async () => {
    const net = new TestNetwork();
    const db = net.container("postgres", "db");
    const server = db.run(["docker-entrypoint.sh", "postgres"], { env: ["POSTGRES_PASSWORD=secret", "POSTGRES_DB=app"] });
    for (let i = 0; i < 100 && !server.err().includes("[1] LOG:  database system is ready"); i++) {
      await until(() => net.clock.pending > 0 || server.err().includes("[1] LOG:  database system is ready"));
      if (net.clock.pending > 0) net.clock.advance(100);
    }
    await sh(db, "psql -U postgres -d app -c 'create table pets (id serial primary key, name text not null)'");
    // Titles are centred over the table by psql-format; the test reads past them.
    const titled = (out: string) => out.replace(/^ +/, "");
    expect(titled((await sh(db, "psql -U postgres -d app -c '\\dt'")).out)).toBe(
      "List of tables\n Schema | Name | Type  |  Owner   \n--------+------+-------+----------\n public | pets | table | postgres\n(1 row)\n\n",
    );
    expect(titled((await sh(db, "psql -U postgres -d app -c '\\d pets'")).out)).toBe(
      'Table "public.pets"\n' +
        " Column |  Type   | Collation | Nullable |             Default              \n" +
        "--------+---------+-----------+----------+----------------------------------\n" +
        " id     | integer |           | not null | nextval('pets_id_seq'::regclass)\n" +
        " name   | text    |           | not null | \n" +
        'Indexes:\n    "pets_pkey" PRIMARY KEY, btree (id)\n\n',
    );
    expect((await sh(db, "psql -U postgres -d app -c '\\d nope'")).err).toBe('Did not find any relation named "nope".\n');
    expect((await sh(db, "psql -U postgres -tA -c '\\l'")).out).toContain("app|postgres|UTF8|libc|en_US.utf8|en_US.utf8|||\n");
    expect((await sh(db, "psql -U postgres -tA -c '\\du'")).out).toBe("postgres|Superuser, Create role, Create DB, Replication, Bypass RLS\n");
    // An error's caret points into the whole query psql sent, as PostgreSQL's position does.
    expect((await sh(db, "psql -U postgres -d app -c 'select 1; select nope from pets'")).err).toBe(
      'ERROR:  column "nope" does not exist\nLINE 1: select 1; select nope from pets\n                         ^\n',
    );
  });
});
