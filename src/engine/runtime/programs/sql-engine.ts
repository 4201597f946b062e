// A tiny relational model for the playground's postgres: databases of tables with typed columns,
// and the statements learners run against them (CREATE/DROP TABLE, INSERT, SELECT with WHERE,
// ORDER BY, LIMIT, GROUP BY and aggregates, UPDATE, DELETE), with PostgreSQL's command tags and
// error messages. The whole cluster is plain data, written to the data directory after each change.
import { Evaluator, hasAggregate, show, type EvaluationContext, type Row } from "./sql-eval.js";
import { coerce, TYPES, type Cluster, type Column, type Table } from "./sql-schema.js";
import { Parser, SqlError, tokenize, type Expr, type SqlValue } from "./sql-parse.js";

export type { Cluster, Column, ColumnType, Table } from "./sql-schema.js";

export interface ResultSet {
  columns: { name: string; numeric: boolean }[];
  rows: (string | null)[][];
}

export interface StatementResult {
  tag: string;
  result?: ResultSet;
}

/** Splits a script into statements at top-level semicolons, keeping each one's text. */
export function splitStatements(sql: string): string[] {
  const tokens = tokenize(sql);
  const out: string[] = [];
  let start = 0;
  for (const t of tokens) {
    if (t.kind === "op" && t.text === ";") {
      const text = sql.slice(start, t.at).trim();
      if (text) out.push(text);
      start = t.at + 1;
    }
  }
  const rest = sql.slice(start).trim();
  if (rest) out.push(rest);
  return out;
}

export class SqlEngine {
  private readonly evaluator: Evaluator;

  constructor(
    private readonly cluster: Cluster,
    private readonly session: EvaluationContext,
  ) {
    this.evaluator = new Evaluator(session);
  }

  private evaluate(expr: Expr, row: Row, group?: Row[]): SqlValue {
    return this.evaluator.evaluate(expr, row, group);
  }

  private checkColumns(expr: Expr, table: Table | undefined): void {
    if (expr.kind === "column" && !table?.columns.some((c) => c.name === expr.name)) throw new SqlError(`column "${expr.name}" does not exist`, expr.at);
    if (expr.kind === "call") expr.args.forEach((a) => this.checkColumns(a, table));
    if (expr.kind === "binary") {
      this.checkColumns(expr.left, table);
      this.checkColumns(expr.right, table);
    }
    if (expr.kind === "unary" || expr.kind === "isnull") this.checkColumns(expr.arg, table);
  }

  private get tables(): Record<string, Table> {
    const db = this.cluster.databases[this.session.database];
    if (!db) throw new SqlError(`database "${this.session.database}" does not exist`);
    return db.tables;
  }

  private table(name: { name: string; at: number }): Table {
    const found = this.tables[name.name];
    if (!found) throw new SqlError(`relation "${name.name}" does not exist`, name.at);
    return found;
  }

  /** Runs one statement. `changed` is true when the cluster must be saved. */
  run(sql: string): { result: StatementResult; changed: boolean } {
    const tokens = tokenize(sql);
    const p = new Parser(tokens, sql);
    const first = p.peek();
    if (!first) return { result: { tag: "" }, changed: false };
    let out: { result: StatementResult; changed: boolean };
    if (p.accept("select")) out = { result: this.select(p), changed: false };
    else if (p.accept("insert")) out = { result: this.insert(p), changed: true };
    else if (p.accept("update")) out = { result: this.update(p), changed: true };
    else if (p.accept("delete")) out = { result: this.delete(p), changed: true };
    else if (p.accept("create")) out = this.create(p);
    else if (p.accept("drop")) out = this.drop(p);
    else if (p.accept("truncate")) {
      p.accept("table");
      this.table(p.identifier()).rows = [];
      out = { result: { tag: "TRUNCATE TABLE" }, changed: true };
    } else if (p.accept("begin", "start")) {
      p.accept("transaction");
      out = { result: { tag: "BEGIN" }, changed: false };
    } else if (p.accept("commit", "end")) out = { result: { tag: "COMMIT" }, changed: false };
    else if (p.accept("rollback")) out = { result: { tag: "ROLLBACK" }, changed: false };
    else throw p.syntaxError();
    if (!p.done()) throw p.syntaxError();
    return out;
  }

