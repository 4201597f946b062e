// Public face of the Go text/template engine: parse once, execute against data. Contexts are
// plain objects whose properties are values or methods (see template-values.ts for how
// JavaScript values stand in for Go's), so `{{.ID}}` can read a getter function and
// `{{.Label "com.example"}}` call a one-argument one.
import { BUILTINS } from "./template-builtins.js";
import { TemplateError } from "./template-error.js";
import { Executor } from "./template-exec.js";
import type { ListNode } from "./template-nodes.js";
import { Parser } from "./template-parser.js";
import { goFunc, isGoFunc, type GoFunc, type ParamType } from "./template-values.js";

export { TemplateError } from "./template-error.js";
export { GO_STRINGER, GO_TYPE, MARSHAL_JSON, goFunc, goNil, goStruct, type GoFunc, type ParamType } from "./template-values.js";

/** A Go-typed function (goFunc) or a plain function, whose parameters then accept any value. */
export type TemplateFunction = GoFunc | ((...args: never[]) => unknown);
export type TemplateFuncs = Readonly<Record<string, TemplateFunction>>;

export interface ExecuteOptions {
  /** Go type of the data, e.g. "*formatter.ContainerContext": makes missing fields errors. */
  typeName?: string;
  /** Go's missingkey=error option: `{{.Foo}}` on a map without "Foo" fails ("map has no entry for key"). */
  missingKeyError?: boolean;
  /**
   * The data is JSON decoded into interface{} values, as json.Unmarshal into `any` gives: a null
   * is a nil interface, which Go unwraps after each command of a pipeline into no value at all,
   * so `{{.Nothing}}` prints "<no value>" rather than "<nil>".
   */
  untypedJson?: boolean;
}

function toGoFuncs(funcs: TemplateFuncs | undefined): Map<string, GoFunc> {
  const out = new Map<string, GoFunc>();
  for (const [name, f] of Object.entries(funcs ?? {})) {
    out.set(name, isGoFunc(f) ? f : goFunc(Array<ParamType>(f.length).fill("any"), f));
  }
  return out;
}

export class Template {
  private constructor(
    readonly name: string,
    private readonly text: string,
    private readonly root: ListNode,
    private readonly funcs: ReadonlyMap<string, GoFunc>,
  ) {}

  /** Parses like template.New(name).Funcs(funcs).Parse(text); throws TemplateError. */
  static parse(text: string, funcs?: TemplateFuncs, name = ""): Template {
    const own = toGoFuncs(funcs);
    const parser = new Parser(name, text, (fn) => own.has(fn) || BUILTINS.has(fn));
    return new Template(name, text, parser.parse(), own);
  }

  /** Like Go's tmpl.Funcs after parsing: replaces or adds functions used at execution. */
  withFuncs(funcs: TemplateFuncs): Template {
    const merged = new Map(this.funcs);
    for (const [name, f] of toGoFuncs(funcs)) merged.set(name, f);
    return new Template(this.name, this.text, this.root, merged);
  }

  /**
   * Executes against data and returns the output. Throws TemplateError; its partialOutput
   * holds what had been written before the failure, as Go leaves it in the writer.
   */
  execute(data: unknown, options: ExecuteOptions = {}): string {
    const executor = new Executor(
      {
        name: this.name,
        text: this.text,
        funcs: this.funcs,
        builtins: BUILTINS,
        rootType: options.typeName,
        missingKeyError: options.missingKeyError === true,
        untypedJson: options.untypedJson === true,
      },
      data,
    );
    return executor.run(this.root);
  }
}

export function parseTemplate(text: string, funcs?: TemplateFuncs): Template {
  return Template.parse(text, funcs);
}

export function isTemplateError(e: unknown): e is TemplateError {
  return e instanceof TemplateError;
}
