import { describe, expect, test } from "vitest";
import { expandInstruction, expandWord, expandWords } from "./expand";
import type { Instruction } from "./instructions";

// buildkit's shell/envVarTest cases (Unix rows): input word, expected ProcessWord result, or
// null where the lexer must fail.
const env = { PWD: "/home", SHELL: "bash", KOREAN: "\ud55c\uad6d\uc5b4", NULL: "" };
const envVarCases: [string, string | null][] = [
  ["hello", "hello"],
  ["he'll'o", "hello"],
  ["he'llo", null],
  ["he\\'llo", "he'llo"],
  ["he\\\\'llo", null],
  ["abc\\tdef", "abctdef"],
  ["\"abc\\tdef\"", "abc\\tdef"],
  ["\"abc\\\\tdef\"", "abc\\tdef"],
  ["'abc\\tdef'", "abc\\tdef"],
  ["hello\\", "hello"],
  ["hello\\\\", "hello\\"],
  ["\"hello", null],
  ["\"hello\\\"", null],
  ["\"hel'lo\"", "hel'lo"],
  ["'hello", null],
  ["'hello\\'", "hello\\"],
  ["'hello\\there'", "hello\\there"],
  ["'hello\\\\there'", "hello\\\\there"],
  ["\"''\"", "''"],
  ["$.", "$."],
  ["he$1x", "hex"],
  ["he$.x", "he$.x"],
  ["he$pwd.", "he."],
  ["he$PWD", "he/home"],
  ["he\\$PWD", "he$PWD"],
  ["he\\\\$PWD", "he\\/home"],
  ["\"he\\$PWD\"", "he$PWD"],
  ["\"he\\\\$PWD\"", "he\\/home"],
  ["\\${}", "${}"],
  ["\\${}aaa", "${}aaa"],
  ["he\\${}", "he${}"],
  ["he\\${}xx", "he${}xx"],
  ["${}", null],
  ["${}aaa", null],
  ["he${}", null],
  ["he${}xx", null],
  ["he${hi}", "he"],
  ["he${hi}xx", "hexx"],
  ["he${PWD}", "he/home"],
  ["he${.}", null],
  ["he${XXX:-000}xx", "he000xx"],
  ["he${PWD:-000}xx", "he/homexx"],
  ["he${XXX:-$PWD}xx", "he/homexx"],
  ["he${XXX:-${PWD:-yyy}}xx", "he/homexx"],
  ["he${XXX:-${YYY:-yyy}}xx", "heyyyxx"],
  ["he${XXX:YYY}", null],
  ["he${XXX?}", null],
  ["he${XXX:?}", null],
  ["he${PWD?}", "he/home"],
  ["he${PWD:?}", "he/home"],
  ["he${NULL?}", "he"],
  ["he${NULL:?}", null],
  ["he${XXX:+${PWD}}xx", "hexx"],
  ["he${PWD:+${XXX}}xx", "hexx"],
  ["he${PWD:+${SHELL}}xx", "hebashxx"],
  ["he${XXX:+000}xx", "hexx"],
  ["he${PWD:+000}xx", "he000xx"],
  ["'he${XX}'", "he${XX}"],
  ["\"he${PWD}\"", "he/home"],
  ["\"he'$PWD'\"", "he'/home'"],
  ["\"$PWD\"", "/home"],
  ["'$PWD'", "$PWD"],
  ["'\\$PWD'", "\\$PWD"],
  ["'\"hello\"'", "\"hello\""],
  ["he\\$PWD", "he$PWD"],
  ["\"he\\$PWD\"", "he$PWD"],
  ["'he\\$PWD'", "he\\$PWD"],
  ["he${PWD", null],
  ["he${PWD:=000}xx", null],
  ["he${PWD:+${PWD}:}xx", "he/home:xx"],
  ["he${XXX:-\\$PWD:}xx", "he$PWD:xx"],
  ["he${XXX:-\\${PWD}z}xx", "he${PWDz}xx"],
  ["안녕하세요", "안녕하세요"],
  ["안'녕'하세요", "안녕하세요"],
  ["안'녕하세요", null],
  ["안녕\\'하세요", "안녕'하세요"],
  ["안\\\\'녕하세요", null],
  ["안녕\\t하세요", "안녕t하세요"],
  ["\"안녕\\t하세요\"", "안녕\\t하세요"],
  ["'안녕\\t하세요", null],
  ["안녕하세요\\", "안녕하세요"],
  ["안녕하세요\\\\", "안녕하세요\\"],
  ["\"안녕하세요", null],
  ["\"안녕하세요\\\"", null],
  ["\"안녕'하세요\"", "안녕'하세요"],
  ["'안녕하세요", null],
  ["'안녕하세요\\'", "안녕하세요\\"],
  ["안녕$1x", "안녕x"],
  ["안녕$.x", "안녕$.x"],
  ["안녕$pwd.", "안녕."],
  ["안녕$PWD", "안녕/home"],
  ["안녕\\$PWD", "안녕$PWD"],
  ["안녕\\\\$PWD", "안녕\\/home"],
  ["안녕\\${}", "안녕${}"],
  ["안녕\\${}xx", "안녕${}xx"],
  ["안녕${}", null],
  ["안녕${}xx", null],
  ["안녕${hi}", "안녕"],
  ["안녕${hi}xx", "안녕xx"],
  ["안녕${PWD}", "안녕/home"],
  ["안녕${.}", null],
  ["안녕${XXX:-000}xx", "안녕000xx"],
  ["안녕${PWD:-000}xx", "안녕/homexx"],
  ["안녕${XXX:-$PWD}xx", "안녕/homexx"],
  ["안녕${XXX:-${PWD:-yyy}}xx", "안녕/homexx"],
  ["안녕${XXX:-${YYY:-yyy}}xx", "안녕yyyxx"],
  ["안녕${XXX:YYY}", null],
  ["안녕${XXX:+${PWD}}xx", "안녕xx"],
  ["안녕${PWD:+${XXX}}xx", "안녕xx"],
  ["안녕${PWD:+${SHELL}}xx", "안녕bashxx"],
  ["안녕${XXX:+000}xx", "안녕xx"],
  ["안녕${PWD:+000}xx", "안녕000xx"],
  ["'안녕${XX}'", "안녕${XX}"],
  ["\"안녕${PWD}\"", "안녕/home"],
  ["\"안녕'$PWD'\"", "안녕'/home'"],
  ["'\"안녕\"'", "\"안녕\""],
  ["안녕\\$PWD", "안녕$PWD"],
  ["\"안녕\\$PWD\"", "안녕$PWD"],
  ["'안녕\\$PWD'", "안녕\\$PWD"],
  ["안녕${PWD", null],
  ["안녕${PWD:=000}xx", null],
  ["안녕${PWD:+${PWD}:}xx", "안녕/home:xx"],
  ["안녕${XXX:-\\$PWD:}xx", "안녕$PWD:xx"],
  ["안녕${XXX:-\\${PWD}z}xx", "안녕${PWDz}xx"],
  ["$KOREAN", "한국어"],
  ["안녕$KOREAN", "안녕한국어"],
  ["${{aaa}", null],
  ["${aaa}}", "}"],
  ["${aaa", null],
  ["${{aaa:-bbb}", null],
  ["${aaa:-bbb}}", "bbb}"],
  ["${aaa:-bbb", null],
  ["${aaa:-bbb}", "bbb"],
  ["${aaa:-${bbb:-ccc}}", "ccc"],
  ["${aaa:-bbb ${foo}", null],
  ["${aaa:-bbb {foo}", "bbb {foo"],
  ["${:}", null],
  ["${:-bbb}", null],
  ["${:+bbb}", null],
  ["$1", ""],
  ["${1}", ""],
  ["${1:+bbb}", ""],
  ["${1:-bbb}", "bbb"],
  ["$2", ""],
  ["${2}", ""],
  ["${2:+bbb}", ""],
  ["${2:-bbb}", "bbb"],
  ["$3", ""],
  ["${3}", ""],
  ["${3:+bbb}", ""],
  ["${3:-bbb}", "bbb"],
  ["$4", ""],
  ["${4}", ""],
  ["${4:+bbb}", ""],
  ["${4:-bbb}", "bbb"],
  ["$5", ""],
  ["${5}", ""],
  ["${5:+bbb}", ""],
  ["${5:-bbb}", "bbb"],
  ["$6", ""],
  ["${6}", ""],
  ["${6:+bbb}", ""],
  ["${6:-bbb}", "bbb"],
  ["$7", ""],
  ["${7}", ""],
  ["${7:+bbb}", ""],
  ["${7:-bbb}", "bbb"],
  ["$8", ""],
  ["${8}", ""],
  ["${8:+bbb}", ""],
  ["${8:-bbb}", "bbb"],
  ["$9", ""],
  ["${9}", ""],
  ["${9:+bbb}", ""],
  ["${9:-bbb}", "bbb"],
  ["$999", ""],
  ["${999}", ""],
  ["${999:+bbb}", ""],
  ["${999:-bbb}", "bbb"],
  ["$999aaa", "aaa"],
  ["${999}aaa", "aaa"],
  ["${999:+bbb}aaa", "aaa"],
  ["${999:-bbb}aaa", "bbbaaa"],
  ["$001", ""],
  ["${001}", ""],
  ["${001:+bbb}", ""],
  ["${001:-bbb}", "bbb"],
  ["$001aaa", "aaa"],
  ["${001}aaa", "aaa"],
  ["${001:+bbb}aaa", "aaa"],
  ["${001:-bbb}aaa", "bbbaaa"],
  ["$@", ""],
  ["${@}", ""],
  ["${@:+bbb}", ""],
  ["${@:-bbb}", "bbb"],
  ["$@@@", "@@"],
  ["$@aaa", "aaa"],
  ["${@}aaa", "aaa"],
  ["${@:+bbb}aaa", "aaa"],
  ["${@:-bbb}aaa", "bbbaaa"],
  ["$*", ""],
  ["${*}", ""],
  ["${*:+bbb}", ""],
  ["${*:-bbb}", "bbb"],
  ["$#", ""],
  ["${#}", ""],
  ["${#:+bbb}", ""],
  ["${#:-bbb}", "bbb"],
  ["$?", ""],
  ["${?}", ""],
  ["${?:+bbb}", ""],
  ["${?:-bbb}", "bbb"],
  ["$-", ""],
  ["${-}", ""],
  ["${-:+bbb}", ""],
  ["${-:-bbb}", "bbb"],
  ["$$", ""],
  ["${$}", ""],
  ["${$:+bbb}", ""],
  ["${$:-bbb}", "bbb"],
  ["$!", ""],
  ["${!}", ""],
  ["${!:+bbb}", ""],
  ["${!:-bbb}", "bbb"],
  ["$0", ""],
  ["${0}", ""],
  ["${0:+bbb}", ""],
  ["${0:-bbb}", "bbb"],
];

