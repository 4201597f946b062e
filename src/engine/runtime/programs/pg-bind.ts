// Parameters of the extended protocol ($1, $2, … bound by a Bind message). The SQL model has no
// placeholders, so a bound statement becomes its text with each placeholder replaced by a
// literal. Values arrive as text (every client sends text unless asked otherwise), and a quoted
// literal is what PostgreSQL's "unknown"-typed parameter resolves to: the column's type decides.
// Only where a literal cannot stand quoted (LIMIT, OFFSET) or the client typed the parameter as
// a number does the value go in bare.

/** OIDs of the numeric types a client may declare for a parameter (int2/4/8, float4/8, numeric). */
const NUMERIC_TYPES = new Set([20, 21, 23, 700, 701, 1700]);
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

interface Placeholder {
  index: number;
  start: number;
  end: number;
}

/** Where $n placeholders stand, outside string literals, quoted identifiers and comments. */
function placeholders(sql: string): Placeholder[] {
  const out: Placeholder[] = [];
  for (let i = 0; i < sql.length; i++) {
    const c = sql[i];
    if (c === "'" || c === '"') {
      const close = sql.indexOf(c, i + 1);
      i = close < 0 ? sql.length : close;
      continue;
    }
    if (c === "-" && sql[i + 1] === "-") {
      const end = sql.indexOf("\n", i);
      i = end < 0 ? sql.length : end;
      continue;
    }
    const match = c === "$" && !/[\w$]/.test(sql[i - 1] ?? "") ? /^\$(\d+)/.exec(sql.slice(i)) : null;
    if (match) {
      out.push({ index: Number(match[1]), start: i, end: i + match[0].length });
      i += match[0].length - 1;
    }
  }
  return out;
}

/** How many parameters a statement takes: its highest placeholder number. */
export function parameterCount(sql: string): number {
  return placeholders(sql).reduce((n, p) => Math.max(n, p.index), 0);
}

/** The statement with its placeholders replaced by the values; null is SQL's NULL. */
export function bindParameters(sql: string, values: (string | null)[], types: number[] = []): string {
  let out = "";
  let from = 0;
  for (const p of placeholders(sql)) {
    const value = values[p.index - 1];
    const countsRows = /\b(limit|offset)\s*$/i.test(sql.slice(0, p.start));
    const bare = value !== undefined && value !== null && NUMBER.test(value) && (countsRows || NUMERIC_TYPES.has(types[p.index - 1] ?? 0));
    out += sql.slice(from, p.start) + (value === undefined || value === null ? "NULL" : bare ? value : `'${value.replace(/'/g, "''")}'`);
    from = p.end;
  }
  return out + sql.slice(from);
}
