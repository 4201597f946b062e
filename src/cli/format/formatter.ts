// docker/cli's rendering pipeline (cli/command/formatter/formatter.go): a `--format` string
// becomes a Go template run once per row; table formats add a header row rendered from the
// same template against the column titles, and everything goes through the tabwriter.
import { encodeJson } from "./go-json.js";
import { tabwrite } from "./tabwriter.js";
import { HEADER_FUNCS, DOCKER_FUNCS } from "./template-funcs.js";
import { goFunc, isGoFunc, MARSHAL_JSON } from "./template-values.js";
import { Template, TemplateError } from "./template.js";
import { compareGoStrings } from "./utf8.js";

export const TABLE_FORMAT_KEY = "table";
export const JSON_FORMAT_KEY = "json";
export const DEFAULT_QUIET_FORMAT = "{{.ID}}";
export const JSON_FORMAT = "{{json .}}";
/** Used when the caller names no Go type for its rows. */
export const DEFAULT_CONTEXT_TYPE = "*formatter.Context";

/** A `--format` failure, already worded "template parsing error: ..." as docker prints it. */
export class FormatError extends Error {
  override readonly name = "FormatError";
}

export interface RenderFormatOptions {
  /** The --format value, or a command's default such as "table {{.ID}}\t{{.Image}}". */
  format: string;
  /** Row contexts: objects whose properties are values or methods. */
  rows: readonly object[];
  /** Column titles by field name, e.g. { ID: "CONTAINER ID" }: the header row's data. */
  header: Readonly<Record<string, string>>;
  /** -q: print quietFormat (default {{.ID}}) instead of format, so no header. */
  quiet?: boolean;
  quietFormat?: string;
  /** The Go type docker's rows have, named in errors: "*formatter.ContainerContext". */
  typeName?: string;
}

/** Format.IsTable: a prefix test, so "tablefoo" counts too. */
export function isTableFormat(format: string): boolean {
  return format.startsWith(TABLE_FORMAT_KEY);
}

/** preFormat: drop "table", expand "json", trim spaces (only), turn \t and \n into the real thing. */
export function templateString(format: string): string {
  let out = format;
  if (isTableFormat(out)) out = out.slice(TABLE_FORMAT_KEY.length);
  else if (out === JSON_FORMAT_KEY) out = JSON_FORMAT;
  out = out.replace(/^ +| +$/g, "");
  return out.replace(/\\[tn]/g, (m) => (m === "\\t" ? "\t" : "\n"));
}

/** Whether a property name is an exported Go method name (starts with an upper-case letter). */
const isExported = (name: string): boolean => /^\p{Lu}/u.test(name);

/**
 * The object docker's reflection-based MarshalJSON builds for a row context: every exported
 * zero-argument method (here: value or zero-argument function), except FullHeader, by name.
 */
export function toJsonObject(ctx: object): Record<string, unknown> {
  const seen = new Set<string>();
  for (let o: object | null = ctx; o !== null && o !== Object.prototype; o = Object.getPrototypeOf(o) as object | null) {
    for (const name of Object.getOwnPropertyNames(o)) if (isExported(name) && name !== "FullHeader") seen.add(name);
  }
  const out: Record<string, unknown> = {};
  for (const name of [...seen].sort(compareGoStrings)) {
    const v = (ctx as Record<string, unknown>)[name];
    if (isGoFunc(v)) {
      if (v.params.length === 0 && v.variadic === undefined) out[name] = (v.fn as () => unknown).call(ctx);
    } else if (typeof v === "function") {
      if (v.length === 0) out[name] = (v as () => unknown).call(ctx);
    } else {
      out[name] = v;
    }
  }
  return out;
}

/** `{{json .}}` of a row: json.Marshal, so keys sorted and <, >, & escaped (-\u003e). */
export function marshalContextJson(ctx: object): string {
  return encodeJson(toJsonObject(ctx), { escapeHTML: true });
}

function withMarshalJson(row: object): object {
  if (MARSHAL_JSON in row) return row;
  return Object.create(row, { [MARSHAL_JSON]: { value: () => marshalContextJson(row) } }) as object;
}

/** SubHeaderContext.Label: `{{.Label "com.example.my-label"}}` titles the column "my label". */
export function headerLabel(name: string): string {
  const parts = name.split(".");
  return (parts[parts.length - 1] ?? "").replace(/[-_]/g, " ");
}

function headerContext(header: Readonly<Record<string, string>>): object {
  return { ...header, Label: goFunc(["string"], headerLabel) };
}

function parsingError(e: unknown): FormatError {
  const message = e instanceof Error ? e.message : String(e);
  return new FormatError(`template parsing error: ${message}`);
}

/** Renders rows the way docker's formatter.Context.Write does; throws FormatError. */
export function renderFormat(options: RenderFormatOptions): string {
  const format = options.quiet ? (options.quietFormat ?? DEFAULT_QUIET_FORMAT) : options.format;
  const typeName = options.typeName ?? DEFAULT_CONTEXT_TYPE;
  let tmpl: Template;
  try {
    tmpl = Template.parse(templateString(format), DOCKER_FUNCS);
  } catch (e) {
    throw parsingError(e);
  }
  let body = "";
  for (const row of options.rows) {
    try {
      body += tmpl.execute(withMarshalJson(row), { typeName }) + "\n";
    } catch (e) {
      throw parsingError(e);
    }
  }
  if (!isTableFormat(format)) return body;
  let header: string;
  try {
    header = tmpl.withFuncs(HEADER_FUNCS).execute(headerContext(options.header));
  } catch (e) {
    // docker ignores header errors but keeps whatever the template wrote before failing.
    header = e instanceof TemplateError ? e.partialOutput : "";
  }
  return tabwrite(`${header}\n${body}`);
}
