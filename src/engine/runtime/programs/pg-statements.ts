// What a session runs its statements through: the catalog queries psql makes, SET and SHOW of
// the session's settings, and everything else in the SQL model. It also keeps the transaction
// status ReadyForQuery reports. The model applies each statement as it runs, so BEGIN and
// COMMIT only mark the block (ROLLBACK undoes nothing); what clients see of the status, and the
// "current transaction is aborted" refusal after an error inside a block, are PostgreSQL's.
import { catalogQuery } from "./pg-catalog.js";
import type { FieldDescription } from "./pg-messages.js";
import { SqlEngine, type Cluster, type ResultSet, type StatementResult } from "./sql-engine.js";
import { SqlError } from "./sql-parse.js";

export interface RunnerHost {
  /** server_version as PostgreSQL reports it, e.g. "18.1 (Debian 18.1-1.pgdg13+1)". */
  readonly version: string;
  /** The role initdb created (POSTGRES_USER). */
  readonly superuser: string;
  cluster(): Cluster;
  /** Writes the cluster to the data directory. */
  save(): Promise<void>;
  now(): number;
}

// Type OIDs: int4, int8, numeric, text.
const INT4 = 23;
const INT8 = 20;
const NUMERIC = 1700;
const TEXT = 25;

/**
 * Column types for RowDescription. The model knows only whether a column is numeric, so the type
 * is read off the values: count() and sum() are bigint as in PostgreSQL, whole numbers int4,
 * anything else numeric. Clients parse by these OIDs (pg turns int4 into a JS number).
 */
export function fieldsOf(set: ResultSet): FieldDescription[] {
  return set.columns.map((column, i) => {
    if (!column.numeric) return { name: column.name, typeOid: TEXT };
    if (column.name === "count" || column.name === "sum") return { name: column.name, typeOid: INT8 };
    const whole = set.rows.every((row) => row[i] === null || row[i] === undefined || (/^-?\d+$/.test(row[i] ?? "") && Math.abs(Number(row[i])) < 2 ** 31));
    return { name: column.name, typeOid: whole ? INT4 : NUMERIC };
  });
}

export class StatementRunner {
  /** ReadyForQuery's transaction status: idle, in a block, in a failed block. */
  status: "I" | "T" | "E" = "I";
  /** The settings the server reports with ParameterStatus, in PostgreSQL's order. */
  readonly settings: Record<string, string>;

  constructor(
    private readonly host: RunnerHost,
    private readonly user: string,
    private readonly database: string,
    startup: Record<string, string>,
  ) {
    this.settings = {
      application_name: startup.application_name ?? "",
      client_encoding: startup.client_encoding ?? "UTF8",
      DateStyle: "ISO, MDY",
      default_transaction_read_only: "off",
      in_hot_standby: "off",
      integer_datetimes: "on",
      IntervalStyle: "postgres",
      is_superuser: user === host.superuser ? "on" : "off",
      scram_iterations: "4096",
      server_encoding: "UTF8",
      server_version: host.version,
      session_authorization: user,
      standard_conforming_strings: "on",
      TimeZone: "Etc/UTC",
    };
  }

  async run(sql: string): Promise<StatementResult> {
    const ends = /^\s*(rollback|abort|commit|end)\b/i.test(sql);
    if (this.status === "E" && !ends) throw new SqlError("current transaction is aborted, commands ignored until end of transaction block");
    let result: StatementResult;
    try {
      result = await this.execute(sql);
    } catch (error) {
      if (this.status === "T") this.status = "E";
      throw error;
    }
    if (result.tag === "BEGIN") this.status = "T";
    if (result.tag === "COMMIT" || result.tag === "ROLLBACK") {
      // COMMIT of a failed block rolls it back, and says so.
      if (this.status === "E") result = { tag: "ROLLBACK" };
      this.status = "I";
    }
    return result;
  }

  /** A prepared statement's columns, before it has parameters: only queries are run for that. */
  async describe(sql: string): Promise<FieldDescription[] | undefined> {
    if (!/^\s*(select|show|with|values)\b/i.test(sql)) return undefined;
    const result = await this.execute(sql);
    return result.result ? fieldsOf(result.result) : undefined;
  }

  private setting(name: string): string | undefined {
    const key = Object.keys(this.settings).find((k) => k.toLowerCase() === name.toLowerCase());
    return key === undefined ? undefined : this.settings[key];
  }

  private async execute(sql: string): Promise<StatementResult> {
    const cluster = this.host.cluster();
    const catalog = catalogQuery(sql, cluster, this.database);
    if (catalog) return { tag: `SELECT ${catalog.rows.length}`, result: catalog };
    const set = /^\s*set\s+(?:session\s+|local\s+)?(\w+)\s*(?:=|\s+to\s+)\s*'?([^']*)'?\s*$/i.exec(sql);
    if (set) {
      const key = Object.keys(this.settings).find((k) => k.toLowerCase() === set[1]?.toLowerCase());
      if (key) this.settings[key] = set[2] ?? "";
      return { tag: "SET" };
    }
    const show = /^\s*show\s+(\w+)\s*$/i.exec(sql);
    if (show) {
      const name = show[1] ?? "";
      const value = this.setting(name);
      if (value === undefined) throw new SqlError(`unrecognized configuration parameter "${name}"`);
      return { tag: "SHOW", result: { columns: [{ name: name.toLowerCase(), numeric: false }], rows: [[value]] } };
    }
    const engine = new SqlEngine(cluster, { user: this.user, database: this.database, version: this.host.version, now: () => this.host.now() });
    const { result, changed } = engine.run(sql);
    if (changed) await this.host.save();
    return result;
  }
}
