// One client connection to the postgres server, speaking protocol 3.0 as PostgreSQL does: the
// startup exchange (SSL and GSS encryption declined with 'N', authentication as pg_hba.conf
// says, then ParameterStatus, BackendKeyData and ReadyForQuery), then simple queries and the
// extended protocol's Parse/Bind/Describe/Execute/Sync. Statements run in the SQL model
// (pg-statements.ts); this file only turns messages into statements and results into
// messages.
import { backend, decodeFrontend, AUTH, type FrontendMessage, type NoticeFields } from "./pg-messages.js";
import { bindParameters, parameterCount } from "./pg-bind.js";
import { ScramServer, type ScramSecret } from "./pg-scram.js";
import { BodyReader, FrameReader, MessageWriter, PROTOCOL_VERSION_3, utf8Decode } from "./pg-wire.js";
import { StatementRunner, fieldsOf, type RunnerHost } from "./pg-statements.js";
import { SqlError } from "./sql-parse.js";
import { splitStatements, type StatementResult } from "./sql-engine.js";
import { sqlState } from "./pg-sqlstate.js";
import { utf8Encode } from "../../digest/index.js";

export type AuthMethod = "trust" | "password" | "scram-sha-256";

export interface ServerHost extends RunnerHost {
  /** The pg_hba.conf method for a client at this address ("[local]" for the Unix socket). */
  authMethod(remoteAddress: string): AuthMethod;
  /** The role's password secret; undefined for a role that cannot log in with a password. */
  secret(user: string): { password: string; scram: ScramSecret } | undefined;
  /** A fresh unpredictable-enough string (SCRAM nonces, cancel keys). */
  nonce(): string;
  /** A line for the server's log, as PostgreSQL's stderr shows it. */
  log(pid: number, level: "LOG" | "FATAL" | "ERROR" | "STATEMENT" | "DETAIL", text: string): void;
}

type Phase = "startup" | "password" | "saslInitial" | "saslContinue" | "ready" | "closed";

interface Portal {
  sql: string;
  result?: StatementResult;
}

export class PgServerSession {
  private readonly reader = new FrameReader(false);
  private phase: Phase = "startup";
  private scram: ScramServer | undefined;
  private runner: StatementRunner | undefined;
  private user = "";
  private database = "";
  private parameters: Record<string, string> = {};
  private readonly statements = new Map<string, { sql: string; paramTypes: number[] }>();
  private readonly portals = new Map<string, Portal>();
  /** After an error in an extended-protocol batch, messages are skipped until Sync. */
  private skipping = false;

  constructor(
    private readonly host: ServerHost,
    private readonly remoteAddress: string,
    readonly pid: number,
  ) {}

  get closed(): boolean {
    return this.phase === "closed";
  }

  /** Bytes from the client in, the server's answers out. */
  async receive(data: Uint8Array): Promise<Uint8Array[]> {
    this.reader.push(data);
    const out: Uint8Array[] = [];
    try {
      for (let frame = this.reader.next(); frame && !this.closed; frame = this.reader.next()) await this.handle(decodeFrontend(frame), out);
    } catch (error) {
      // A message cut short is the client's fault (protocol_violation); anything else is ours,
      // and a client still deserves an answer rather than a connection that never replies.
      if (error instanceof RangeError) this.fatal(out, "08P01", `invalid frontend message: ${error.message}`);
      else this.fatal(out, "XX000", error instanceof Error ? error.message : String(error));
    }
    return out;
  }

  private fatal(out: Uint8Array[], code: string, message: string, detail?: string): void {
    out.push(backend.errorResponse({ S: "FATAL", V: "FATAL", C: code, M: message }));
    this.host.log(this.pid, "FATAL", message);
    if (detail) this.host.log(this.pid, "DETAIL", detail);
    this.phase = "closed";
  }

  private async handle(m: FrontendMessage, out: Uint8Array[]): Promise<void> {
    if (m.type === "terminate") {
      this.phase = "closed";
      return;
    }
    switch (this.phase) {
      case "startup":
        return this.startup(m, out);
      case "password":
      case "saslInitial":
      case "saslContinue":
        return this.authenticate(m, out);
      default:
        return this.ready(m, out);
    }
  }