  private create(p: Parser): { result: StatementResult; changed: boolean } {
    if (p.accept("database")) {
      const name = p.identifier();
      if (this.cluster.databases[name.name]) throw new SqlError(`database "${name.name}" already exists`);
      this.cluster.databases[name.name] = { tables: {} };
      return { result: { tag: "CREATE DATABASE" }, changed: true };
    }
    if (p.accept("user", "role")) {
      const name = p.identifier();
      while (!p.done()) p.skip();
      if (this.cluster.roles.includes(name.name)) throw new SqlError(`role "${name.name}" already exists`);
      this.cluster.roles.push(name.name);
      return { result: { tag: "CREATE ROLE" }, changed: true };
    }
    p.expect("table");
    let ifNotExists = false;
    if (p.accept("if")) {
      p.expect("not");
      p.expect("exists");
      ifNotExists = true;
    }
    const name = p.identifier();
    if (this.tables[name.name]) {
      if (ifNotExists) return { result: { tag: "CREATE TABLE" }, changed: false };
      throw new SqlError(`relation "${name.name}" already exists`);
    }
    p.expect("(");
    const columns: Column[] = [];
    do {
      if (p.accept("primary")) {
        p.expect("key");
        p.expect("(");
        const key = p.identifier();
        p.expect(")");
        const column = columns.find((c) => c.name === key.name);
        if (!column) throw new SqlError(`column "${key.name}" named in key does not exist`, key.at);
        column.primaryKey = column.notNull = true;
        continue;
      }
      const column = p.identifier();
      const typeToken = p.identifier();
      const type = TYPES[typeToken.name];
      if (!type) throw new SqlError(`type "${typeToken.name}" does not exist`, typeToken.at);
      if (typeToken.name === "double") p.accept("precision");
      if (typeToken.name === "character") p.accept("varying");
      if (p.accept("(")) {
        p.integer();
        if (p.accept(",")) p.integer();
        p.expect(")");
      }
      const def: Column = { name: column.name, type, primaryKey: false, notNull: false, serial: typeToken.name.endsWith("serial") };
      for (;;) {
        if (p.accept("primary")) {
          p.expect("key");
          def.primaryKey = def.notNull = true;
        } else if (p.accept("not")) {
          p.expect("null");
          def.notNull = true;
        } else if (p.accept("unique", "null")) {
          continue;
        } else if (p.accept("default")) {
          p.expression();
        } else break;
      }
      if (def.serial) def.notNull = true;
      columns.push(def);
    } while (p.accept(","));
    p.expect(")");
    this.tables[name.name] = { columns, rows: [], sequence: 0 };
    return { result: { tag: "CREATE TABLE" }, changed: true };
  }

  private drop(p: Parser): { result: StatementResult; changed: boolean } {
    const database = p.accept("database");
    if (!database) p.expect("table");
    let ifExists = false;
    if (p.accept("if")) {
      p.expect("exists");
      ifExists = true;
    }
    do {
      const name = p.identifier();
      if (database) {
        if (!this.cluster.databases[name.name]) {
          if (!ifExists) throw new SqlError(`database "${name.name}" does not exist`);
        } else if (name.name === this.session.database) {
          throw new SqlError("cannot drop the currently open database");
        }
        delete this.cluster.databases[name.name];
        return { result: { tag: "DROP DATABASE" }, changed: true };
      }
      if (!this.tables[name.name]) {
        if (ifExists) continue;
        throw new SqlError(`table "${name.name}" does not exist`);
      }
      delete this.tables[name.name];
    } while (p.accept(","));
    p.accept("cascade");
    return { result: { tag: "DROP TABLE" }, changed: true };
  }

  private rowOf(table: Table, values: SqlValue[]): Row {
    const row: Row = {};
    table.columns.forEach((c, i) => (row[c.name] = values[i] ?? null));
    return row;
  }

