// The parser of Go's text/template (text/template/parse/parse.go): the same grammar, the same
// three-token lookahead and the same error texts, e.g. `template: :1: function "foo" not defined`.
import { goUnquote, parseGoNumber } from "./go-literals.js";
import { goQuote } from "./text.js";
import { TemplateError } from "./template-error.js";
import { Lexer, itemString, type Item, type ItemType } from "./template-lexer.js";
import {
  nodeString, type ActionNode, type ArgNode, type BranchNode, type CommandNode, type DelimNode,
  type ListNode, type Node, type PipeNode, type VariableRef,
} from "./template-nodes.js";

const OPERAND_START = new Set<ItemType>([
  "bool", "charConstant", "dot", "field", "identifier", "number", "nil", "rawString", "string",
  "variable", "leftParen",
]);

export class Parser {
  private readonly lex: Lexer;
  private readonly token: Item[] = [];
  private peekCount = 0;
  private vars: string[] = ["$"];
  private actionLine = 0;
  private rangeDepth = 0;

  constructor(
    private readonly name: string,
    text: string,
    private readonly hasFunction: (name: string) => boolean,
  ) {
    this.lex = new Lexer(text);
  }

  parse(): ListNode {
    const root: ListNode = { kind: "list", pos: this.peek().pos, nodes: [] };
    while (this.peek().type !== "eof") {
      if (this.peek().type === "leftDelim") {
        const delim = this.next();
        if (this.nextNonSpace().type === "define") this.errorf("{{define}} is not supported here");
        this.backup2(delim);
      }
      const n = this.textOrAction();
      if (n.kind === "end" || n.kind === "else") this.errorf(`unexpected ${nodeString(n)}`);
      root.nodes.push(n);
    }
    return root;
  }

  private next(): Item {
    if (this.peekCount > 0) this.peekCount--;
    else this.token[0] = this.lex.nextItem();
    return this.token[this.peekCount] as Item;
  }

  private backup(): void {
    this.peekCount++;
  }

  private backup2(t1: Item): void {
    this.token[1] = t1;
    this.peekCount = 2;
  }

  private backup3(t2: Item, t1: Item): void {
    this.token[1] = t1;
    this.token[2] = t2;
    this.peekCount = 3;
  }

  private peek(): Item {
    if (this.peekCount > 0) return this.token[this.peekCount - 1] as Item;
    this.peekCount = 1;
    this.token[0] = this.lex.nextItem();
    return this.token[0];
  }

  private nextNonSpace(): Item {
    let token = this.next();
    while (token.type === "space") token = this.next();
    return token;
  }

  private peekNonSpace(): Item {
    const token = this.nextNonSpace();
    this.backup();
    return token;
  }

  private errorf(message: string): never {
    throw new TemplateError(`template: ${this.name}:${this.token[0]?.line ?? 1}: ${message}`);
  }

  private expect(expected: ItemType, context: string): Item {
    const token = this.nextNonSpace();
    if (token.type !== expected) this.unexpected(token, context);
    return token;
  }

  private unexpected(token: Item, context: string): never {
    if (token.type === "error") {
      let extra = "";
      if (this.actionLine !== 0 && this.actionLine !== token.line) {
        extra = token.val.endsWith(" action")
          ? ` started at ${this.name}:${this.actionLine}`
          : ` in action started at ${this.name}:${this.actionLine}`;
      }
      this.errorf(`${token.val}${extra}`);
    }
    this.errorf(`unexpected ${itemString(token)} in ${context}`);
  }

  private itemList(): [ListNode, Node] {
    const list: ListNode = { kind: "list", pos: this.peekNonSpace().pos, nodes: [] };
    while (this.peekNonSpace().type !== "eof") {
      const n = this.textOrAction();
      if (n.kind === "end" || n.kind === "else") return [list, n];
      list.nodes.push(n);
    }
    this.errorf("unexpected EOF");
  }

  private textOrAction(): Node {
    const token = this.nextNonSpace();
    if (token.type === "text") return { kind: "text", pos: token.pos, text: token.val };
    if (token.type === "leftDelim") {
      this.actionLine = token.line;
      try {
        return this.action();
      } finally {
        this.actionLine = 0;
      }
    }
    this.unexpected(token, "input");
  }