  private startup(m: FrontendMessage, out: Uint8Array[]): void {
    if (m.type === "sslRequest" || m.type === "gssencRequest") {
      out.push(new Uint8Array(["N".charCodeAt(0)]));
      return;
    }
    if (m.type !== "startup") {
      // A CancelRequest: nothing runs long enough here to be cancelled; the connection just ends.
      this.phase = "closed";
      return;
    }
    if (m.version >> 16 !== PROTOCOL_VERSION_3 >> 16) {
      this.fatal(out, "0A000", `unsupported frontend protocol ${m.version >> 16}.${m.version & 0xffff}: server supports 3.0 to 3.0`);
      return;
    }
    const options = Object.keys(m.parameters).filter((name) => name.startsWith("_pq_."));
    if ((m.version & 0xffff) > 0 || options.length > 0) {
      // NegotiateProtocolVersion: the newest minor version spoken here, and the options ignored.
      const w = new MessageWriter().int32(PROTOCOL_VERSION_3).int32(options.length);
      for (const name of options) w.cstring(name);
      out.push(w.frame("v"));
    }
    this.reader.typed = true;
    this.parameters = m.parameters;
    this.user = m.parameters.user ?? "";
    this.database = m.parameters.database || this.user;
    if (!this.user) return this.fatal(out, "28000", "no PostgreSQL user name specified in startup packet");
    const method = this.host.authMethod(this.remoteAddress);
    if (method === "trust") return this.admit(out);
    if (method === "password") {
      this.phase = "password";
      out.push(backend.authentication(AUTH.cleartext));
      return;
    }
    this.phase = "saslInitial";
    out.push(backend.authenticationSasl(["SCRAM-SHA-256"]));
  }

  private authenticate(m: FrontendMessage, out: Uint8Array[]): void {
    if (m.type !== "authResponse") return this.fatal(out, "08P01", `expected password response, got message type ${m.type}`);
    const secret = this.host.secret(this.user);
    const failed = () =>
      this.fatal(out, "28P01", `password authentication failed for user "${this.user}"`, secret ? undefined : `Role "${this.user}" does not exist.`);
    const r = new BodyReader(m.body);
    if (this.phase === "password") return r.cstring() === secret?.password ? this.admit(out) : failed();
    if (this.phase === "saslInitial") {
      const mechanism = r.cstring();
      const length = r.int32();
      if (mechanism !== "SCRAM-SHA-256") return this.fatal(out, "08P01", "client selected an invalid SASL authentication mechanism");
      // An unknown role still gets a full exchange (with a secret no password matches), so a
      // client cannot tell a missing role from a wrong password, as PostgreSQL does.
      const scramSecret = secret?.scram ?? { salt: new Uint8Array(16), iterations: 4096, storedKey: new Uint8Array(32), serverKey: new Uint8Array(32) };
      this.scram = new ScramServer(scramSecret, this.host.nonce());
      const first = this.scram.first(utf8Decode(length < 0 ? new Uint8Array(0) : r.bytes(length)));
      if (first === undefined) return this.fatal(out, "08P01", "malformed SCRAM message");
      this.phase = "saslContinue";
      out.push(backend.authentication(AUTH.saslContinue, utf8Encode(first)));
      return;
    }
    const final = this.scram?.final(utf8Decode(r.rest()));
    if (final === undefined || !secret) return failed();
    out.push(backend.authentication(AUTH.saslFinal, utf8Encode(final)));
    this.admit(out);
  }

  /** Authenticated: the database must exist, then the session's parameters and the first ReadyForQuery. */
  private admit(out: Uint8Array[]): void {
    const cluster = this.host.cluster();
    if (!cluster.roles.includes(this.user)) return this.fatal(out, "28000", `role "${this.user}" does not exist`);
    out.push(backend.authentication(AUTH.ok));
    if (!cluster.databases[this.database]) return this.fatal(out, "3D000", `database "${this.database}" does not exist`);
    this.runner = new StatementRunner(this.host, this.user, this.database, this.parameters);
    for (const [name, value] of Object.entries(this.runner.settings)) out.push(backend.parameterStatus(name, value));
    out.push(backend.backendKeyData(this.pid, parseInt(this.host.nonce().slice(0, 7), 16)));
    out.push(backend.readyForQuery("I"));
    this.phase = "ready";
  }

  private error(out: Uint8Array[], error: SqlError, sql: string, offset = 0): void {
    const fields: NoticeFields = { S: "ERROR", V: "ERROR", C: sqlState(error.message), M: error.message };
    if (error.detail) fields.D = error.detail;
    if (error.at !== undefined) fields.P = String(offset + error.at + 1);
    out.push(backend.errorResponse(fields));
    this.host.log(this.pid, "ERROR", error.at === undefined ? error.message : `${error.message} at character ${offset + error.at + 1}`);
    this.host.log(this.pid, "STATEMENT", sql);
  }

