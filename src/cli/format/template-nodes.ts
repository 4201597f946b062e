// Parse-tree nodes of Go's text/template (text/template/parse/node.go). Their String() forms
// matter: execution errors quote them, as in `executing "" at <.Foo>: ...`.
import { utf8Length } from "./utf8.js";

interface Base {
  pos: number;
}

export interface TextNode extends Base { kind: "text"; text: string }
export interface CommentNode extends Base { kind: "comment"; text: string }
export interface ListNode extends Base { kind: "list"; nodes: Node[] }
export interface ActionNode extends Base { kind: "action"; line: number; pipe: PipeNode }
export interface BranchNode extends Base {
  kind: "if" | "range" | "with";
  line: number;
  pipe: PipeNode;
  list: ListNode;
  elseList: ListNode | null;
}
export interface LoopControlNode extends Base { kind: "break" | "continue"; line: number }
export interface TemplateNode extends Base { kind: "template"; line: number; name: string; pipe: PipeNode | null }
/** {{end}} and {{else}} only live while parsing; they end an item list. */
export interface DelimNode extends Base { kind: "end" | "else"; line: number }

export interface VariableRef extends Base { kind: "variable"; ident: string[] }
export interface PipeNode extends Base { kind: "pipe"; line: number; isAssign: boolean; decl: VariableRef[]; cmds: CommandNode[] }
export interface CommandNode extends Base { kind: "command"; args: ArgNode[] }
export interface FieldNode extends Base { kind: "field"; ident: string[] }
export interface ChainNode extends Base { kind: "chain"; node: ArgNode; field: string[] }
export interface IdentifierNode extends Base { kind: "identifier"; ident: string }
export interface DotNode extends Base { kind: "dot" }
export interface NilNode extends Base { kind: "nil" }
export interface BoolNode extends Base { kind: "bool"; value: boolean }
export interface StringNode extends Base { kind: "string"; quoted: string; text: string }
export interface NumberNode extends Base {
  kind: "number";
  text: string;
  isInt: boolean;
  isFloat: boolean;
  value: number;
}

export type ArgNode =
  | FieldNode | ChainNode | IdentifierNode | VariableRef | DotNode | NilNode | BoolNode
  | StringNode | NumberNode | PipeNode;

export type Node =
  | TextNode | CommentNode | ListNode | ActionNode | BranchNode | LoopControlNode | TemplateNode
  | DelimNode | CommandNode | ArgNode;

function pipeString(p: PipeNode): string {
  let s = "";
  if (p.decl.length > 0) s = p.decl.map(nodeString).join(", ") + " := ";
  return s + p.cmds.map(nodeString).join(" | ");
}

function listString(l: ListNode | null): string {
  return l === null ? "" : l.nodes.map(nodeString).join("");
}

/** node.String() from Go's parse package. */
export function nodeString(n: Node): string {
  switch (n.kind) {
    case "text": return n.text;
    case "comment": return `{{${n.text}}}`;
    case "list": return listString(n);
    case "action": return `{{${pipeString(n.pipe)}}}`;
    case "if":
    case "range":
    case "with": {
      const elsePart = n.elseList === null ? "" : `{{else}}${listString(n.elseList)}`;
      return `{{${n.kind} ${pipeString(n.pipe)}}}${listString(n.list)}${elsePart}{{end}}`;
    }
    case "break":
    case "continue":
    case "end":
    case "else": return `{{${n.kind}}}`;
    case "template": {
      const name = JSON.stringify(n.name);
      return n.pipe === null ? `{{template ${name}}}` : `{{template ${name} ${pipeString(n.pipe)}}}`;
    }
    case "pipe": return pipeString(n);
    case "command":
      return n.args.map((a) => (a.kind === "pipe" ? `(${pipeString(a)})` : nodeString(a))).join(" ");
    case "field": return n.ident.map((f) => "." + f).join("");
    case "chain": {
      const head = n.node.kind === "pipe" ? `(${pipeString(n.node)})` : nodeString(n.node);
      return head + n.field.map((f) => "." + f).join("");
    }
    case "identifier": return n.ident;
    case "variable": return n.ident.join(".");
    case "dot": return ".";
    case "nil": return "nil";
    case "bool": return n.value ? "true" : "false";
    case "string": return n.quoted;
    case "number": return n.text;
  }
}

/** Tree.ErrorContext: "name:line:byteColumn" of the node (column counted from 0) and its text. */
export function errorContext(name: string, text: string, node: Node): [string, string] {
  const before = text.slice(0, node.pos);
  const lastNewline = before.lastIndexOf("\n");
  const column = utf8Length(lastNewline < 0 ? before : before.slice(lastNewline + 1));
  const line = before.split("\n").length;
  return [`${name}:${line}:${column}`, nodeString(node)];
}
