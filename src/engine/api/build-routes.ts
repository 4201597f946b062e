// POST /build (api/server/router/build): the legacy builder behind the Engine API. The request
// body is the context tar; the answer a JSON stream of the build's output. What is wrong with
// the request or the Dockerfile is an HTTP error; what fails once the steps run is reported in
// the stream, after what they printed, as the daemon does once its output has started.
import type { Engine } from "../engine.js";
import { invalidParameter } from "../errors.js";
import { Channel } from "../streams/channel.js";
import { bodyBytes } from "./archive-routes.js";
import { boolQuery, query, route, type Route } from "./route.js";
import type { ApiRequest } from "./types.js";

function jsonMap(request: ApiRequest, name: string, what: string): Record<string, string | null> {
  const text = query(request, name);
  if (text === undefined || text === "") return {};
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed === null) return {};
    if (typeof parsed !== "object" || Array.isArray(parsed)) throw new Error(`json: cannot unmarshal ${Array.isArray(parsed) ? "array" : typeof parsed} into Go value of type map[string]*string`);
    return parsed as Record<string, string | null>;
  } catch (error) {
    throw invalidParameter(`error reading ${what}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function list(request: ApiRequest, name: string): string[] {
  const many = request.queryLists?.[name];
  if (many) return many;
  const one = query(request, name);
  return one === undefined ? [] : [one];
}

export function buildRoutes(engine: Engine): Route[] {
  return [
    route("POST", "/build", async (req) => {
      const version = query(req, "version") ?? "";
      if (version !== "" && version !== "1" && version !== "2") throw invalidParameter(`invalid version "${version}"`);
      const buildArgs = new Map(Object.entries(jsonMap(req, "buildargs", "build args")).map(([k, v]) => [k, v ?? undefined] as const));
      const labels = Object.fromEntries(Object.entries(jsonMap(req, "labels", "labels")).map(([k, v]) => [k, v ?? ""]));
      const forceRemove = boolQuery(req, "forcerm");
      const rm = query(req, "rm");
      const request = {
        tags: list(req, "t"),
        dockerfile: query(req, "dockerfile") || "Dockerfile",
        buildArgs,
        labels,
        noCache: boolQuery(req, "nocache"),
        remove: forceRemove || rm === undefined || rm === "" || boolQuery(req, "rm"),
        forceRemove,
        pull: boolQuery(req, "pull"),
        quiet: boolQuery(req, "q"),
        target: query(req, "target") ?? "",
        networkMode: query(req, "networkmode") ?? "",
        extraHosts: list(req, "extrahosts").flatMap((h) => (h.startsWith("[") ? (JSON.parse(h) as string[]) : [h])),
      };
      const { Builder, prepareBuild } = await import("../build/builder.js");
      const prepared = await prepareBuild(bodyBytes(req), request);
      const out = new Channel<Record<string, unknown>>();
      const send = (m: Record<string, unknown>) => out.push(m);
      const builder = new Builder(engine, prepared, request, send);
      void builder.run(send).finally(() => out.close());
      return { status: 200, stream: { kind: "json-lines", messages: out } };
    }),
  ];
}
