import { describe, expect, it } from "vitest";
import { goFunc, goStruct, parseTemplate, type TemplateFuncs } from "./template.js";
import { DOCKER_FUNCS } from "./template-funcs.js";

function run(text: string, data: unknown = {}, funcs?: TemplateFuncs): string {
  return parseTemplate(text, funcs).execute(data);
}

describe("printing values like Go", () => {
  it.each<[string, unknown, string]>([
    ["{{.S}}", { S: "text" }, "text"],
    ["{{.N}}", { N: 42 }, "42"],
    ["{{.F}}", { F: 1.5 }, "1.5"],
    ["{{.F}}", { F: 123456789.5 }, "1.234567895e+08"],
    ["{{.B}}", { B: false }, "false"],
    ["{{.Nil}}", { Nil: null }, "<nil>"],
    ["{{.Missing}}", {}, "<no value>"],
    ["{{.M}}", { M: { b: 2, a: "x" } }, "map[a:x b:2]"],
    ["{{.L}}", { L: ["a", "b", "c"] }, "[a b c]"],
    ["{{.L}}", { L: [1, { k: ["v"] }, null] }, "[1 map[k:[v]] <nil>]"],
    ["{{.}}", "dot", "dot"],
    ["{{.A.B.C}}", { A: { B: { C: "deep" } } }, "deep"],
    ["{{.A.B}}", { A: {} }, "<no value>"],
    ["{{.A.B}}", {}, "<no value>"],
  ])("%s", (text, data, expected) => {
    expect(run(text, data)).toBe(expected);
  });

  it("prints a struct's data fields in order", () => {
    expect(run("{{.P}}", { P: goStruct("ocispec.Platform", { architecture: "amd64", os: "linux" }) })).toBe("{amd64 linux}");
  });
});

describe("methods on contexts", () => {
  const ctx = {
    ID: () => "abc123",
    Label: (name: string) => ({ "com.example": "yes" } as Record<string, string>)[name] ?? "",
    Join: (a: string, b: string) => `${a}+${b}`,
  };

  it("calls zero-argument functions as fields", () => {
    expect(run("{{.ID}}", ctx)).toBe("abc123");
  });

  it("passes arguments to methods", () => {
    expect(run('{{.Label "com.example"}}|{{.Label "nope"}}', ctx)).toBe("yes|");
    expect(run('{{.Join "a" "b"}}', ctx)).toBe("a+b");
  });

  it("passes the pipeline value as the last argument", () => {
    expect(run('{{"com.example" | .Label}}', ctx)).toBe("yes");
  });

  it("binds this for class instances", () => {
    class Ctx {
      constructor(private readonly id: string) {}
      ID(): string {
        return this.id.toUpperCase();
      }
    }
    expect(run("{{.ID}}", new Ctx("x1"))).toBe("X1");
  });
});

describe("actions", () => {
  it("pipes into functions", () => {
    expect(run("{{.Names | upper}}", { Names: "web" }, DOCKER_FUNCS)).toBe("WEB");
    expect(run('{{"abc" | printf "%s-%s" "x"}}', {})).toBe("x-abc");
  });

  it("ranges over slices with and without variables", () => {
    expect(run("{{range .L}}<{{.}}>{{end}}", { L: ["a", "b"] })).toBe("<a><b>");
    expect(run("{{range $i, $e := .L}}{{$i}}={{$e}} {{end}}", { L: ["a", "b"] })).toBe("0=a 1=b ");
    expect(run("{{range $e := .L}}{{$e}}{{end}}", { L: ["x", "y"] })).toBe("xy");
  });

  it("ranges over maps in key order", () => {
    expect(run("{{range $k, $v := .M}}{{$k}}:{{$v}};{{end}}", { M: { b: "2", a: "1" } })).toBe("a:1;b:2;");
  });

  it("ranges over an integer (Go 1.22)", () => {
    expect(run("{{range 3}}{{.}}{{end}}", {})).toBe("012");
  });

  it("takes range's else branch when empty", () => {
    expect(run("{{range .L}}x{{else}}empty{{end}}", { L: [] })).toBe("empty");
    expect(run("{{range .Missing}}x{{else}}none{{end}}", {})).toBe("none");
  });

  it("supports break and continue", () => {
    expect(run("{{range .L}}{{if eq . 2}}{{continue}}{{end}}{{if eq . 4}}{{break}}{{end}}{{.}}{{end}}", { L: [1, 2, 3, 4, 5] })).toBe("13");
  });

  it("reaches the root with $ inside range", () => {
    expect(run("{{range .L}}{{$.Name}}-{{.}} {{end}}", { Name: "n", L: [1, 2] })).toBe("n-1 n-2 ");
  });

  it("chooses if / else if / else", () => {
    const t = parseTemplate("{{if .A}}a{{else if .B}}b{{else}}c{{end}}");
    expect(t.execute({ A: 1 })).toBe("a");
    expect(t.execute({ B: "x" })).toBe("b");
    expect(t.execute({ A: 0, B: "" })).toBe("c");
  });

  it("uses Go truthiness", () => {
    const t = parseTemplate("{{if .V}}T{{else}}F{{end}}");
    expect([[], [0], {}, { k: 1 }, "", "0", 0, 0.5, null, undefined, false].map((V) => t.execute({ V })).join("")).toBe("FTFTFTFTFFF");
  });

  it("rebinds dot in with, and runs else when empty", () => {
    expect(run("{{with .A}}{{.B}}{{end}}", { A: { B: "inner" } })).toBe("inner");
    expect(run("{{with .A}}x{{else}}no A{{end}}", {})).toBe("no A");
    expect(run("{{with $x := .A}}{{$x}}{{end}}", { A: "v" })).toBe("v");
    expect(run("{{with .A}}a{{else with .B}}{{.}}{{end}}", { B: "b" })).toBe("b");
  });

  it("declares and assigns variables", () => {
    expect(run("{{$x := 1}}{{$x = 2}}{{$x}}", {})).toBe("2");
    expect(run("{{$x := .A}}{{if true}}{{$x = \"in\"}}{{end}}{{$x}}", { A: "out" })).toBe("in");
  });

  it("reads fields through variables", () => {
    expect(run("{{$c := .A}}{{$c.B}}|{{range $k, $v := .M}}{{$v.N}}{{end}}", { A: { B: "b" }, M: { x: { N: 1 } } })).toBe("b|1");
  });

  it("scopes variables to the enclosing block", () => {
    expect(() => parseTemplate("{{if true}}{{$y := 1}}{{end}}{{$y}}")).toThrow('template: :1: undefined variable "$y"');
    expect(run("{{range $i, $e := .L}}{{end}}{{$x := 3}}{{$x}}", { L: [1] })).toBe("3");
  });

  it("reads literals", () => {
    expect(run("{{`raw\\n`}}|{{\"esc\\tx\"}}|{{'a'}}|{{0x10}}|{{1.5}}|{{-3}}|{{true}}|{{1e3}}|{{0b101}}|{{1_000}}", {})).toBe(
      "raw\\n|esc\tx|97|16|1.5|-3|true|1000|5|1000",
    );
  });

  it("evaluates parentheses", () => {
    expect(run('{{printf "%d items" (len .L)}}', { L: [1, 2, 3] })).toBe("3 items");
    expect(run("{{(index .L 1).Name}}", { L: [{ Name: "a" }, { Name: "b" }] })).toBe("b");
  });

  it("trims spaces around {{- and -}}", () => {
    expect(run('a  \n {{- "b" -}} \n  c', {})).toBe("abc");
    expect(run("{{- 1 }} {{2 -}} ", {})).toBe("1 2");
  });

  it("drops comments", () => {
    expect(run("a{{/* note */}}b", {})).toBe("ab");
    expect(run("a {{- /* note */ -}} b", {})).toBe("ab");
  });
});

