// The executor of Go's text/template (exec.go): walks the parse tree against a data value.
// It tracks "the node being evaluated" exactly where Go does, because that node is what an
// error points at: `template: :1:2: executing "" at <.Foo>: can't evaluate field Foo in type T`.
import { callFunction } from "./template-builtins.js";
import { TemplateError } from "./template-error.js";
import {
  errorContext, nodeString, type ArgNode, type BranchNode, type ChainNode, type CommandNode, type FieldNode,
  type IdentifierNode, type ListNode, type Node, type NumberNode, type PipeNode, type VariableRef,
} from "./template-nodes.js";
import {
  formatValue, goFunc, goTypeName, hasField, isGoFunc, isTrue, mapKeys, structType,
  type GoFunc, type ParamType,
} from "./template-values.js";
import { goQuote } from "./text.js";
import { VariableStack } from "./template-vars.js";

const MISSING: unique symbol = Symbol("missing");
type Final = unknown;
type ArgType = ParamType | "untyped";

class LoopSignal {
  constructor(readonly kind: "break" | "continue") {}
}

export interface ExecContext {
  name: string;
  text: string;
  funcs: ReadonlyMap<string, GoFunc>;
  builtins: ReadonlyMap<string, GoFunc>;
  rootType: string | undefined;
  /** Go's missingkey=error option: a map without the key fails instead of giving no value. */
  missingKeyError: boolean;
  /** The data is JSON decoded into interface{} values, so null is a nil interface (see template.ts). */
  untypedJson: boolean;
}

const TYPE_NAMES: Record<ParamType, string> = {
  string: "string", int: "int", bool: "bool", float64: "float64", any: "interface {}", value: "reflect.Value",
};

function methodOf(fn: unknown, receiver: object): GoFunc {
  if (isGoFunc(fn)) return goFunc(fn.params, (fn.fn as (...a: unknown[]) => unknown).bind(receiver), fn.variadic);
  const f = fn as (...a: unknown[]) => unknown;
  return goFunc(Array<ParamType>(f.length).fill("any"), f.bind(receiver));
}

export class Executor {
  private node: Node | null = null;
  private readonly vars: VariableStack;
  private out = "";

  constructor(private readonly ctx: ExecContext, private readonly root: unknown) {
    this.vars = new VariableStack(root, (name) => this.errorf(`undefined variable: ${name}`));
  }

  run(list: ListNode): string {
    try {
      this.walk(this.root, list);
    } catch (e) {
      if (e instanceof TemplateError) throw new TemplateError(e.message, this.out);
      throw e;
    }
    return this.out;
  }

  private at(node: Node): void {
    this.node = node;
  }

  private errorf(message: string): never {
    const { name, text } = this.ctx;
    if (this.node === null) throw new TemplateError(`template: ${name}: ${message}`);
    const [location, context] = errorContext(name, text, this.node);
    throw new TemplateError(`template: ${location}: executing ${goQuote(name)} at <${context}>: ${message}`);
  }

  private isStruct(v: object): boolean {
    return structType(v) !== undefined || (v === this.root && this.ctx.rootType !== undefined);
  }

  private typeName(v: unknown): string {
    if (v === this.root && this.ctx.rootType !== undefined && typeof v === "object" && v !== null && structType(v) === undefined) {
      return this.ctx.rootType;
    }
    return goTypeName(v);
  }

  private walk(dot: unknown, node: Node): void {
    this.at(node);
    switch (node.kind) {
      case "action": {
        const val = this.evalPipeline(dot, node.pipe);
        if (node.pipe.decl.length === 0) this.printValue(node, val);
        return;
      }
      case "break":
      case "continue": throw new LoopSignal(node.kind);
      case "comment": return;
      case "if":
      case "with": return this.walkIfOrWith(node, dot);
      case "list":
        for (const n of node.nodes) this.walk(dot, n);
        return;
      case "range": return this.walkRange(node, dot);
      case "template": return this.errorf(`template ${goQuote(node.name)} not defined`);
      case "text":
        this.out += node.text;
        return;
    }
    this.errorf(`unknown node: ${nodeString(node)}`);
  }

  private walkIfOrWith(node: BranchNode, dot: unknown): void {
    const mark = this.vars.mark();
    try {
      const val = this.evalPipeline(dot, node.pipe);
      if (isTrue(val)) this.walk(node.kind === "with" ? val : dot, node.list);
      else if (node.elseList !== null) this.walk(dot, node.elseList);
    } finally {
      this.vars.pop(mark);
    }
  }