describe("expandWord (buildkit envVarTest)", () => {
  test.each(envVarCases)("%s", (word, expected) => {
    if (expected === null) expect(() => expandWord(word, env)).toThrow(/^failed to process /);
    else expect(expandWord(word, env)).toBe(expected);
  });
});

// buildkit's shell/wordsTest: ProcessWords after the ENV lines before each case.
describe("expandWords (buildkit wordsTest)", () => {
  const words: [Record<string, string>, string, string[] | null][] = [
    [{}, "hello", ["hello"]],
    [{}, "hello${hi}bye", ["hellobye"]],
    [{ hi: "hi" }, "hello${hi}bye", ["hellohibye"]],
    [{ space: "abc  def" }, "hello${space}bye", ["helloabc", "defbye"]],
    [{ space: "abc  def" }, 'hello"${space}"bye', ["helloabc  defbye"]],
    [{ space: "abc  def" }, 'hello "${space}"bye', ["hello", "abc  defbye"]],
    [{ leading: "  ab c" }, "hello${leading}def", ["hello", "ab", "cdef"]],
    [{ leading: "  ab c" }, 'hello"${leading}" def', ["hello  ab c", "def"]],
    [{ leading: "  ab c" }, 'hello"${leading}"', ["hello  ab c"]],
    [{ leading: "  ab c" }, "hello${leading}", ["hello", "ab", "c"]],
    [{ trailing: "ab c   " }, "hello${trailing}", ["helloab", "c"]],
    [{ trailing: "ab c   " }, "hello${trailing}d", ["helloab", "c", "d"]],
    [{ trailing: "ab c   " }, 'hello"${trailing}"d', ["helloab c   d"]],
    [{ trailing: "ab c   " }, 'hel"lo${trailing}"', ["helloab c   "]],
    [{}, 'hello" there  "', ["hello there  "]],
    [{}, "hello there", ["hello", "there"]],
    [{}, "hello\\ there", ["hello there"]],
    [{}, 'hello" there', null],
    [{}, 'hello\\" there', ['hello"', "there"]],
    [{}, 'hello"\\\\there"', ["hello\\there"]],
    [{}, 'hello"\\there"', ["hello\\there"]],
    [{}, "hello'\\\\there'", ["hello\\\\there"]],
    [{}, "hello'\\there'", ["hello\\there"]],
    [{}, "hello'$there'", ["hello$there"]],
  ];
  test.each(words)("%o %s", (vars, word, expected) => {
    if (expected === null) expect(() => expandWords(word, vars)).toThrow();
    else expect(expandWords(word, vars)).toEqual(expected);
  });
});