  private send(out: Uint8Array[], result: StatementResult, describe: boolean): void {
    if (result.result) {
      if (describe) out.push(backend.rowDescription(fieldsOf(result.result)));
      for (const row of result.result.rows) out.push(backend.dataRow(row));
    }
    out.push(backend.commandComplete(result.tag));
  }

  private async ready(m: FrontendMessage, out: Uint8Array[]): Promise<void> {
    const runner = this.runner;
    if (!runner) return;
    if (m.type === "query") {
      await this.simpleQuery(runner, m.sql, out);
      return;
    }
    if (m.type === "sync") {
      this.skipping = false;
      out.push(backend.readyForQuery(runner.status));
      return;
    }
    if (this.skipping || m.type === "flush") return;
    try {
      await this.extended(runner, m, out);
    } catch (error) {
      if (!(error instanceof SqlError)) throw error;
      this.error(out, error, m.type === "parse" ? m.sql : "");
      this.skipping = true;
    }
  }

  private async simpleQuery(runner: StatementRunner, sql: string, out: Uint8Array[]): Promise<void> {
    const statements = splitStatements(sql);
    if (statements.length === 0) out.push(backend.emptyQueryResponse());
    let from = 0;
    for (const statement of statements) {
      const offset = sql.indexOf(statement, from);
      from = offset + statement.length;
      try {
        this.send(out, await runner.run(statement), true);
      } catch (error) {
        if (!(error instanceof SqlError)) throw error;
        this.error(out, error, sql, offset);
        break;
      }
    }
    out.push(backend.readyForQuery(runner.status));
  }

  private async extended(runner: StatementRunner, m: FrontendMessage, out: Uint8Array[]): Promise<void> {
    switch (m.type) {
      case "parse":
        if (splitStatements(m.sql).length > 1) throw new SqlError("cannot insert multiple commands into a prepared statement");
        this.statements.set(m.name, { sql: m.sql, paramTypes: m.paramTypes });
        out.push(backend.parseComplete());
        return;
      case "bind": {
        const statement = this.statements.get(m.statement);
        if (!statement) throw new SqlError(`prepared statement "${m.statement}" does not exist`);
        const values = m.params.map((p) => (p === null ? null : utf8Decode(p)));
        this.portals.set(m.portal, { sql: bindParameters(statement.sql, values, statement.paramTypes) });
        out.push(backend.bindComplete());
        return;
      }
      case "describe": {
        if (m.kind === "S") {
          const statement = this.statements.get(m.name);
          if (!statement) throw new SqlError(`prepared statement "${m.name}" does not exist`);
          const count = parameterCount(statement.sql);
          out.push(backend.parameterDescription(Array.from({ length: count }, (_, i) => statement.paramTypes[i] || 25)));
          const shape = await runner.describe(bindParameters(statement.sql, []));
          out.push(shape ? backend.rowDescription(shape) : backend.noData());
          return;
        }
        const result = await this.portal(runner, m.name);
        out.push(result?.result ? backend.rowDescription(fieldsOf(result.result)) : backend.noData());
        return;
      }
      case "execute": {
        const result = await this.portal(runner, m.portal);
        if (result === undefined) out.push(backend.emptyQueryResponse());
        else this.send(out, result, false);
        this.portals.delete(m.portal);
        return;
      }
      case "close":
        (m.kind === "S" ? this.statements : this.portals).delete(m.name);
        out.push(backend.closeComplete());
        return;
      default:
        this.fatal(out, "08P01", `invalid frontend message type ${m.type === "unsupported" ? m.code.charCodeAt(0) : m.type}`);
    }
  }

  /**
   * A portal's result, run on first need: Describe comes before Execute and must already know
   * the columns, and the model only knows them by running the statement.
   */
  private async portal(runner: StatementRunner, name: string): Promise<StatementResult | undefined> {
    const portal = this.portals.get(name);
    if (!portal) throw new SqlError(`portal "${name}" does not exist`);
    if (splitStatements(portal.sql).length === 0) return undefined;
    portal.result ??= await runner.run(portal.sql.trim().replace(/;\s*$/, ""));
    return portal.result;
  }
}