  private walkRange(r: BranchNode, dot: unknown): void {
    this.at(r);
    const mark = this.vars.mark();
    try {
      const val = this.evalPipeline(dot, r.pipe);
      if (this.iterate(r, val)) return;
      if (r.elseList !== null) this.walk(dot, r.elseList);
    } catch (e) {
      if (!(e instanceof LoopSignal && e.kind === "break")) throw e;
    } finally {
      this.vars.pop(mark);
    }
  }

  /** Runs the range body over val; false when there was nothing to iterate. */
  private iterate(r: BranchNode, val: unknown): boolean {
    const { decl, isAssign } = r.pipe;
    const inner = this.vars.mark();
    const one = (index: unknown, elem: unknown): void => {
      if (decl.length > 0) {
        if (isAssign) this.vars.set(decl[0]?.ident[0] ?? "", decl.length > 1 ? index : elem);
        else this.vars.setTop(1, elem);
      }
      if (decl.length > 1) {
        if (isAssign) this.vars.set(decl[1]?.ident[0] ?? "", elem);
        else this.vars.setTop(2, index);
      }
      try {
        this.walk(elem, r.list);
      } catch (e) {
        if (!(e instanceof LoopSignal && e.kind === "continue")) throw e;
      } finally {
        this.vars.pop(inner);
      }
    };
    if (typeof val === "number" && Number.isInteger(val)) {
      if (decl.length > 1) this.errorf(`can't use ${val} to iterate over more than one variable`);
      for (let i = 0; i < val; i++) one(undefined, i);
      return val > 0;
    }
    if (Array.isArray(val)) {
      val.forEach((elem, i) => one(i, elem));
      return val.length > 0;
    }
    if (val === undefined || val === null) return false;
    if (typeof val === "object" && !this.isStruct(val)) {
      const m = val as Record<string, unknown>;
      const keys = mapKeys(m);
      for (const k of keys) one(k, m[k]);
      return keys.length > 0;
    }
    return this.errorf(`range can't iterate over ${formatValue(val)}`);
  }

  private evalPipeline(dot: unknown, pipe: PipeNode | null): unknown {
    if (pipe === null) return undefined;
    this.at(pipe);
    let value: Final = MISSING;
    for (const cmd of pipe.cmds) {
      value = this.evalCommand(dot, cmd, value);
      // Go digs into an interface{} after each command: a nil one leaves no value at all.
      if (value === null && this.ctx.untypedJson) value = undefined;
    }
    for (const v of pipe.decl) {
      const name = v.ident[0] ?? "";
      if (pipe.isAssign) this.vars.set(name, value);
      else this.vars.push(name, value);
    }
    return value;
  }

  private notAFunction(args: readonly ArgNode[], final: Final): void {
    if (args.length > 1 || final !== MISSING) {
      this.errorf(`can't give argument to non-function ${args[0] ? nodeString(args[0]) : ""}`);
    }
  }

  private evalCommand(dot: unknown, cmd: CommandNode, final: Final): unknown {
    const first = cmd.args[0];
    if (first === undefined) return this.errorf("empty command");
    switch (first.kind) {
      case "field": return this.evalFieldNode(dot, first, cmd.args, final);
      case "chain": return this.evalChainNode(dot, first, cmd.args, final);
      case "identifier": return this.evalFunction(dot, first, cmd, cmd.args, final);
      case "pipe":
        this.notAFunction(cmd.args, final);
        return this.evalPipeline(dot, first);
      case "variable": return this.evalVariableNode(dot, first, cmd.args, final);
    }
    this.at(first);
    this.notAFunction(cmd.args, final);
    switch (first.kind) {
      case "bool": return first.value;
      case "dot": return dot;
      case "nil": return this.errorf("nil is not a command");
      case "number": return this.idealConstant(first);
      case "string": return first.text;
    }
  }

  private idealConstant(n: NumberNode): unknown {
    this.at(n);
    const hexInt = /^[+-]?0[xX]/.test(n.text) && !/[pP]/.test(n.text);
    if (n.isFloat && !hexInt && !n.text.startsWith("'") && /[.eEpP]/.test(n.text)) return n.value;
    if (n.isInt) return n.value;
    return this.errorf(`${n.text} overflows int`);
  }