describe("expandWords quirks kept from buildkit", () => {
  test("a ${X:-...} modifier restarts the word it sits in (the lexer shares one word buffer)", () => {
    expect(expandWords("a${X:-b} c", {})).toEqual(["b", "c"]);
    expect(expandWords("a${X} c", { X: "b" })).toEqual(["ab", "c"]);
  });
});

describe("expandWord errors", () => {
  const cases: [string, string][] = [
    ["${XXX:?}", 'failed to process "${XXX:?}": XXX: is not allowed to be unset'],
    ["${NULL:?}", 'failed to process "${NULL:?}": NULL: is not allowed to be empty'],
    ["${XXX?must be set}", 'failed to process "${XXX?must be set}": XXX: must be set'],
    ["${PWD:=x}", 'failed to process "${PWD:=x}": unsupported modifier (:=) in substitution'],
    ["${PWD:#x}", 'failed to process "${PWD:#x}": unsupported modifier (:#) in substitution'],
    ["${PWD", 'failed to process "${PWD": unsupported modifier (\ufffd) in substitution'],
    ["${PWD:-x", "failed to process \"${PWD:-x\": syntax error: missing '}'"],
    ["${}", 'failed to process "${}": syntax error: bad substitution'],
    ["${", "failed to process \"${\": syntax error: missing '}'"],
    ["'abc", 'failed to process "\'abc": unexpected end of statement while looking for matching single-quote'],
    ['"abc', 'failed to process "\\"abc": unexpected end of statement while looking for matching double-quote'],
    ["${PWD/x", "failed to process \"${PWD/x\": syntax error: missing '/' in ${}"],
    ["${PWD#\\a}", "failed to process \"${PWD#\\\\a}\": invalid pattern (\\a) in substitution: invalid escape '\\a'"],
  ];
  test.each(cases)("%s", (word, message) => {
    expect(() => expandWord(word, env)).toThrow(message);
  });
});

