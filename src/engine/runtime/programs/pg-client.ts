// psql's side of the protocol, as libpq speaks it: the startup message, whatever authentication
// the server asks for (none, a cleartext password, SCRAM-SHA-256), then simple queries. The
// playground's server answers each send with everything it has to say, so an exchange is one
// send and the frames of its reply.
import type { StreamSession } from "../../net/net-stack.js";
import { AUTH, decodeBackend, frontend, type BackendMessage } from "./pg-messages.js";
import { ScramClient } from "./pg-scram.js";
import { FrameReader, fromBinary, toBinary, utf8Decode } from "./pg-wire.js";
import type { ResultSet, StatementResult } from "./sql-engine.js";

/** Type OIDs psql right-aligns: the integer, floating point and numeric types. */
const NUMERIC_TYPES = new Set([20, 21, 23, 26, 700, 701, 1700]);

export interface ServerError {
  message: string;
  /** 0-based offset in the query the error points at. */
  at?: number;
  detail?: string;
  code?: string;
}

export interface QueryOutcome {
  results: StatementResult[];
  error?: ServerError;
}

export type Opened =
  | { ok: true; client: PgClient; server: string; superuser: boolean }
  | { ok: false; message: string; needsPassword?: boolean };

const LOST = "server closed the connection unexpectedly\n\tThis probably means the server terminated abnormally\n\tbefore or while processing the request.";

export class PgClient {
  private readonly reader = new FrameReader(true);

  private constructor(private readonly session: StreamSession) {}

  private async exchange(message: Uint8Array): Promise<BackendMessage[]> {
    this.reader.push(fromBinary(await this.session.send(toBinary(message))));
    const out: BackendMessage[] = [];
    for (let frame = this.reader.next(); frame; frame = this.reader.next()) out.push(decodeBackend(frame));
    return out;
  }

  static async connect(session: StreamSession, parameters: Record<string, string>, password: string | undefined, nonce: string): Promise<Opened> {
    const client = new PgClient(session);
    const settings: Record<string, string> = {};
    let scram: ScramClient | undefined;
    let messages = await client.exchange(frontend.startup(parameters));
    for (;;) {
      const m = messages.shift();
      if (!m) return { ok: false, message: LOST };
      if (m.type === "errorResponse") return { ok: false, message: `${m.fields.S ?? "FATAL"}:  ${m.fields.M ?? ""}` };
      if (m.type === "parameterStatus") settings[m.name] = m.value;
      if (m.type === "readyForQuery") return { ok: true, client, server: settings.server_version ?? "", superuser: settings.is_superuser === "on" };
      if (m.type !== "authentication" || m.code === AUTH.ok) continue;
      if (m.code === AUTH.saslFinal) {
        if (!scram?.verifyServer(utf8Decode(m.data))) return { ok: false, message: "invalid SCRAM server signature" };
        continue;
      }
      if (password === undefined) return { ok: false, message: "fe_sendauth: no password supplied", needsPassword: true };
      if (m.code === AUTH.cleartext) messages = await client.exchange(frontend.password(password));
      else if (m.code === AUTH.sasl) {
        scram = new ScramClient(password, nonce);
        messages = await client.exchange(frontend.saslInitialResponse("SCRAM-SHA-256", scram.firstMessage()));
      } else if (m.code === AUTH.saslContinue && scram) messages = await client.exchange(frontend.saslResponse(scram.finalMessage(utf8Decode(m.data))));
      else return { ok: false, message: `authentication method requested by the server is not supported (${m.code})` };
    }
  }

  /** A simple query: every statement's result, up to the first error. */
  async query(sql: string): Promise<QueryOutcome> {
    const messages = await this.exchange(frontend.query(sql));
    const outcome: QueryOutcome = { results: [] };
    let set: ResultSet | undefined;
    for (const m of messages) {
      if (m.type === "rowDescription") set = { columns: m.fields.map((f) => ({ name: f.name, numeric: NUMERIC_TYPES.has(f.typeOid) })), rows: [] };
      else if (m.type === "dataRow") set?.rows.push(m.values);
      else if (m.type === "commandComplete") {
        outcome.results.push(set ? { tag: m.tag, result: set } : { tag: m.tag });
        set = undefined;
      } else if (m.type === "errorResponse") {
        const { M, P, D, C } = m.fields;
        outcome.error = { message: M ?? "", ...(P ? { at: Number(P) - 1 } : {}), ...(D ? { detail: D } : {}), ...(C ? { code: C } : {}) };
      } else if (m.type === "readyForQuery") return outcome;
    }
    throw new Error(LOST);
  }

  close(): void {
    void this.session
      .send(toBinary(frontend.terminate()))
      .catch(() => "")
      .finally(() => this.session.close());
  }
}