  private insert(p: Parser): StatementResult {
    p.expect("into");
    const name = p.identifier();
    const table = this.table(name);
    let targets = table.columns;
    if (p.accept("(")) {
      targets = [];
      do {
        const column = p.identifier();
        const found = table.columns.find((c) => c.name === column.name);
        if (!found) throw new SqlError(`column "${column.name}" of relation "${name.name}" does not exist`, column.at);
        targets.push(found);
      } while (p.accept(","));
      p.expect(")");
    }
    p.expect("values");
    const added: SqlValue[][] = [];
    do {
      p.expect("(");
      const exprs: Expr[] = [];
      do exprs.push(p.expression());
      while (p.accept(","));
      p.expect(")");
      if (exprs.length > targets.length) throw new SqlError("INSERT has more expressions than target columns", exprs[targets.length]?.at);
      const values = table.columns.map((column) => {
        const index = targets.indexOf(column);
        const expr = index >= 0 ? exprs[index] : undefined;
        if (expr === undefined && column.serial) return ++table.sequence;
        const value = expr ? coerce(this.evaluate(expr, {}), column, expr.at) : null;
        if (column.serial && typeof value === "number") table.sequence = Math.max(table.sequence, value);
        return value;
      });
      table.columns.forEach((column, i) => {
        const value = values[i] ?? null;
        if (value === null && column.notNull) {
          throw new SqlError(`null value in column "${column.name}" of relation "${name.name}" violates not-null constraint`, undefined, `Failing row contains (${values.map((v) => show(v) ?? "null").join(", ")}).`);
        }
        if (column.primaryKey && [...table.rows, ...added].some((r) => r[i] === value)) {
          throw new SqlError(`duplicate key value violates unique constraint "${name.name}_pkey"`, undefined, `Key (${column.name})=(${show(value) ?? ""}) already exists.`);
        }
      });
      added.push(values);
    } while (p.accept(","));
    let result: ResultSet | undefined;
    if (p.accept("returning")) result = this.project(p, table, added.map((v) => this.rowOf(table, v)), false);
    table.rows.push(...added);
    return { tag: `INSERT 0 ${added.length}`, ...(result ? { result } : {}) };
  }

  private where(p: Parser, table: Table): (row: SqlValue[]) => boolean {
    if (!p.accept("where")) return () => true;
    const condition = p.expression();
    return (values) => this.evaluate(condition, this.rowOf(table, values)) === true;
  }

  private update(p: Parser): StatementResult {
    const name = p.identifier();
    const table = this.table(name);
    p.expect("set");
    const sets: [number, Expr][] = [];
    do {
      const column = p.identifier();
      const index = table.columns.findIndex((c) => c.name === column.name);
      if (index < 0) throw new SqlError(`column "${column.name}" of relation "${name.name}" does not exist`, column.at);
      p.expect("=");
      sets.push([index, p.expression()]);
    } while (p.accept(","));
    const matches = this.where(p, table);
    let count = 0;
    for (const values of table.rows) {
      if (!matches(values)) continue;
      const row = this.rowOf(table, values);
      for (const [index, expr] of sets) values[index] = coerce(this.evaluate(expr, row), table.columns[index] as Column, expr.at);
      count++;
    }
    return { tag: `UPDATE ${count}` };
  }

  private delete(p: Parser): StatementResult {
    p.expect("from");
    const table = this.table(p.identifier());
    const matches = this.where(p, table);
    const before = table.rows.length;
    table.rows = table.rows.filter((values) => !matches(values));
    return { tag: `DELETE ${before - table.rows.length}` };
  }

