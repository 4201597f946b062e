// The SQL the playground's postgres understands, parsed: tokens with their offsets (for psql's
// "LINE 1: ... ^" pointers), expressions with precedence, and the statements learners type.

export type Token = { kind: "word" | "quoted" | "number" | "string" | "op"; text: string; at: number };

export class SqlError extends Error {
  constructor(
    message: string,
    /** Offset in the statement the error points at, as psql's caret shows it. */
    readonly at?: number,
    readonly detail?: string,
  ) {
    super(message);
  }
}

export function tokenize(sql: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < sql.length) {
    const c = sql[i] ?? "";
    if (/\s/.test(c)) {
      i++;
    } else if (c === "-" && sql[i + 1] === "-") {
      while (i < sql.length && sql[i] !== "\n") i++;
    } else if (/[A-Za-z_]/.test(c)) {
      const start = i;
      while (i < sql.length && /[A-Za-z0-9_$]/.test(sql[i] ?? "")) i++;
      tokens.push({ kind: "word", text: sql.slice(start, i).toLowerCase(), at: start });
    } else if (/[0-9]/.test(c) || (c === "." && /[0-9]/.test(sql[i + 1] ?? ""))) {
      const start = i;
      while (i < sql.length && /[0-9.]/.test(sql[i] ?? "")) i++;
      tokens.push({ kind: "number", text: sql.slice(start, i), at: start });
    } else if (c === "'" || c === '"') {
      const start = i;
      let text = "";
      i++;
      for (;;) {
        if (i >= sql.length) throw new SqlError(`unterminated quoted ${c === "'" ? "string" : "identifier"} at or near "${sql.slice(start)}"`, start);
        if (sql[i] === c && sql[i + 1] === c) {
          text += c;
          i += 2;
        } else if (sql[i] === c) {
          i++;
          break;
        } else text += sql[i++];
      }
      tokens.push({ kind: c === "'" ? "string" : "quoted", text, at: start });
    } else {
      const two = sql.slice(i, i + 2);
      const op = ["<>", "!=", "<=", ">=", "||", "::"].includes(two) ? two : c;
      tokens.push({ kind: "op", text: op, at: i });
      i += op.length;
    }
  }
  return tokens;
}

export type Expr =
  | { kind: "literal"; value: SqlValue; at: number }
  | { kind: "column"; table?: string; name: string; at: number }
  | { kind: "star"; at: number }
  | { kind: "unary"; op: string; arg: Expr; at: number }
  | { kind: "binary"; op: string; left: Expr; right: Expr; at: number }
  | { kind: "call"; name: string; args: Expr[]; star: boolean; at: number }
  | { kind: "isnull"; arg: Expr; negate: boolean; at: number };

export type SqlValue = string | number | boolean | null;

const RESERVED = new Set(["from", "where", "order", "group", "limit", "offset", "as", "and", "or", "not", "values", "set", "returning", "asc", "desc", "by", "having", "on", "join", "is", "null", "like", "ilike", "in"]);

export class Parser {
  private pos = 0;
  constructor(
    private readonly tokens: Token[],
    private readonly sql: string,
  ) {}

  /** Where parsing is; set it back to parse a stretch again. */
  get position(): number {
    return this.pos;
  }

  set position(value: number) {
    this.pos = value;
  }

  skip(): void {
    this.pos++;
  }

  peek(offset = 0): Token | undefined {
    return this.tokens[this.pos + offset];
  }

  done(): boolean {
    return this.pos >= this.tokens.length || (this.peek()?.text === ";" && this.pos === this.tokens.length - 1);
  }

  /** psql's complaint about the token where parsing stopped. */
  syntaxError(): SqlError {
    const t = this.peek();
    if (!t) return new SqlError("syntax error at end of input", this.sql.trimEnd().length);
    return new SqlError(`syntax error at or near "${t.kind === "string" ? `'${t.text}'` : this.sql.slice(t.at, t.at + (t.kind === "word" || t.kind === "number" || t.kind === "op" ? t.text.length : 1))}"`, t.at);
  }

  is(...words: string[]): boolean {
    const t = this.peek();
    return t !== undefined && (t.kind === "word" || t.kind === "op") && words.includes(t.text);
  }

  accept(...words: string[]): boolean {
    if (!this.is(...words)) return false;
    this.pos++;
    return true;
  }

  expect(word: string): void {
    if (!this.accept(word)) throw this.syntaxError();
  }