  private action(): Node {
    const token = this.nextNonSpace();
    switch (token.type) {
      case "block": return this.errorf("{{block}} is not supported here");
      case "break":
      case "continue": return this.loopControl(token);
      case "else": return this.elseControl();
      case "end": return { kind: "end", pos: this.expect("rightDelim", "end").pos, line: token.line };
      case "if":
      case "range":
      case "with": return this.branchControl(token.type);
      case "template": return this.templateControl();
    }
    this.backup();
    const first = this.peek();
    const action: ActionNode = { kind: "action", pos: first.pos, line: first.line, pipe: this.pipeline("command", "rightDelim") };
    return action;
  }

  private loopControl(keyword: Item): Node {
    const kind = keyword.type === "break" ? "break" : "continue";
    const token = this.nextNonSpace();
    if (token.type !== "rightDelim") this.unexpected(token, `{{${kind}}}`);
    if (this.rangeDepth === 0) this.errorf(`{{${kind}}} outside {{range}}`);
    return { kind, pos: keyword.pos, line: keyword.line };
  }

  private elseControl(): DelimNode {
    const peek = this.peekNonSpace();
    // "{{else if" and "{{else with" leave the keyword for parseControl to pick up.
    if (peek.type === "if" || peek.type === "with") return { kind: "else", pos: peek.pos, line: peek.line };
    const token = this.expect("rightDelim", "else");
    return { kind: "else", pos: token.pos, line: token.line };
  }

  private templateControl(): Node {
    const token = this.nextNonSpace();
    if (token.type !== "string" && token.type !== "rawString") this.unexpected(token, "template clause");
    const name = this.unquote(token.val);
    let pipe: PipeNode | null = null;
    if (this.nextNonSpace().type !== "rightDelim") {
      this.backup();
      pipe = this.pipeline("template clause", "rightDelim");
    }
    return { kind: "template", pos: token.pos, line: token.line, name, pipe };
  }

  private branchControl(context: "if" | "range" | "with"): BranchNode {
    const varsMark = this.vars.length;
    try {
      const pipe = this.pipeline(context, "rightDelim");
      if (context === "range") this.rangeDepth++;
      const [list, first] = this.itemList();
      let next = first;
      if (context === "range") this.rangeDepth--;
      let elseList: ListNode | null = null;
      if (next.kind === "else") {
        const chained = this.peek().type;
        if ((context === "if" || context === "with") && chained === context) {
          // {{else if b}} is {{else}}{{if b}}...{{end}}{{end}} with the inner {{end}} shared.
          this.next();
          elseList = { kind: "list", pos: next.pos, nodes: [this.branchControl(context)] };
        } else {
          [elseList, next] = this.itemList();
          if (next.kind !== "end") this.errorf(`expected end; found ${nodeString(next)}`);
        }
      }
      return { kind: context, pos: pipe.pos, line: pipe.line, pipe, list, elseList };
    } finally {
      this.vars = this.vars.slice(0, varsMark);
    }
  }

  private pipeline(context: string, end: ItemType): PipeNode {
    const start = this.peekNonSpace();
    const pipe: PipeNode = { kind: "pipe", pos: start.pos, line: start.line, isAssign: false, decl: [], cmds: [] };
    this.declarations(pipe, context);
    for (;;) {
      const token = this.nextNonSpace();
      if (token.type === end) {
        this.checkPipeline(pipe, context);
        return pipe;
      }
      if (!OPERAND_START.has(token.type)) this.unexpected(token, context);
      this.backup();
      pipe.cmds.push(this.command());
    }
  }

