import { describe, expect, it } from "vitest";
import { DOCKER_FUNCS } from "./template-funcs.js";
import { TemplateError, goStruct, parseTemplate } from "./template.js";

const CTX = "*formatter.ContainerContext";

function parseError(text: string): string {
  try {
    parseTemplate(text, DOCKER_FUNCS);
  } catch (e) {
    expect(e).toBeInstanceOf(TemplateError);
    return (e as Error).message;
  }
  throw new Error(`parsed: ${text}`);
}

function execError(text: string, data: unknown, typeName?: string): TemplateError {
  const tmpl = parseTemplate(text, DOCKER_FUNCS);
  try {
    tmpl.execute(data, typeName === undefined ? {} : { typeName });
  } catch (e) {
    expect(e).toBeInstanceOf(TemplateError);
    return e as TemplateError;
  }
  throw new Error(`executed: ${text}`);
}

describe("parse errors", () => {
  it.each([
    ["{{foo}}", 'template: :1: function "foo" not defined'],
    ["{{InvalidFunction}}", 'template: :1: function "InvalidFunction" not defined'],
    ["{{.Foo }", 'template: :1: unexpected "}" in operand'],
    ["{{.Foo}", "template: :1: bad character U+007D '}'"],
    ["{{.Foo", "template: :1: unclosed action"],
    ["{{end}}", "template: :1: unexpected {{end}}"],
    ["{{else}}", "template: :1: unexpected {{else}}"],
    ["{{if .X}}yes", "template: :1: unexpected EOF"],
    ["{{}}", "template: :1: missing value for command"],
    ["{{if}}{{end}}", "template: :1: missing value for if"],
    ["{{$x}}", 'template: :1: undefined variable "$x"'],
    ["{{.X | 1}}", "template: :1: non executable command in pipeline stage 2"],
    ['{{"abc}}', "template: :1: unterminated quoted string"],
    ["{{`abc}}", "template: :1: unterminated raw quoted string"],
    // The lexer hands over the ")" before its own error, so the parser complains first.
    ["{{.X)}}", 'template: :1: unexpected ")" in command'],
    ["{{(.X}}", "template: :1: unclosed left paren"],
    ["{{range .X}}{{else}}{{else}}{{end}}", "template: :1: expected end; found {{else}}"],
    ["{{break}}", "template: :1: {{break}} outside {{range}}"],
    ["{{range .L}}{{break 1}}{{end}}", "template: :1: unexpected \"1\" in {{break}}"],
    ["{{/* open", "template: :1: unclosed comment"],
    ["{{/* c */ x}}", "template: :1: comment ends before closing delimiter"],
    ['{{"a".B}}', 'template: :1: unexpected . after term "\\"a\\""'],
    ["{{3x}}", 'template: :1: bad number syntax: "3x"'],
    ["{{99999999999999999999}}", 'template: :1: integer overflow: "99999999999999999999"'],
    ['{{"\\q"}}', "template: :1: invalid syntax"],
  ])("%s", (text, message) => {
    expect(parseError(text)).toBe(message);
  });

  it("reports the line an error is on", () => {
    expect(parseError("a\nb\n{{foo}}")).toBe('template: :3: function "foo" not defined');
  });

  it("points at the start of an action left open across lines", () => {
    expect(parseError("{{.A\n")).toBe("template: :2: unclosed action started at :1");
    expect(parseError("{{.A\n\"x")).toBe("template: :2: unterminated quoted string in action started at :1");
  });
});

