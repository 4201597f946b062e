// What the daemon does with registries: POST /auth (docker login), POST /images/{name}/push
// and GET /images/search. Their code is fetched on first use, like the archive routes'.
import type { Engine } from "../engine.js";
import { invalidParameter, systemError } from "../errors.js";
import { authConfigFrom, decodeAuthConfig, type AuthConfig } from "../image-store/auth-config.js";
import { hubLogin, isHubHost } from "../image-store/docker-hub.js";
import { parseReference } from "../image-store/reference.js";
import { parseFilters } from "./filters.js";
import { ok, query, route, type Route } from "./route.js";
import type { ApiRequest } from "./types.js";

function header(request: ApiRequest, name: string): string | undefined {
  const wanted = name.toLowerCase();
  return Object.entries(request.headers ?? {}).find(([k]) => k.toLowerCase() === wanted)?.[1];
}

/** Service.Auth: the server address names the registry, https:// assumed when no scheme is given. */
async function login(engine: Engine, config: AuthConfig): Promise<string> {
  let host = "index.docker.io";
  if (config.serveraddress) {
    const address = /^https?:\/\//.test(config.serveraddress) ? config.serveraddress : `https://${config.serveraddress}`;
    const match = /^https?:\/\/([^/?#]*)/.exec(address);
    host = match?.[1] ?? "";
    if (host === "") throw invalidParameter(`unable to parse server address: parse "${address}": no Host in request URL`);
  }
  if (isHubHost(host)) return hubLogin(config);
  // A registry container has no auth configured: any credentials get in.
  const { connectRegistry } = await import("../image-store/registries.js");
  connectRegistry(engine.ctx, host);
  return "Login Succeeded";
}

export function registryRoutes(engine: Engine): Route[] {
  return [
    route("POST", "/auth", async (req) => {
      // The body is decoded with encoding/json; a failure is an untyped error (500), as in system_routes.go.
      if (req.body === undefined || req.body === "") throw systemError("EOF");
      const body = typeof req.body === "string" ? safeJson(req.body) : req.body;
      const config = body === null ? {} : authConfigFrom(body);
      if (!config) throw systemError("json: cannot unmarshal into Go value of type registry.AuthConfig");
      return ok({ Status: await login(engine, config), IdentityToken: "" });
    }),
    route("GET", "/images/search", async (req) => {
      const rawLimit = query(req, "limit");
      let limit: number | undefined;
      if (rawLimit !== undefined && rawLimit !== "") {
        if (!/^[+-]?\d+$/.test(rawLimit)) throw invalidParameter(`invalid limit specified: strconv.Atoi: parsing "${rawLimit}": invalid syntax`);
        limit = Number(rawLimit);
      }
      const { searchImages } = await import("../image-store/search.js");
      return ok(searchImages(engine.ctx, query(req, "term") ?? "", limit, parseFilters(query(req, "filters"))));
    }),
    route("POST", "/images/{name*}/push", async (req, [name = ""]) => {
      const encoded = header(req, "X-Registry-Auth");
      let auth: AuthConfig | undefined;
      if (encoded !== undefined && encoded !== "") {
        // An unreadable header is ignored, as dockerd does, and the push goes out anonymously.
        auth = decodeAuthConfig(encoded);
      } else {
        const body = typeof req.body === "string" ? safeJson(req.body) : req.body;
        auth = authConfigFrom(body);
        if (!auth) throw invalidParameter("bad parameters and missing X-Registry-Auth: invalid X-Registry-Auth header: EOF");
      }
      const tag = query(req, "tag");
      const ref = parseReference(tag ? `${name}:${tag}` : name);
      if (ref.digest && !tag) throw invalidParameter("cannot push a digest reference");
      const { pushImage } = await import("../image-store/push.js");
      const messages = pushImage(engine.ctx, engine.images, ref, auth, { bandwidth: engine.pullBandwidth });
      return { status: 200, stream: { kind: "json-lines", messages } };
    }),
  ];
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
