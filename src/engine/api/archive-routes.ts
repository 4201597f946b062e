// /containers/{id}/archive (HEAD, GET, PUT) and /containers/{id}/export: `docker cp` and
// `docker export` (api/server/router/container/copy.go, container_routes.go).
import type { ContainerArchive } from "../archive/container-archive.js";
import type { pathStatHeader as PathStatHeader } from "../archive/path-stat.js";
import type { Engine } from "../engine.js";
import { invalidParameter } from "../errors.js";
import { boolQuery, query, route, type Route } from "./route.js";
import type { ApiRequest } from "./types.js";

/** The request body's bytes: raw when the transport kept them, else whatever form it took. */
export function bodyBytes(request: ApiRequest): Uint8Array {
  if (request.rawBody) return request.rawBody;
  const body = request.body;
  if (body instanceof Uint8Array) return body;
  if (typeof body === "string") return new TextEncoder().encode(body);
  return new Uint8Array(0);
}

/** httputils.ArchiveFormValues; the missing space is dockerd's. */
function archivePath(request: ApiRequest): string {
  const path = query(request, "path") ?? "";
  if (path === "") throw invalidParameter("bad parameter: pathcannot be empty");
  return path;
}

// The archive code (tar, cp, export) is fetched on first use: most sessions never need it.
let modules: Promise<{ ContainerArchive: typeof ContainerArchive; pathStatHeader: typeof PathStatHeader }> | undefined;

function archiveModules() {
  modules ??= Promise.all([import("../archive/container-archive.js"), import("../archive/path-stat.js")]).then(([a, p]) => ({ ContainerArchive: a.ContainerArchive, pathStatHeader: p.pathStatHeader }));
  return modules;
}

export function archiveRoutes(engine: Engine): Route[] {
  let made: ContainerArchive | undefined;
  const tools = async () => {
    const m = await archiveModules();
    made ??= new m.ContainerArchive({ containers: engine.containers, images: engine.images, fs: engine.fs, clock: engine.ctx.clock });
    return { archive: made, pathStatHeader: m.pathStatHeader };
  };
  return [
    route(
      "GET",
      "/containers/{id}/archive",
      async (req, [id = ""]) => {
        const path = archivePath(req);
        const { archive, pathStatHeader } = await tools();
        if (req.method.toUpperCase() === "HEAD") {
          const stat = await archive.statPath(id, path);
          return { status: 200, headers: { "X-Docker-Container-Path-Stat": pathStatHeader(stat) } };
        }
        const { stat, tar } = await archive.archivePath(id, path);
        return { status: 200, headers: { "Content-Type": "application/x-tar", "X-Docker-Container-Path-Stat": pathStatHeader(stat) }, body: tar };
      },
      true,
    ),
    route("PUT", "/containers/{id}/archive", async (req, [id = ""]) => {
      const path = archivePath(req);
      const { archive } = await tools();
      await archive.extractToDir(id, path, bodyBytes(req), {
        noOverwriteDirNonDir: boolQuery(req, "noOverwriteDirNonDir"),
        copyUIDGID: boolQuery(req, "copyUIDGID"),
      });
      return { status: 200 };
    }),
    route("GET", "/containers/{id}/export", async (_req, [id = ""]) => {
      const { archive } = await tools();
      const tar = await archive.exportContainer(id);
      return { status: 200, headers: { "Content-Type": "application/x-tar" }, body: tar };
    }),
  ];
}