describe("execution errors", () => {
  it("names the Go type of a context for a missing field", () => {
    expect(execError("{{.Foo}}", { ID: () => "x" }, CTX).message).toBe(
      'template: :1:2: executing "" at <.Foo>: can\'t evaluate field Foo in type *formatter.ContainerContext',
    );
  });

  it("positions a chained field at its last element, as Go does", () => {
    expect(execError("{{.A.B}}", {}, CTX).message).toBe(
      'template: :1:4: executing "" at <.A.B>: can\'t evaluate field A in type *formatter.ContainerContext',
    );
  });

  it("uses the struct type of nested objects", () => {
    const data = { State: goStruct("*container.State", { Status: "running" }) };
    expect(execError("{{.State.Nope}}", data).message).toBe(
      'template: :1:8: executing "" at <.State.Nope>: can\'t evaluate field Nope in type *container.State',
    );
  });

  it("counts lines and byte columns", () => {
    expect(execError("line one\n  é {{.Foo}}", {}, CTX).message).toBe(
      'template: :2:7: executing "" at <.Foo>: can\'t evaluate field Foo in type *formatter.ContainerContext',
    );
  });

  it.each<[string, unknown, string]>([
    ["{{nil}}", {}, 'template: :1:2: executing "" at <nil>: nil is not a command'],
    ["{{.Label}}", { Label: (n: string) => n }, 'template: :1:2: executing "" at <.Label>: wrong number of args for Label: want 1 got 0'],
    ["{{upper 1}}", {}, 'template: :1:8: executing "" at <1>: expected string; found 1'],
    ["{{upper .N}}", { N: 5 }, 'template: :1:8: executing "" at <.N>: wrong type for value; expected string; got int'],
    ["{{upper .Missing}}", {}, 'template: :1:8: executing "" at <.Missing>: invalid value; expected string'],
    ['{{join .Names ","}}', { Names: "a,b" }, 'template: :1:2: executing "" at <join .Names ",">: error calling join: expected slice, got string'],
    ["{{index .L 5}}", { L: [1] }, 'template: :1:2: executing "" at <index .L 5>: error calling index: index out of range: 5'],
    ["{{index .L 1}}", { L: [1] }, 'template: :1:2: executing "" at <index .L 1>: error calling index: reflect: slice index out of range'],
    ['{{.Name "x"}}', { Name: "n" }, 'template: :1:2: executing "" at <.Name>: Name is not a method but has arguments'],
    ["{{range .S}}{{end}}", { S: "abc" }, 'template: :1:8: executing "" at <.S>: range can\'t iterate over abc'],
    ['{{lt 1 "a"}}', {}, 'template: :1:2: executing "" at <lt 1 "a">: error calling lt: incompatible types for comparison'],
    ["{{eq .L .L}}", { L: ["a"] }, 'template: :1:2: executing "" at <eq .L .L>: error calling eq: non-comparable type [a]: []string'],
    ["{{len 3}}", {}, 'template: :1:2: executing "" at <len 3>: error calling len: len of type int'],
    ['{{template "x"}}', {}, 'template: :1:11: executing "" at <{{template "x"}}>: template "x" not defined'],
    ["{{truncate .S -1}}", { S: "abc" }, 'template: :1:2: executing "" at <truncate .S -1>: error calling truncate: runtime error: slice bounds out of range [:-1]'],
    ["{{.Nil.Field}}", { Nil: null }, 'template: :1:6: executing "" at <.Nil.Field>: nil pointer evaluating interface {}.Field'],
    ["{{1 2}}", {}, 'template: :1:2: executing "" at <1>: can\'t give argument to non-function 1'],
    ["{{and}}", {}, 'template: :1:2: executing "" at <and>: wrong number of args for and: want at least 1 got 0'],
  ])("%s", (text, data, message) => {
    expect(execError(text, data).message).toBe(message);
  });

  it("reports arguments given to a struct's data field", () => {
    expect(execError('{{.Name "x"}}', { Name: "n" }, CTX).message).toBe(
      'template: :1:2: executing "" at <.Name>: Name has arguments but cannot be invoked as function',
    );
  });

  it("keeps what was written before the failure", () => {
    expect(execError("ab{{.Foo}}cd", {}, CTX).partialOutput).toBe("ab");
  });

  it("wraps an error thrown by a method", () => {
    const ctx = { Boom: () => { throw new Error("kaput"); } };
    expect(execError("{{.Boom}}", ctx).message).toBe('template: :1:2: executing "" at <.Boom>: error calling Boom: kaput');
  });
});
