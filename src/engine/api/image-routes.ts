// /images/...: pull, list, inspect, history, tag and remove. Pull and history are fetched on
// first use: they need the image catalog, which a page does not load until then.
import type { Engine } from "../engine.js";
import { invalidParameter } from "../errors.js";
import { familiarString, parseReference } from "../image-store/reference.js";
import type { ImageConfig, ImageRecord } from "../images/image-record.js";
import { imageDriverData } from "../images/overlay-dirs.js";
import { rfc3339Nano } from "../time-format.js";
import { checkFilterKeys, matchesLabels, parseFilters } from "./filters.js";
import { boolQuery, ok, query, route, type Route } from "./route.js";

function created(image: ImageRecord): number {
  return Math.floor(Date.parse(image.Created) / 1000);
}

export function imageSummary(image: ImageRecord, containers: number) {
  return {
    Containers: containers,
    Created: created(image),
    Id: image.Id,
    Labels: image.Config.Labels ?? null,
    ParentId: image.Parent,
    RepoDigests: image.RepoDigests,
    RepoTags: image.RepoTags,
    SharedSize: -1,
    Size: image.Size,
  };
}

/** Go's omitempty: the zero value, or a slice or map with nothing in it. */
function isEmpty(value: unknown): boolean {
  if (value === undefined || value === null || value === "" || value === false || value === 0) return true;
  if (Array.isArray(value)) return value.length === 0;
  return typeof value === "object" && Object.keys(value).length === 0;
}

/**
 * Config as API 1.50 (dockerd 28.2) shows it: the image's container.Config converted to the OCI
 * image config (containerConfigToDockerOCIImageConfig into dockerspec.DockerOCIImageConfig),
 * in that struct's order, and every field omitempty. So an empty Entrypoint or Cmd, [] or null
 * alike, is left out, as are a false ArgsEscaped and the fields that only containers have
 * (Image, Hostname, ...). Docker 28.3 put some of the empty ones back as null; 28.2 did not.
 */
function inspectConfig(config: ImageConfig): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const oci: [string, unknown][] = [
    ["User", config.User],
    ["ExposedPorts", config.ExposedPorts],
    ["Env", config.Env],
    ["Entrypoint", config.Entrypoint],
    ["Cmd", config.Cmd],
    ["Volumes", config.Volumes],
    ["WorkingDir", config.WorkingDir],
    ["Labels", config.Labels],
    ["StopSignal", config.StopSignal],
    ["ArgsEscaped", config.ArgsEscaped],
  ];
  for (const [key, value] of oci) if (!isEmpty(value)) out[key] = value;
  // DockerOCIImageConfigExt: Healthcheck is a pointer, there whenever it is set.
  if (config.Healthcheck) out["Healthcheck"] = config.Healthcheck;
  if (!isEmpty(config.OnBuild)) out["OnBuild"] = config.OnBuild;
  if (!isEmpty(config.Shell)) out["Shell"] = config.Shell;
  return out;
}

export function imageInspect(image: ImageRecord) {
  return {
    Id: image.Id,
    RepoTags: image.RepoTags,
    RepoDigests: image.RepoDigests,
    Parent: image.Parent,
    Comment: image.Comment,
    Created: image.Created,
    DockerVersion: image.DockerVersion,
    Author: image.Author,
    Config: inspectConfig(image.Config),
    Architecture: image.Architecture,
    ...(image.Variant ? { Variant: image.Variant } : {}),
    Os: image.Os,
    Size: image.Size,
    GraphDriver: { Data: imageDriverData(image.Layers), Name: "overlay2" },
    RootFS: { Type: "layers", Layers: image.Layers },
    Metadata: { LastTagTime: rfc3339Nano(0) },
  };
}

