import { describe, expect, it } from "vitest";
import { decodeBackend, frontend, type BackendMessage } from "./pg-messages.js";
import { scramSecret } from "./pg-scram.js";
import { PgServerSession, type AuthMethod, type ServerHost } from "./pg-server-session.js";
import { FrameReader, MessageWriter } from "./pg-wire.js";
import type { Cluster } from "./sql-engine.js";

function server(method: AuthMethod = "trust") {
  const cluster: Cluster = { databases: { postgres: { tables: {} } }, roles: ["postgres"] };
  const logged: string[] = [];
  let nonces = 0;
  const host: ServerHost = {
    version: "18.1",
    superuser: "postgres",
    cluster: () => cluster,
    save: () => Promise.resolve(),
    now: () => Date.parse("2026-01-15T09:00:00Z"),
    authMethod: (remote) => (remote === "[local]" ? "trust" : method),
    secret: (user) => (user === "postgres" ? { password: "secret", scram: scramSecret("secret", new Uint8Array(16), 16) } : undefined),
    nonce: () => `abcdef${nonces++}`,
    log: (pid, level, text) => logged.push(`[${pid}] ${level}:  ${text}`),
  };
  const session = new PgServerSession(host, "172.18.0.3", 70);
  const reader = new FrameReader(true);
  const send = async (...messages: Uint8Array[]): Promise<BackendMessage[]> => {
    const out: BackendMessage[] = [];
    for (const m of messages) for (const bytes of await session.receive(m)) reader.push(bytes);
    for (let f = reader.next(); f; f = reader.next()) out.push(decodeBackend(f));
    return out;
  };
  return { session, send, logged };
}

const types = (messages: BackendMessage[]) => messages.map((m) => m.type);
const w = () => new MessageWriter();

describe("a connection to the postgres server", () => {
  it("declines SSL with 'N', then admits a trusted client with its parameters and a ReadyForQuery", async () => {
    const { session } = server();
    const ssl = await session.receive(w().int32(80877103).frame());
    expect(ssl).toEqual([new Uint8Array([0x4e])]);
    const { send } = server();
    const messages = await send(frontend.startup({ user: "postgres", database: "postgres" }));
    expect(messages[0]).toEqual({ type: "authentication", code: 0, data: new Uint8Array() });
    expect(messages).toContainEqual({ type: "parameterStatus", name: "server_version", value: "18.1" });
    expect(messages).toContainEqual({ type: "parameterStatus", name: "is_superuser", value: "on" });
    expect(types(messages).slice(-2)).toEqual(["backendKeyData", "readyForQuery"]);
  });

  it("refuses an unknown database and a wrong cleartext password with FATAL errors and their codes", async () => {
    const trusted = server();
    const missing = await trusted.send(frontend.startup({ user: "postgres", database: "nope" }));
    expect(missing.at(-1)).toEqual({ type: "errorResponse", fields: { S: "FATAL", V: "FATAL", C: "3D000", M: 'database "nope" does not exist' } });
    expect(trusted.session.closed).toBe(true);
    const guarded = server("password");
    expect(await guarded.send(frontend.startup({ user: "postgres" }))).toEqual([{ type: "authentication", code: 3, data: new Uint8Array() }]);
    expect((await guarded.send(frontend.password("wrong")))[0]).toMatchObject({ fields: { C: "28P01", M: 'password authentication failed for user "postgres"' } });
    expect(guarded.logged).toEqual(['[70] FATAL:  password authentication failed for user "postgres"']);
  });

  it("answers simple queries: rows, command tags, an empty query, and errors with SQLSTATE and position", async () => {
    const { send, logged } = server();
    await send(frontend.startup({ user: "postgres" }));
    const created = await send(frontend.query("create table t (id int primary key, name text); insert into t values (1, 'a'), (2, null)"));
    expect(created).toEqual([
      { type: "commandComplete", tag: "CREATE TABLE" },
      { type: "commandComplete", tag: "INSERT 0 2" },
      { type: "readyForQuery", status: "I" },
    ]);
    expect(await send(frontend.query("select id, name from t order by id"))).toEqual([
      { type: "rowDescription", fields: [{ name: "id", typeOid: 23 }, { name: "name", typeOid: 25 }] },
      { type: "dataRow", values: ["1", "a"] },
      { type: "dataRow", values: ["2", null] },
      { type: "commandComplete", tag: "SELECT 2" },
      { type: "readyForQuery", status: "I" },
    ]);
    expect(types(await send(frontend.query("  ")))).toEqual(["emptyQueryResponse", "readyForQuery"]);
    const failed = await send(frontend.query("select 1; select * from nope"));
    expect(failed[3]).toEqual({ type: "errorResponse", fields: { S: "ERROR", V: "ERROR", C: "42P01", M: 'relation "nope" does not exist', P: "25" } });
    expect(logged).toEqual(['[70] ERROR:  relation "nope" does not exist at character 25', "[70] STATEMENT:  select 1; select * from nope"]);
  });

  it("runs the extended protocol with parameters, and skips to Sync after an error", async () => {
    const { send } = server();
    await send(frontend.startup({ user: "postgres" }), frontend.query("create table t (id int, name text)"));
    const parse = (sql: string) => w().cstring("").cstring(sql).int16(0).frame("P");
    const bindText = (...values: string[]) => {
      const m = w().cstring("").cstring("").int16(0).int16(values.length);
      for (const v of values) m.int32(new TextEncoder().encode(v).length).raw(new TextEncoder().encode(v));
      return m.int16(0).frame("B");
    };
    const describePortal = w().byte(0x50).cstring("").frame("D");
    const execute = w().cstring("").int32(0).frame("E");
    const sync = w().frame("S");
    // ParseComplete '1', BindComplete '2', NoData 'n' (an INSERT returns no rows).
    expect(await send(parse("insert into t values ($1, $2)"), bindText("7", "it's"), describePortal, execute, sync)).toEqual([
      { type: "other", code: "1" },
      { type: "other", code: "2" },
      { type: "other", code: "n" },
      { type: "commandComplete", tag: "INSERT 0 1" },
      { type: "readyForQuery", status: "I" },
    ]);
    const selected = await send(parse("select name from t where id = $1"), bindText("7"), describePortal, execute, sync);
    expect(selected.slice(2)).toEqual([
      { type: "rowDescription", fields: [{ name: "name", typeOid: 25 }] },
      { type: "dataRow", values: ["it's"] },
      { type: "commandComplete", tag: "SELECT 1" },
      { type: "readyForQuery", status: "I" },
    ]);
    const failed = await send(parse("select * from nope"), bindText(), describePortal, execute, sync);
    expect(types(failed)).toEqual(["other", "other", "errorResponse", "readyForQuery"]);
  });
});
