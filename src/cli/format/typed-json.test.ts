import { describe, expect, it } from "vitest";
import { DOCKER_FUNCS } from "./template-funcs.js";
import { parseTemplate } from "./template.js";
import { mapOf, ptr, sliceOf, struct, typedJson } from "./typed-json.js";

const HEALTH = struct("container.Health", { Log: sliceOf(ptr(struct("container.HealthcheckResult", { Start: "time.Time" }))) });
const CONFIG = struct("container.Config", {
  Labels: "map[string]string",
  Entrypoint: "[]string",
  Cmd: "[]string",
  User: "string",
  ArgsEscaped: "bool",
  StopTimeout: "*int",
  ExposedPorts: mapOf(struct("struct {}", {})),
});
const ROOT = struct("container.InspectResponse", { Config: ptr(CONFIG), State: ptr(struct("container.State", { Health: ptr(HEALTH) })), Size: "int64" }, { ID: "Id" });

const sample = {
  Id: "abc",
  Name: "/web",
  State: { Status: "running" },
  Config: { Env: ["A=1"], Cmd: ["sh"], Entrypoint: null, ExposedPorts: { "80/tcp": {} } },
};

function run(text: string, data: unknown = sample): string {
  return parseTemplate(text, DOCKER_FUNCS).execute(typedJson(data, ROOT));
}

describe("JSON read through Go types", () => {
  it("gives left-out and null fields their zero values", () => {
    expect(run("{{.Config.Labels}}|{{.Config.Entrypoint}}|{{.Config.User}}|{{.Config.ArgsEscaped}}|{{.Config.StopTimeout}}|{{.Size}}|{{.State.Health}}")).toBe(
      "map[]|[]||false|<nil>|0|<nil>",
    );
  });

  it("marshals nil maps, slices and pointers as null, and empty ones as they are", () => {
    expect(run("{{json .Config.Labels}} {{json .Config.Entrypoint}} {{json .State.Health}} {{json .Config.Cmd}}")).toBe('null null null ["sh"]');
    expect(run("{{json .Config.Labels}}", { Config: { Labels: {} } })).toBe("{}");
  });

  it("treats nil maps and slices as empty ones otherwise", () => {
    expect(run('{{len .Config.Labels}} {{index .Config.Labels "a"}}| {{range .Config.Entrypoint}}x{{else}}none{{end}} {{if .Config.Labels}}y{{else}}n{{end}}')).toBe("0 | none n");
    expect(run("{{.Config.Labels.missing}}")).toBe("<no value>");
    expect(run('{{printf "%T %T" .Config.Labels .Config.Entrypoint}}')).toBe("map[string]string []string");
  });

  it("marshals structs as the JSON came, left-out fields still left out and in the same order", () => {
    expect(run("{{json .Config}}")).toBe('{"Env":["A=1"],"Cmd":["sh"],"Entrypoint":null,"ExposedPorts":{"80/tcp":{}}}');
    expect(run("{{json .}}")).toBe(JSON.stringify(sample));
  });

  it("prints struct{} values as {}", () => {
    expect(run("{{.Config.ExposedPorts}}")).toBe("map[80/tcp:{}]");
  });

  it("reads fields by their Go names: a name the struct lacks is an error", () => {
    expect(run("{{.ID}}")).toBe("abc");
    expect(() => run("{{.Id}}")).toThrow(`template: :1:2: executing "" at <.Id>: can't evaluate field Id in type container.InspectResponse`);
    expect(() => run("{{.Config.Nope}}")).toThrow("can't evaluate field Nope in type container.Config");
    // Fields that are not described are read as the JSON has them.
    expect(run("{{.Name}}")).toBe("/web");
  });

  it("prints a time.Time as Go's Time.String, and marshals it as it came", () => {
    const data = { State: { Health: { Log: [{ Start: "2026-01-15T09:00:00.25Z" }, { Start: "2026-01-15T09:00:01+02:00" }] } } };
    expect(run("{{range .State.Health.Log}}{{.Start}}|{{json .Start}}|{{end}}", data)).toBe(
      '2026-01-15 09:00:00.25 +0000 UTC|"2026-01-15T09:00:00.25Z"|2026-01-15 09:00:01 +0200 +0200|"2026-01-15T09:00:01+02:00"|',
    );
  });
});

describe("templates over raw JSON with missingkey=error", () => {
  const raw = { Id: "abc", ExecIDs: null, Config: { Labels: { a: "1" } } };
  const runRaw = (text: string) => parseTemplate(text, DOCKER_FUNCS).execute(raw, { missingKeyError: true, untypedJson: true });

  it("fails on a missing key, at any depth", () => {
    expect(() => runRaw("{{.Foo}}")).toThrow(`template: :1:2: executing "" at <.Foo>: map has no entry for key "Foo"`);
    expect(() => runRaw("{{.Config.Labels.b}}")).toThrow(`map has no entry for key "b"`);
  });

  it("reads a JSON null as a nil interface: no value, and a nil pointer to go through", () => {
    expect(runRaw("{{.Id}} {{.ExecIDs}} {{json .ExecIDs}} {{.Config.Labels.a}}")).toBe("abc <no value> null 1");
    expect(() => runRaw("{{.ExecIDs.x}}")).toThrow(`at <.ExecIDs.x>: nil pointer evaluating interface {}.x`);
  });
});
