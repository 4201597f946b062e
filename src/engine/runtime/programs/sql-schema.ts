// What the playground's postgres stores: databases of tables with typed columns, and how a value
// is made to fit a column's type (with PostgreSQL's "invalid input syntax" errors).
import { SqlError, type SqlValue } from "./sql-parse.js";

export type ColumnType = "integer" | "bigint" | "text" | "boolean" | "numeric" | "timestamp";

export interface Column {
  name: string;
  type: ColumnType;
  primaryKey: boolean;
  notNull: boolean;
  serial: boolean;
}

export interface Table {
  columns: Column[];
  rows: SqlValue[][];
  sequence: number;
}

export interface Cluster {
  databases: Record<string, { tables: Record<string, Table> }>;
  roles: string[];
}

/** Type names as written in CREATE TABLE, by the type the model keeps. */
export const TYPES: Record<string, ColumnType> = {
  int: "integer", integer: "integer", int4: "integer", smallint: "integer", int2: "integer", serial: "integer",
  bigint: "bigint", int8: "bigint", bigserial: "bigint", text: "text", varchar: "text", character: "text", char: "text",
  boolean: "boolean", bool: "boolean", numeric: "numeric", decimal: "numeric", real: "numeric", float: "numeric",
  double: "numeric", timestamp: "timestamp", timestamptz: "timestamp", date: "timestamp", uuid: "text", json: "text", jsonb: "text",
};

export function coerce(value: SqlValue, column: Column, at: number | undefined): SqlValue {
  if (value === null) return null;
  switch (column.type) {
    case "integer":
    case "bigint": {
      const n = typeof value === "number" ? value : Number(String(value).trim());
      if (typeof value === "boolean" || !Number.isFinite(n) || String(value).trim() === "") throw new SqlError(`invalid input syntax for type ${column.type}: "${String(value)}"`, at);
      return Math.round(n);
    }
    case "numeric": {
      const n = Number(value);
      if (typeof value === "boolean" || !Number.isFinite(n)) throw new SqlError(`invalid input syntax for type numeric: "${String(value)}"`, at);
      return n;
    }
    case "boolean":
      if (typeof value === "boolean") return value;
      if (/^(t|true|yes|on|1)$/i.test(String(value))) return true;
      if (/^(f|false|no|off|0)$/i.test(String(value))) return false;
      throw new SqlError(`invalid input syntax for type boolean: "${String(value)}"`, at);
    default:
      return typeof value === "boolean" ? (value ? "true" : "false") : String(value);
  }
}