describe("builtin functions", () => {
  it("and/or return the deciding value and short-circuit", () => {
    expect(run("{{and 1 0 2}}|{{and 1 2}}|{{or 0 \"\" 3}}|{{or 0 \"\"}}", {})).toBe("0|2|3|");
    expect(run("{{or 1 (index .L 5)}}", { L: [] })).toBe("1");
    expect(run("{{not .A}}|{{not 0}}", { A: "x" })).toBe("false|true");
  });

  it("measures length in bytes for strings", () => {
    expect(run("{{len .S}}|{{len .L}}|{{len .M}}", { S: "héllo", L: [1, 2], M: { a: 1 } })).toBe("6|2|1");
  });

  it("indexes slices, strings and maps", () => {
    expect(run("{{index .L 1}}|{{index .S 0}}|{{index .M \"k\"}}|{{index .N 0 1}}", { L: ["a", "b"], S: "A", M: { k: "v" }, N: [[1, 2]] })).toBe(
      "b|65|v|2",
    );
  });

  it("gives a string map's zero value for a missing key, and no value otherwise", () => {
    expect(run('[{{index .M "nope"}}]', { M: { k: "v" } })).toBe("[]");
    expect(run('[{{index .M "nope"}}]', { M: { k: 1 } })).toBe("[<no value>]");
  });

  it("slices strings and slices", () => {
    expect(run('{{slice "hello" 1 3}}|{{slice .L 1}}|{{slice .L}}', { L: [1, 2, 3] })).toBe("el|[2 3]|[1 2 3]");
  });

  it("compares", () => {
    expect(run("{{eq .X 1 2 3}}|{{eq .S \"a\"}}|{{ne 1 2}}|{{lt 1 2}}|{{le 2 2}}|{{gt \"b\" \"a\"}}|{{ge 1 2}}", { X: 3, S: "a" })).toBe(
      "true|true|true|true|true|true|false",
    );
    expect(run("{{eq .Missing \"x\"}}|{{eq .Missing .Other}}", {})).toBe("false|true");
  });

  it("prints like fmt", () => {
    expect(run('{{print 1 2 "a" "b" 3}}', {})).toBe("1 2ab3");
    expect(run('{{println 1 "a"}}', {})).toBe("1 a\n");
    expect(run("{{print .Missing}}", {})).toBe("<nil>");
  });

  it("escapes for html, js and urls", () => {
    expect(run(`{{html "<a href='x'>&\\""}}`, {})).toBe("&lt;a href=&#39;x&#39;&gt;&amp;&#34;");
    expect(run(`{{js "a'b<c>=&\\n"}}`, {})).toBe("a\\'b\\u003Cc\\u003E\\u003D\\u0026\\u000A");
    expect(run('{{urlquery "a b&c=d/é"}}', {})).toBe("a+b%26c%3Dd%2F%C3%A9");
    expect(run("{{html .Missing}}", {})).toBe("&lt;no value&gt;");
  });

  it("calls function values with call", () => {
    expect(run("{{call .F 2}}", { F: goFunc([], () => (x: number) => x * 2) })).toBe("4");
  });

  it("lets custom functions replace builtins", () => {
    expect(run("{{len .}}", "abc", { len: (s: string) => `mine:${s}` })).toBe("mine:abc");
  });
});