  identifier(): { name: string; at: number } {
    const t = this.peek();
    if (!t || (t.kind !== "word" && t.kind !== "quoted") || (t.kind === "word" && RESERVED.has(t.text))) throw this.syntaxError();
    this.pos++;
    return { name: t.text, at: t.at };
  }

  integer(): number {
    const t = this.peek();
    if (t?.kind !== "number") throw this.syntaxError();
    this.pos++;
    return Number(t.text);
  }

  expression(): Expr {
    return this.or();
  }

  private or(): Expr {
    let left = this.and();
    while (this.is("or")) {
      const at = this.peek()?.at ?? 0;
      this.pos++;
      left = { kind: "binary", op: "or", left, right: this.and(), at };
    }
    return left;
  }

  private and(): Expr {
    let left = this.not();
    while (this.is("and")) {
      const at = this.peek()?.at ?? 0;
      this.pos++;
      left = { kind: "binary", op: "and", left, right: this.not(), at };
    }
    return left;
  }

  private not(): Expr {
    if (this.is("not")) {
      const at = this.peek()?.at ?? 0;
      this.pos++;
      return { kind: "unary", op: "not", arg: this.not(), at };
    }
    return this.comparison();
  }

  private comparison(): Expr {
    const left = this.additive();
    const t = this.peek();
    if (t && (["=", "<>", "!=", "<", ">", "<=", ">="].includes(t.text) && t.kind === "op" || (t.kind === "word" && (t.text === "like" || t.text === "ilike")))) {
      this.pos++;
      return { kind: "binary", op: t.text === "!=" ? "<>" : t.text, left, right: this.additive(), at: t.at };
    }
    if (this.is("is")) {
      const at = this.peek()?.at ?? 0;
      this.pos++;
      const negate = this.accept("not");
      this.expect("null");
      return { kind: "isnull", arg: left, negate, at };
    }
    return left;
  }

  private additive(): Expr {
    let left = this.multiplicative();
    while (this.is("+", "-", "||")) {
      const t = this.peek() as Token;
      this.pos++;
      left = { kind: "binary", op: t.text, left, right: this.multiplicative(), at: t.at };
    }
    return left;
  }

  private multiplicative(): Expr {
    let left = this.unary();
    while (this.is("*", "/", "%")) {
      const t = this.peek() as Token;
      this.pos++;
      left = { kind: "binary", op: t.text, left, right: this.unary(), at: t.at };
    }
    return left;
  }

  private unary(): Expr {
    if (this.is("-")) {
      const at = this.peek()?.at ?? 0;
      this.pos++;
      return { kind: "unary", op: "-", arg: this.unary(), at };
    }
    const expr = this.primary();
    // A cast (value::type) changes nothing the playground shows.
    while (this.accept("::")) this.identifier();
    return expr;
  }

  private primary(): Expr {
    const t = this.peek();
    if (!t) throw this.syntaxError();
    if (t.kind === "number") {
      this.pos++;
      return { kind: "literal", value: Number(t.text), at: t.at };
    }
    if (t.kind === "string") {
      this.pos++;
      return { kind: "literal", value: t.text, at: t.at };
    }
    if (t.kind === "op" && t.text === "(") {
      this.pos++;
      const inner = this.expression();
      this.expect(")");
      return inner;
    }
    if (t.kind === "op" && t.text === "*") {
      this.pos++;
      return { kind: "star", at: t.at };
    }
    if (t.kind === "word" && ["true", "false", "null"].includes(t.text)) {
      this.pos++;
      return { kind: "literal", value: t.text === "null" ? null : t.text === "true", at: t.at };
    }
    if (t.kind === "word" && ["current_user", "current_date", "current_timestamp", "session_user"].includes(t.text)) {
      this.pos++;
      return { kind: "call", name: t.text, args: [], star: false, at: t.at };
    }
    const name = this.identifier();
    if (this.accept("(")) {
      if (this.accept("*")) {
        this.expect(")");
        return { kind: "call", name: name.name, args: [], star: true, at: name.at };
      }
      const args: Expr[] = [];
      if (!this.is(")")) {
        do args.push(this.expression());
        while (this.accept(","));
      }
      this.expect(")");
      return { kind: "call", name: name.name, args, star: false, at: name.at };
    }
    if (this.accept(".")) {
      if (this.accept("*")) return { kind: "star", at: name.at };
      const column = this.identifier();
      return { kind: "column", table: name.name, name: column.name, at: column.at };
    }
    return { kind: "column", name: name.name, at: name.at };
  }
}
