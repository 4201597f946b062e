import { describe, expect, it } from "vitest";
import { DOCKER_FUNCS, HEADER_FUNCS, split, title } from "./template-funcs.js";
import { parseTemplate } from "./template.js";

function run(text: string, data: unknown): string {
  return parseTemplate(text, DOCKER_FUNCS).execute(data);
}

describe("docker's template functions", () => {
  it("json encodes without HTML escaping and without a trailing newline", () => {
    expect(run("{{json .P}}", { P: "0.0.0.0:80->80/tcp" })).toBe('"0.0.0.0:80->80/tcp"');
    expect(run("{{json .M}}", { M: { b: 1, a: "<none>" } })).toBe('{"a":"<none>","b":1}');
    expect(run("{{json .L}}|{{json .Missing}}|{{json .N}}", { L: ["a", 1.5, true, null], N: null })).toBe('["a",1.5,true,null]|null|null');
    expect(run("{{json .S}}", { S: "line\u2028\t\"q\"" })).toBe('"line\\u2028\\t\\"q\\""');
  });

  it("splits and joins", () => {
    expect(run('{{split .Image ":"}}', { Image: "ubuntu:22.04" })).toBe("[ubuntu 22.04]");
    expect(run('{{join (split .S ",") " | "}}', { S: "a,b,c" })).toBe("a | b | c");
    expect(run('{{join .L ","}}|{{join .M "+"}}|{{join .Missing "-"}}', { L: [1, "x", 2.5], M: { k2: "b", k1: "a" } })).toBe("1,x,2.5|a+b|");
    expect(split("héllo", "")).toEqual(["h", "é", "l", "l", "o"]);
    expect(split("", ",")).toEqual([""]);
  });

  it("changes case like Go's strings functions", () => {
    expect(run("{{upper .S}}|{{lower .S}}|{{title .T}}", { S: "Straße Web", T: "hello wide-world o'neil_x" })).toBe(
      "STRAßE WEB|straße web|Hello Wide-World O'Neil_x",
    );
    expect(title("ärger über")).toBe("Ärger Über");
  });

  it("pads only non-empty strings", () => {
    expect(run("[{{pad .S 2 1}}][{{pad .E 2 1}}]", { S: "x", E: "" })).toBe("[  x ][]");
  });

  it("truncates by bytes", () => {
    expect(run("{{truncate .S 3}}|{{truncate .S 10}}|{{truncate .S 6}}", { S: "abcdef" })).toBe("abc|abcdef|abcdef");
    expect(run("{{truncate .S 1}}", { S: "é" })).toBe("\ufffd");
  });
});

describe("header functions", () => {
  it("leave the header text alone, except pad", () => {
    const t = parseTemplate('{{json .A}} {{split .A ":"}} {{join .A ","}} {{title .B}} {{lower .A}} {{upper .B}} {{truncate .A 2}} [{{pad .A 1 1}}]', DOCKER_FUNCS);
    expect(t.withFuncs(HEADER_FUNCS).execute({ A: "IMAGE", B: "names" })).toBe("IMAGE IMAGE IMAGE names IMAGE names IMAGE [ IMAGE ]");
  });

  it("reject non-string values, as their Go signatures do", () => {
    const t = parseTemplate("{{json .}}", DOCKER_FUNCS).withFuncs(HEADER_FUNCS);
    expect(() => t.execute({ A: "x" })).toThrow("wrong type for value; expected string; got map[string]string");
  });
});