export function imageRoutes(engine: Engine): Route[] {
  const { images } = engine;
  const usersOf = (imageId: string) =>
    engine.containers.all().filter((c) => c.Image === imageId).map((c) => ({ id: c.Id, running: c.State.Running }));
  return [
    route("POST", "/images/create", async (req) => {
      const from = query(req, "fromImage");
      if (!from) throw invalidParameter("Bad parameters and missing X-Registry-Auth: invalid X-Registry-Auth header: EOF");
      const tag = query(req, "tag");
      const text = tag ? (tag.includes(":") ? `${from}@${tag}` : `${from}:${tag}`) : from;
      const ref = parseReference(text);
      const { pullImage } = await import("../image-store/pull.js");
      const messages = pullImage(engine.ctx, images, ref, { bandwidth: engine.pullBandwidth });
      return { status: 200, stream: { kind: "json-lines", messages } };
    }),
    route("GET", "/images/json", (req) => {
      const filters = parseFilters(query(req, "filters"));
      checkFilterKeys(filters, ["before", "dangling", "label", "reference", "since", "until"]);
      const all = images.all().sort((a, b) => created(b) - created(a) || (a.Id < b.Id ? -1 : 1));
      const dangling = filters.get("dangling")?.[0];
      const refs = filters.get("reference");
      const everything = boolQuery(req, "all");
      const parents = new Set(all.map((i) => i.Parent).filter((p) => p !== ""));
      const list = all.filter((image) => {
        // Untagged images something was built on are intermediate: shown with -a only.
        if (!everything && image.RepoTags.length === 0 && image.RepoDigests.length === 0 && parents.has(image.Id)) return false;
        if (dangling === "true" && (image.RepoTags.length > 0 || parents.has(image.Id))) return false;
        if (dangling === "false" && image.RepoTags.length === 0) return false;
        if (!matchesLabels(filters.get("label"), image.Config.Labels)) return false;
        if (refs && !refs.some((r) => image.RepoTags.some((t) => globMatch(r.includes(":") ? r : `${r}:*`, t)))) return false;
        return true;
      });
      const counts = boolQuery(req, "shared-size") || boolQuery(req, "container-count");
      return ok(list.map((i) => imageSummary(i, counts ? usersOf(i.Id).length : -1)));
    }),
    route("GET", "/images/{name*}/json", (_req, [name = ""]) => ok(imageInspect(images.get(name)))),
    route("GET", "/images/{name*}/history", async (_req, [name = ""]) => {
      const { imageHistory } = await import("../image-store/history.js");
      return ok(imageHistory(engine.ctx, images.get(name)));
    }),
    route("POST", "/images/{name*}/tag", (req, [name = ""]) => {
      const image = images.get(name);
      const repo = query(req, "repo") ?? "";
      const target = parseReference(query(req, "tag") ? `${repo}:${query(req, "tag")}` : repo);
      images.addTag(image, familiarString(target));
      engine.ctx.events.publish("image", "tag", image.Id, { ...image.Config.Labels, name: familiarString(target) });
      return { status: 201 };
    }),
    route("DELETE", "/images/{name*}", (req, [name = ""]) => {
      const removed = images.find(name);
      const imageId = removed?.Id ?? "";
      const labels = removed?.Config.Labels ?? {};
      const before = new Set(images.all().map((i) => i.Id));
      const report = images.remove(name, boolQuery(req, "force"), usersOf, boolQuery(req, "noprune"));
      const gone = new Set([...before].filter((id) => !images.find(id)));
      for (const item of report) {
        // daemon/images/image_delete.go logs untag under the image id, named by the id too.
        if (item["Untagged"]) engine.ctx.events.publish("image", "untag", imageId, { ...labels, name: imageId });
        // Deleted layers are reported but not announced: each deleted image is (the untagged
        // parents a built image is pruned of too).
        const deleted = item["Deleted"];
        if (deleted && gone.has(deleted)) engine.ctx.events.publish("image", "delete", deleted, { name: deleted });
      }
      return ok(report);
    }),
  ];
}

function globMatch(pattern: string, text: string): boolean {
  const source = pattern.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, "[^/]*").replace(/\?/g, ".");
  return new RegExp(`^${source}$`).test(text);
}