  private evalFieldNode(dot: unknown, field: FieldNode, args: readonly ArgNode[] | null, final: Final): unknown {
    this.at(field);
    return this.evalFieldChain(dot, dot, field, field.ident, args, final);
  }

  private evalChainNode(dot: unknown, chain: ChainNode, args: readonly ArgNode[] | null, final: Final): unknown {
    this.at(chain);
    if (chain.node.kind === "nil") this.errorf(`indirection through explicit nil in ${nodeString(chain)}`);
    const receiver = this.evalArg(dot, "untyped", chain.node);
    return this.evalFieldChain(dot, receiver, chain, chain.field, args, final);
  }

  private evalVariableNode(dot: unknown, v: VariableRef, args: readonly ArgNode[] | null, final: Final): unknown {
    this.at(v);
    const value = this.vars.get(v.ident[0] ?? "");
    if (v.ident.length === 1) {
      this.notAFunction(args ?? [], final);
      return value;
    }
    return this.evalFieldChain(dot, value, v, v.ident.slice(1), args, final);
  }

  private evalFieldChain(
    dot: unknown, receiver: unknown, node: Node, ident: readonly string[], args: readonly ArgNode[] | null, final: Final,
  ): unknown {
    // In JSON decoded into interface{} values, a receiver that is a map's or slice's element
    // (dot, or a step of the chain) has the static type interface {}; a pipeline's result or
    // a variable has been unwrapped to its dynamic type.
    const viaInterface = (i: number) => this.ctx.untypedJson && (i > 0 || node.kind === "field");
    for (let i = 0; i < ident.length - 1; i++) receiver = this.evalField(dot, ident[i] ?? "", node, null, MISSING, receiver, viaInterface(i));
    return this.evalField(dot, ident[ident.length - 1] ?? "", node, args, final, receiver, viaInterface(ident.length - 1));
  }

  private evalFunction(dot: unknown, node: IdentifierNode, cmd: Node, args: readonly ArgNode[] | null, final: Final): unknown {
    this.at(node);
    const own = this.ctx.funcs.get(node.ident);
    const fn = own ?? this.ctx.builtins.get(node.ident);
    if (fn === undefined) return this.errorf(`${goQuote(node.ident)} is not a defined function`);
    return this.evalCall(dot, fn, own === undefined, cmd, node.ident, args, final);
  }

  private evalField(
    dot: unknown, name: string, node: Node, args: readonly ArgNode[] | null, final: Final, receiver: unknown, viaInterface = false,
  ): unknown {
    if (receiver === undefined) {
      if (this.ctx.missingKeyError) this.errorf(`nil data; no entry for key ${goQuote(name)}`);
      return undefined;
    }
    if (receiver === null) return this.errorf(`nil pointer evaluating interface {}.${name}`);
    const hasArgs = (args?.length ?? 0) > 1 || final !== MISSING;
    if (typeof receiver === "object" && !Array.isArray(receiver)) {
      const struct = this.isStruct(receiver);
      if (hasField(receiver, name)) {
        const v = (receiver as Record<string, unknown>)[name];
        if (typeof v === "function" || isGoFunc(v)) {
          return this.evalCall(dot, methodOf(v, receiver), false, node, name, args, final);
        }
        if (hasArgs) {
          this.errorf(struct ? `${name} has arguments but cannot be invoked as function` : `${name} is not a method but has arguments`);
        }
        return v;
      }
      if (!struct) {
        if (hasArgs) this.errorf(`${name} is not a method but has arguments`);
        if (this.ctx.missingKeyError) this.errorf(`map has no entry for key ${goQuote(name)}`);
        return undefined;
      }
    }
    return this.errorf(`can't evaluate field ${name} in type ${viaInterface ? "interface {}" : this.typeName(receiver)}`);
  }

