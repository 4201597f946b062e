// Evaluating SQL expressions over a row (or a group of rows, for aggregates): PostgreSQL's
// three-valued logic with NULL, integer division, LIKE, || and the functions learners call.
import { SqlError, type Expr, type SqlValue } from "./sql-parse.js";

export type Row = Record<string, SqlValue>;

export const AGGREGATES = new Set(["count", "sum", "avg", "min", "max"]);

/** A value as psql prints it: t/f for booleans, nothing for NULL. */
export function show(value: SqlValue): string | null {
  if (value === null) return null;
  if (typeof value === "boolean") return value ? "t" : "f";
  return String(value);
}

export function hasAggregate(expr: Expr): boolean {
  if (expr.kind === "call") return AGGREGATES.has(expr.name) || expr.args.some(hasAggregate);
  if (expr.kind === "binary") return hasAggregate(expr.left) || hasAggregate(expr.right);
  if (expr.kind === "unary" || expr.kind === "isnull") return hasAggregate(expr.arg);
  return false;
}

export interface EvaluationContext {
  database: string;
  user: string;
  version: string;
  now: () => number;
}

export class Evaluator {
  constructor(private readonly session: EvaluationContext) {}

  evaluate(expr: Expr, row: Row, group?: Row[]): SqlValue {
    switch (expr.kind) {
      case "literal":
        return expr.value;
      case "star":
        return null;
      case "column":
        if (!(expr.name in row)) throw new SqlError(`column "${expr.name}" does not exist`, expr.at);
        return row[expr.name] ?? null;
      case "isnull": {
        const isNull = this.evaluate(expr.arg, row, group) === null;
        return expr.negate ? !isNull : isNull;
      }
      case "unary": {
        const value = this.evaluate(expr.arg, row, group);
        if (expr.op === "not") return value === null ? null : !value;
        return value === null ? null : -Number(value);
      }
      case "binary":
        return this.binary(expr.op, this.evaluate(expr.left, row, group), () => this.evaluate(expr.right, row, group), expr.at);
      case "call":
        return this.call(expr, row, group);
    }
  }

  private binary(op: string, left: SqlValue, rightOf: () => SqlValue, at: number): SqlValue {
    if (op === "and") return left === false ? false : rightOf() === true && left === true;
    if (op === "or") return left === true ? true : rightOf() === true;
    const right = rightOf();
    if (left === null || right === null) return null;
    switch (op) {
      case "=":
        return left == right;
      case "<>":
        return left != right;
      case "<":
        return left < right;
      case ">":
        return left > right;
      case "<=":
        return left <= right;
      case ">=":
        return left >= right;
      case "||":
        return `${show(left)}${show(right)}`;
      case "like":
      case "ilike": {
        const pattern = new RegExp(`^${String(right).replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/%/g, ".*").replace(/_/g, ".")}$`, op === "ilike" ? "is" : "s");
        return pattern.test(String(left));
      }
    }
    const a = Number(left);
    const b = Number(right);
    if (!Number.isFinite(a) || !Number.isFinite(b)) throw new SqlError(`operator does not exist: text ${op} integer`, at);
    if (op === "/" || op === "%") {
      if (b === 0) throw new SqlError("division by zero");
      if (op === "%") return a % b;
      return Number.isInteger(a) && Number.isInteger(b) ? Math.trunc(a / b) : a / b;
    }
    return op === "+" ? a + b : op === "-" ? a - b : a * b;
  }

  private call(expr: Extract<Expr, { kind: "call" }>, row: Row, group?: Row[]): SqlValue {
    const arg = (i: number) => this.evaluate(expr.args[i] ?? { kind: "literal", value: null, at: expr.at }, row, group);
    if (AGGREGATES.has(expr.name)) {
      const rows = group ?? [row];
      if (expr.name === "count" && expr.star) return rows.length;
      const values = rows.map((r) => this.evaluate(expr.args[0] ?? { kind: "literal", value: null, at: 0 }, r)).filter((v) => v !== null);
      if (expr.name === "count") return values.length;
      if (values.length === 0) return null;
      if (expr.name === "sum") return values.reduce<number>((s, v) => s + Number(v), 0);
      // avg() is numeric with PostgreSQL's 16 decimal places.
      if (expr.name === "avg") return (values.reduce<number>((s, v) => s + Number(v), 0) / values.length).toFixed(16);
      return values.reduce((m, v) => ((expr.name === "min" ? (v as number) < (m as number) : (v as number) > (m as number)) ? v : m));
    }
    const now = new Date(this.session.now());
    switch (expr.name) {
      case "version":
        return `PostgreSQL ${this.session.version} on x86_64-pc-linux-gnu, compiled by gcc (Debian 14.2.0-19) 14.2.0, 64-bit`;
      case "now":
      case "current_timestamp":
        return `${now.toISOString().replace("T", " ").replace("Z", "")}+00`;
      case "current_date":
        return now.toISOString().slice(0, 10);
      case "current_user":
      case "session_user":
        return this.session.user;
      case "current_database":
        return this.session.database;
      case "upper":
        return arg(0) === null ? null : String(arg(0)).toUpperCase();
      case "lower":
        return arg(0) === null ? null : String(arg(0)).toLowerCase();
      case "length":
        return arg(0) === null ? null : String(arg(0)).length;
      case "concat":
        return expr.args.map((_, i) => show(arg(i)) ?? "").join("");
      case "coalesce":
        return expr.args.map((_, i) => arg(i)).find((v) => v !== null) ?? null;
      case "abs":
        return arg(0) === null ? null : Math.abs(Number(arg(0)));
      case "round":
        return arg(0) === null ? null : Math.round(Number(arg(0)));
      case "pg_sleep":
        return "";
    }
    throw new SqlError(`function ${expr.name}(${expr.args.map(() => "unknown").join(", ")}) does not exist`, expr.at, undefined);
  }
}