describe("expandWord pattern modifiers", () => {
  const vars = { PATHS: "/usr/local/bin:/usr/bin:/bin", FILE: "archive.tar.gz", X: "a.b.c" };
  const cases: [string, string][] = [
    ["${FILE#*.}", "tar.gz"],
    ["${FILE##*.}", "gz"],
    ["${FILE%.*}", "archive.tar"],
    ["${FILE%%.*}", "archive"],
    ["${PATHS#*:}", "/usr/bin:/bin"],
    ["${PATHS%:*}", "/usr/local/bin:/usr/bin"],
    ["${X/./-}", "a-b.c"],
    ["${X//./-}", "a-b-c"],
    ["${X//?/z}", "zzzzz"],
    ["${UNSET#x}", ""],
    ["${FILE#nomatch}", "archive.tar.gz"],
  ];
  test.each(cases)("%s", (word, expected) => {
    expect(expandWord(word, vars)).toBe(expected);
  });
});

describe("the escape token", () => {
  test("a backtick escapes; a backslash is then an ordinary character", () => {
    expect(expandWord("C:\\path`$X", { X: "no" }, "`")).toBe("C:\\path$X");
    expect(expandWord('"a`"b"', {}, "`")).toBe('a"b');
  });

  test("a Map works as the environment", () => {
    expect(expandWord("$A-${B}", new Map([["A", "1"], ["B", "2"]]))).toBe("1-2");
  });

  test("Object prototype names are not variables", () => {
    expect(expandWord("[$toString]", {})).toBe("[]");
  });
});

