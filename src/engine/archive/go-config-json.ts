// Image configuration documents as dockerd's Go structs marshal them: container.Config with
// every field in declaration order (zero values included, omitempty ones left out), V1Image
// for the legacy per-layer documents of `docker save`, map keys sorted, and <, >, & escaped.

type Json = Record<string, unknown>;

/** encoding/json's string escaping on top of JSON.stringify (HTML-safe, line separators). */
export function goJson(value: unknown): string {
  return (JSON.stringify(value) ?? "null")
    .replace(/</g, "\\u003c")
    .replace(/>/g, "\\u003e")
    .replace(/&/g, "\\u0026")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}

/** A Go map: keys sorted. */
export function goMap(value: unknown): string {
  if (value === null || value === undefined) return "null";
  const object = value as Json;
  return `{${Object.keys(object)
    .sort()
    .map((k) => `${goJson(k)}:${goJson(object[k])}`)
    .join(",")}}`;
}

/** A Go struct: fields in the order given; `undefined` values are omitted (omitempty). */
export function goStruct(fields: [string, string | undefined][]): string {
  return `{${fields
    .filter((f): f is [string, string] => f[1] !== undefined)
    .map(([k, v]) => `${goJson(k)}:${v}`)
    .join(",")}}`;
}

const present = (v: unknown) => v !== undefined && v !== null;
const nonEmpty = (v: unknown) => present(v) && (typeof v !== "object" || Object.keys(v as object).length > 0);
const str = (v: unknown) => goJson(typeof v === "string" ? v : "");
const bool = (v: unknown) => goJson(v === true);
const list = (v: unknown) => (Array.isArray(v) ? goJson(v) : typeof v === "string" ? goJson([v]) : "null");

function healthcheck(v: Json): string {
  return goStruct([
    ["Test", nonEmpty(v["Test"]) ? goJson(v["Test"]) : undefined],
    ["Interval", v["Interval"] ? goJson(v["Interval"]) : undefined],
    ["Timeout", v["Timeout"] ? goJson(v["Timeout"]) : undefined],
    ["StartPeriod", v["StartPeriod"] ? goJson(v["StartPeriod"]) : undefined],
    ["StartInterval", v["StartInterval"] ? goJson(v["StartInterval"]) : undefined],
    ["Retries", v["Retries"] ? goJson(v["Retries"]) : undefined],
  ]);
}

/** container.Config (api/types/container/config.go) from whatever subset of it a document holds. */
export function goContainerConfig(config: unknown): string {
  const v = (config && typeof config === "object" ? config : {}) as Json;
  return goStruct([
    ["Hostname", str(v["Hostname"])],
    ["Domainname", str(v["Domainname"])],
    ["User", str(v["User"])],
    ["AttachStdin", bool(v["AttachStdin"])],
    ["AttachStdout", bool(v["AttachStdout"])],
    ["AttachStderr", bool(v["AttachStderr"])],
    ["ExposedPorts", nonEmpty(v["ExposedPorts"]) ? goMap(v["ExposedPorts"]) : undefined],
    ["Tty", bool(v["Tty"])],
    ["OpenStdin", bool(v["OpenStdin"])],
    ["StdinOnce", bool(v["StdinOnce"])],
    ["Env", list(v["Env"])],
    ["Cmd", list(v["Cmd"])],
    ["Healthcheck", present(v["Healthcheck"]) ? healthcheck(v["Healthcheck"] as Json) : undefined],
    ["ArgsEscaped", v["ArgsEscaped"] === true ? "true" : undefined],
    ["Image", str(v["Image"])],
    ["Volumes", present(v["Volumes"]) ? goMap(v["Volumes"]) : "null"],
    ["WorkingDir", str(v["WorkingDir"])],
    ["Entrypoint", list(v["Entrypoint"])],
    ["NetworkDisabled", v["NetworkDisabled"] === true ? "true" : undefined],
    ["MacAddress", v["MacAddress"] ? goJson(v["MacAddress"]) : undefined],
    ["OnBuild", list(v["OnBuild"])],
    ["Labels", present(v["Labels"]) ? goMap(v["Labels"]) : "null"],
    ["StopSignal", v["StopSignal"] ? goJson(v["StopSignal"]) : undefined],
    ["StopTimeout", present(v["StopTimeout"]) ? goJson(v["StopTimeout"]) : undefined],
    ["Shell", nonEmpty(v["Shell"]) ? goJson(v["Shell"]) : undefined],
  ]);
}

export interface V1Fields {
  id?: string;
  parent?: string;
  comment?: string;
  created: string;
  container?: string;
  containerConfig?: unknown;
  dockerVersion?: string;
  author?: string;
  /** Absent: no "config" key (a nil *container.Config). */
  config?: unknown;
  architecture?: string;
  variant?: string;
  os?: string;
}

const omitEmpty = (v: string | undefined) => (v ? goJson(v) : undefined);

function v1Members(f: V1Fields): [string, string | undefined][] {
  return [
    ["id", omitEmpty(f.id)],
    ["parent", omitEmpty(f.parent)],
    ["comment", omitEmpty(f.comment)],
    ["created", goJson(f.created)],
    ["container", omitEmpty(f.container)],
    ["container_config", goContainerConfig(f.containerConfig)],
    ["docker_version", omitEmpty(f.dockerVersion)],
    ["author", omitEmpty(f.author)],
    ["config", present(f.config) ? goContainerConfig(f.config) : undefined],
    ["architecture", omitEmpty(f.architecture)],
    ["variant", omitEmpty(f.variant)],
    ["os", omitEmpty(f.os)],
  ];
}

/** image.V1Image, the legacy layer document. */
export function goV1Image(f: V1Fields): string {
  return goStruct(v1Members(f));
}

/**
 * v1.CreateID's input: the V1Image without its id, its top-level keys sorted (it goes through a
 * map of raw messages, which keep their inner order), with "layer_id" and, when there is one,
 * "parent" set to the chain's digests.
 */
export function v1IdDocument(f: V1Fields, layerId: string, parent: string): string {
  const members = new Map(v1Members({ ...f, id: "" }).filter((m): m is [string, string] => m[1] !== undefined));
  members.set("layer_id", goJson(layerId));
  if (parent) members.set("parent", goJson(parent));
  return `{${[...members.keys()]
    .sort()
    .map((k) => `${goJson(k)}:${members.get(k) ?? "null"}`)
    .join(",")}}`;
}