  private evalCall(
    dot: unknown, fn: GoFunc, isBuiltin: boolean, node: Node, name: string, args: readonly ArgNode[] | null, final: Final,
  ): unknown {
    const argNodes = args === null ? [] : args.slice(1);
    const numIn = argNodes.length + (final !== MISSING ? 1 : 0);
    const variadic = fn.variadic;
    const numFixed = variadic !== undefined ? fn.params.length : argNodes.length;
    if (variadic !== undefined) {
      if (numIn < numFixed) this.errorf(`wrong number of args for ${name}: want at least ${numFixed} got ${argNodes.length}`);
    } else if (numIn !== fn.params.length) {
      this.errorf(`wrong number of args for ${name}: want ${fn.params.length} got ${numIn}`);
    }
    if (isBuiltin && (name === "and" || name === "or")) {
      // and/or stop at the first argument that decides the result, like Go since 1.18.
      let v: unknown;
      for (const arg of argNodes) {
        v = this.evalArg(dot, "value", arg);
        if (isTrue(v) === (name === "or")) return v;
      }
      return final !== MISSING ? this.validateType(final, "value") : v;
    }
    const argv: unknown[] = [];
    let i = 0;
    for (; i < numFixed && i < argNodes.length; i++) argv.push(this.evalArg(dot, fn.params[i] ?? "any", argNodes[i] as ArgNode));
    if (variadic !== undefined) for (; i < argNodes.length; i++) argv.push(this.evalArg(dot, variadic, argNodes[i] as ArgNode));
    if (final !== MISSING) {
      const last = fn.params[fn.params.length - 1] ?? "any";
      const t = variadic === undefined ? last : numIn - 1 < numFixed ? (fn.params[numIn - 1] ?? "any") : variadic;
      argv.push(this.validateType(final, t));
    }
    try {
      if (isBuiltin && name === "call") {
        const callee = argNodes[0] !== undefined ? nodeString(argNodes[0]) : formatValue(final);
        return callFunction(callee, argv[0], argv.slice(1));
      }
      return (fn.fn as (...a: unknown[]) => unknown)(...argv);
    } catch (e) {
      if (e instanceof TemplateError) throw e;
      this.at(node);
      return this.errorf(`error calling ${name}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  private validateType(value: unknown, typ: ArgType): unknown {
    if (typ === "untyped" || typ === "value") return value;
    if (typ === "any") return value === undefined ? null : value;
    if (value === undefined || value === null) return this.errorf(`invalid value; expected ${TYPE_NAMES[typ]}`);
    const ok =
      (typ === "string" && typeof value === "string") ||
      (typ === "int" && typeof value === "number" && Number.isInteger(value)) ||
      (typ === "float64" && typeof value === "number") ||
      (typ === "bool" && typeof value === "boolean");
    if (!ok) this.errorf(`wrong type for value; expected ${TYPE_NAMES[typ]}; got ${this.typeName(value)}`);
    return value;
  }

  private evalArg(dot: unknown, typ: ArgType, n: ArgNode): unknown {
    this.at(n);
    switch (n.kind) {
      case "dot": return this.validateType(dot, typ);
      case "nil":
        if (typ === "any" || typ === "untyped") return null;
        if (typ === "value") return undefined;
        return this.errorf(`cannot assign nil to ${TYPE_NAMES[typ]}`);
      case "field": return this.validateType(this.evalFieldNode(dot, n, [n], MISSING), typ);
      case "variable": return this.validateType(this.evalVariableNode(dot, n, null, MISSING), typ);
      case "pipe": return this.validateType(this.evalPipeline(dot, n), typ);
      case "identifier": return this.validateType(this.evalFunction(dot, n, n, null, MISSING), typ);
      case "chain": return this.validateType(this.evalChainNode(dot, n, null, MISSING), typ);
    }
    const found = `found ${nodeString(n)}`;
    switch (typ) {
      case "bool": return n.kind === "bool" ? n.value : this.errorf(`expected bool; ${found}`);
      case "string": return n.kind === "string" ? n.text : this.errorf(`expected string; ${found}`);
      case "int": return n.kind === "number" && n.isInt ? n.value : this.errorf(`expected integer; ${found}`);
      case "float64": return n.kind === "number" && n.isFloat ? n.value : this.errorf(`expected float; ${found}`);
    }
    switch (n.kind) {
      case "bool": return n.value;
      case "number": return this.idealConstant(n);
      case "string": return n.text;
    }
  }

  private printValue(node: Node, v: unknown): void {
    this.at(node);
    if (typeof v === "function" || isGoFunc(v)) this.errorf(`can't print ${nodeString(node)} of type ${goTypeName(v)}`);
    this.out += v === undefined ? "<no value>" : formatValue(v);
  }
}