describe("expandInstruction", () => {
  const base = { source: "", line: 1 };
  const expand = (word: string): string => expandWord(word, { V: "x", D: "/dst" });

  test("ENV and LABEL expand keys and values", () => {
    const env: Instruction = { ...base, kind: "env", pairs: [{ key: "K$V", value: '"$V y"', noDelim: false }] };
    expect(expandInstruction(env, expand)).toMatchObject({ pairs: [{ key: "Kx", value: "x y", noDelim: false }] });
  });

  test("COPY expands sources, dest, chown and chmod but not --from", () => {
    const copy: Instruction = {
      ...base,
      kind: "copy",
      sources: ["$V.txt"],
      dest: "$D",
      from: "$V",
      chown: "$V",
      chmod: "7${V:+55}",
      flagsUsed: ["from"],
    };
    expect(expandInstruction(copy, expand)).toMatchObject({
      sources: ["x.txt"],
      dest: "/dst",
      from: "$V",
      chown: "x",
      chmod: "755",
    });
  });

  test("ARG keeps an absent default absent", () => {
    const arg: Instruction = { ...base, kind: "arg", args: [{ key: "A", value: undefined }, { key: "B", value: "$V" }] };
    expect(expandInstruction(arg, expand)).toMatchObject({ args: [{ key: "A", value: undefined }, { key: "B", value: "x" }] });
  });

  test("RUN, CMD and EXPOSE come back as they were", () => {
    const run: Instruction = { ...base, kind: "run", command: { args: ["echo $V"], prependShell: true }, flagsUsed: [] };
    expect(expandInstruction(run, expand)).toBe(run);
    const expose: Instruction = { ...base, kind: "expose", ports: ["$V"] };
    expect(expandInstruction(expose, expand)).toBe(expose);
  });

  test("WORKDIR, USER, VOLUME and STOPSIGNAL expand", () => {
    expect(expandInstruction({ ...base, kind: "workdir", path: "$D/w" }, expand)).toMatchObject({ path: "/dst/w" });
    expect(expandInstruction({ ...base, kind: "user", user: "$V:$V" }, expand)).toMatchObject({ user: "x:x" });
    expect(expandInstruction({ ...base, kind: "volume", volumes: ["$D"] }, expand)).toMatchObject({ volumes: ["/dst"] });
    expect(expandInstruction({ ...base, kind: "stopsignal", signal: "SIG$V" }, expand)).toMatchObject({ signal: "SIGx" });
  });
});