  private select(p: Parser): StatementResult {
    const start = p.position;
    // The select list is parsed after FROM is known, so skip to it first.
    let depth = 0;
    while (p.peek() && !(depth === 0 && p.is("from", "where", "order", "limit", "group", ";"))) {
      if (p.is("(")) depth++;
      if (p.is(")")) depth--;
      p.skip();
    }
    let table: Table | undefined;
    if (p.accept("from")) {
      table = this.table(p.identifier());
      if (p.accept("as") || (p.peek()?.kind === "word" && !p.is("where", "order", "limit", "group"))) p.identifier();
    }
    const rows = (table?.rows ?? [[]]).filter(table ? this.where(p, table) : () => true).map((v) => (table ? this.rowOf(table, v) : {}));
    const groupBy: Expr[] = [];
    if (p.accept("group")) {
      p.expect("by");
      do groupBy.push(p.expression());
      while (p.accept(","));
    }
    const order: { expr: Expr; desc: boolean }[] = [];
    if (p.accept("order")) {
      p.expect("by");
      do {
        const expr = p.expression();
        const desc = p.accept("desc");
        if (!desc) p.accept("asc");
        order.push({ expr, desc });
      } while (p.accept(","));
    }
    let limit = Infinity;
    let offset = 0;
    if (p.accept("limit")) limit = p.accept("all") ? Infinity : p.integer();
    if (p.accept("offset")) offset = p.integer();
    const end = p.position;
    const sorted = [...rows].sort((a, b) => {
      for (const { expr, desc } of order) {
        const x = this.evaluate(expr, a);
        const y = this.evaluate(expr, b);
        if (x === y) continue;
        const less = x === null ? false : y === null ? true : x < y;
        return (less ? -1 : 1) * (desc ? -1 : 1);
      }
      return 0;
    });
    p.position = start;
    const result = this.project(p, table, sorted, true, groupBy);
    p.position = end;
    result.rows = result.rows.slice(offset, offset + limit);
    return { tag: `SELECT ${result.rows.length}`, result };
  }

  /** Evaluates the select list (or RETURNING list) over rows, aggregating when it asks to. */
  private project(p: Parser, table: Table | undefined, rows: Row[], stopAtClause: boolean, groupBy: Expr[] = []): ResultSet {
    const items: { expr: Expr; name: string }[] = [];
    do {
      const expr = p.expression();
      let name = expr.kind === "column" ? expr.name : expr.kind === "call" ? expr.name : "?column?";
      if (p.accept("as")) name = p.identifier().name;
      else if (p.peek()?.kind === "word" && !p.is("from", "where", "order", "limit", "group")) name = p.identifier().name;
      items.push({ expr, name });
    } while (p.accept(","));
    if (!stopAtClause && !p.done()) throw p.syntaxError();
    const columns: { expr: Expr; name: string }[] = items.flatMap((item) =>
      item.expr.kind === "star" ? (table?.columns ?? []).map((c) => ({ expr: { kind: "column", name: c.name, at: item.expr.at } as Expr, name: c.name })) : [item],
    );
    if (items.some((i) => i.expr.kind === "star") && !table) throw new SqlError("SELECT * with no tables specified is not valid", items[0]?.expr.at);
    for (const c of columns) this.checkColumns(c.expr, table);
    const aggregate = columns.some((c) => hasAggregate(c.expr));
    let groups: Row[][] = [rows];
    if (groupBy.length > 0) {
      const byKey = new Map<string, Row[]>();
      for (const row of rows) {
        const key = JSON.stringify(groupBy.map((g) => this.evaluate(g, row)));
        byKey.set(key, [...(byKey.get(key) ?? []), row]);
      }
      groups = [...byKey.values()];
    }
    const values: SqlValue[][] =
      aggregate || groupBy.length > 0
        ? groups.map((group) => columns.map((c) => this.evaluate(c.expr, group[0] ?? {}, group)))
        : rows.map((row) => columns.map((c) => this.evaluate(c.expr, row)));
    const numeric = columns.map((c, i) => {
      if (c.expr.kind === "column") {
        const type = table?.columns.find((col) => col.name === (c.expr as { name: string }).name)?.type;
        return type === "integer" || type === "bigint" || type === "numeric";
      }
      // Counts, sums and averages are numbers even when there are no rows to show it.
      if (c.expr.kind === "call" && ["count", "sum", "avg"].includes(c.expr.name)) return true;
      return values.length > 0 && values.every((v) => typeof v[i] === "number" || v[i] === null) && values.some((v) => typeof v[i] === "number");
    });
    return { columns: columns.map((c, i) => ({ name: c.name, numeric: numeric[i] ?? false })), rows: values.map((v) => v.map(show)) };
  }

}