  private declarations(pipe: PipeNode, context: string): void {
    for (;;) {
      const v = this.peekNonSpace();
      if (v.type !== "variable") return;
      this.next();
      // "$x foo" is an argument, "$x := foo" a declaration: look past the space to tell.
      const afterVariable = this.peek();
      const next = this.peekNonSpace();
      if (next.type === "assign" || next.type === "declare") {
        pipe.isAssign = next.type === "assign";
        this.nextNonSpace();
        pipe.decl.push({ kind: "variable", pos: v.pos, ident: [v.val] });
        this.vars.push(v.val);
        return;
      }
      if (next.type === "char" && next.val === ",") {
        this.nextNonSpace();
        pipe.decl.push({ kind: "variable", pos: v.pos, ident: [v.val] });
        this.vars.push(v.val);
        if (context === "range" && pipe.decl.length < 2) {
          const t = this.peekNonSpace().type;
          if (t === "variable" || t === "rightDelim" || t === "rightParen") continue;
          this.errorf("range can only initialize variables");
        }
        this.errorf(`too many declarations in ${context}`);
      }
      if (afterVariable.type === "space") this.backup3(v, afterVariable);
      else this.backup2(v);
      return;
    }
  }

  private checkPipeline(pipe: PipeNode, context: string): void {
    if (pipe.cmds.length === 0) this.errorf(`missing value for ${context}`);
    pipe.cmds.slice(1).forEach((c, i) => {
      const kind = c.args[0]?.kind;
      if (kind === "bool" || kind === "dot" || kind === "nil" || kind === "number" || kind === "string") {
        this.errorf(`non executable command in pipeline stage ${i + 2}`);
      }
    });
  }

  private command(): CommandNode {
    const cmd: CommandNode = { kind: "command", pos: this.peekNonSpace().pos, args: [] };
    for (;;) {
      this.peekNonSpace();
      const operand = this.operand();
      if (operand !== null) cmd.args.push(operand);
      const token = this.next();
      if (token.type === "space") continue;
      if (token.type === "rightDelim" || token.type === "rightParen") this.backup();
      else if (token.type !== "pipe") this.unexpected(token, "operand");
      break;
    }
    if (cmd.args.length === 0) this.errorf("empty command");
    return cmd;
  }

  private operand(): ArgNode | null {
    const node = this.term();
    if (node === null || this.peek().type !== "field") return node;
    const pos = this.peek().pos;
    const fields: string[] = [];
    while (this.peek().type === "field") fields.push(this.next().val.slice(1));
    switch (node.kind) {
      // Go folds .A.B into one field node positioned at ".B", which is what its errors show.
      case "field": return { kind: "field", pos, ident: [...node.ident, ...fields] };
      case "variable": return { kind: "variable", pos, ident: [...node.ident, ...fields] };
      case "bool":
      case "string":
      case "number":
      case "nil":
      case "dot":
        return this.errorf(`unexpected . after term ${goQuote(nodeString(node))}`);
      default: return { kind: "chain", pos, node, field: fields };
    }
  }

  private term(): ArgNode | null {
    const token = this.nextNonSpace();
    switch (token.type) {
      case "identifier":
        if (!this.hasFunction(token.val)) this.errorf(`function ${goQuote(token.val)} not defined`);
        return { kind: "identifier", pos: token.pos, ident: token.val };
      case "dot": return { kind: "dot", pos: token.pos };
      case "nil": return { kind: "nil", pos: token.pos };
      case "variable": return this.useVar(token);
      case "field": return { kind: "field", pos: token.pos, ident: token.val.slice(1).split(".") };
      case "bool": return { kind: "bool", pos: token.pos, value: token.val === "true" };
      case "charConstant":
      case "number": {
        let n;
        try {
          n = parseGoNumber(token.val, token.type === "charConstant");
        } catch (e) {
          this.errorf(e instanceof Error ? e.message : String(e));
        }
        return { kind: "number", pos: token.pos, text: token.val, ...n };
      }
      case "leftParen": return this.pipeline("parenthesized pipeline", "rightParen");
      case "string":
      case "rawString":
        return { kind: "string", pos: token.pos, quoted: token.val, text: this.unquote(token.val) };
    }
    this.backup();
    return null;
  }

  private unquote(quoted: string): string {
    try {
      return goUnquote(quoted);
    } catch (e) {
      this.errorf(e instanceof Error ? e.message : String(e));
    }
  }

  private useVar(token: Item): VariableRef {
    const ident = token.val.split(".");
    const name = ident[0] ?? "";
    if (!this.vars.includes(name)) this.errorf(`undefined variable ${goQuote(name)}`);
    return { kind: "variable", pos: token.pos, ident };
  }
}
