// GET /images/get, GET /images/{name}/get, POST /images/load and the import form of POST
// /images/create (fromSrc): `docker save`, `docker load` and `docker import`.
import type { Engine } from "../engine.js";
import { engineVersion } from "../engine-info.js";
import { systemError } from "../errors.js";
import { bodyBytes } from "./archive-routes.js";
import { imageRoutes } from "./image-routes.js";
import { query, route, type Route } from "./route.js";
import type { ApiRequest, ApiResponse } from "./types.js";

/** Every value of a repeatable query key (names=a&names=b). */
function values(request: ApiRequest, name: string): string[] {
  const list = request.queryLists?.[name];
  if (list) return list;
  const one = query(request, name);
  return one === undefined ? [] : [one];
}

async function* messages(list: unknown[]): AsyncGenerator<unknown> {
  for (const message of list) yield message;
}

/** httputils.BoolValueOrDefault: a missing key takes the default; a present one is BoolValue. */
function boolOrDefault(request: ApiRequest, name: string, fallback: boolean): boolean {
  const value = query(request, name);
  if (value === undefined) return fallback;
  return !["", "0", "no", "false", "none"].includes(value.toLowerCase());
}

export function imageArchiveRoutes(engine: Engine): Route[] {
  const { images, fs } = engine;
  const save = async (names: string[]): Promise<ApiResponse> => {
    const { saveImages } = await import("../archive/image-save.js");
    const { tar, ids } = saveImages(images, fs, names, engine.ctx.clock.now());
    for (const id of ids) engine.ctx.events.publish("image", "save", id, { ...(images.find(id)?.Config.Labels ?? {}), name: id });
    return { status: 200, headers: { "Content-Type": "application/x-tar" }, body: tar };
  };
  // The pull is imageRoutes' POST /images/create: the same endpoint without fromImage imports.
  const pull = imageRoutes(engine).find((r) => r.method === "POST" && r.pattern.test("/images/create"));
  return [
    route("GET", "/images/get", (req) => save(values(req, "names"))),
    route("GET", "/images/{name*}/get", (_req, [name = ""]) => save([name])),
    route("POST", "/images/load", async (req) => {
      const { loadImages } = await import("../archive/image-load.js");
      const list = await loadImages(
        { images, fs, events: engine.ctx.events, storedLayer: (d) => engine.ctx.store.get("layer", d) !== undefined, random: () => engine.ctx.ids.randomInt(2 ** 32) },
        bodyBytes(req),
        boolOrDefault(req, "quiet", true),
      );
      return { status: 200, stream: { kind: "json-lines", messages: messages(list) } };
    }),
    route("POST", "/images/create", async (req, params) => {
      if (query(req, "fromImage") && pull) return pull.handle(req, params);
      const fromSrc = query(req, "fromSrc") ?? "";
      if (fromSrc !== "-") {
        // The daemon would fetch the URL itself; the playground has no way out.
        const url = fromSrc.includes("://") ? fromSrc : `http://${fromSrc}`;
        const host = /^[a-z]+:\/\/([^/:]*)/i.exec(url)?.[1] ?? "";
        throw systemError(host ? `Get ${JSON.stringify(url)}: dial tcp: lookup ${host}: no such host` : `Get ${JSON.stringify(url.replace(/\/+$/, ""))}: http: no Host in request URL`);
      }
      const { importImage } = await import("../archive/image-import.js");
      const id = await importImage(
        { images, fs, events: engine.ctx.events, now: () => engine.ctx.clock.now(), dockerVersion: engineVersion.Version },
        bodyBytes(req),
        {
          fromSrc,
          repo: query(req, "repo") ?? "",
          tag: query(req, "tag") ?? "",
          message: query(req, "message") ?? "",
          changes: values(req, "changes"),
          platform: query(req, "platform") ?? "",
        },
      );
      return { status: 200, stream: { kind: "json-lines", messages: messages([{ status: id }]) } };
    }),
  ];
}
