// POST /images/prune (daemon/images/image_prune.go): dangling images, or with dangling=false every
// image no container holds on to, narrowed by label, label! and until. Each is deleted as
// `docker rmi` would (refusals skipped), and the freed layers' sizes are added up.
import { boolFilter, checkFilterKeys, matchesLabels, type Filters } from "../api/filters.js";
import type { Engine } from "../engine.js";
import { EngineError, systemError } from "../errors.js";
import { chainIds } from "../image-store/image-service.js";
import { layerSizes } from "../image-store/layer-info.js";
import { canonicalString, parseReference } from "../image-store/reference.js";
import type { ImageRecord } from "../images/image-record.js";
import { getTimestamp } from "./go-timestamp.js";

export interface ImagesPruneReport {
  ImagesDeleted: Record<string, string>[] | null;
  SpaceReclaimed: number;
}

/** The until= filter as a time (getUntilFromPruneFilters), relative to the engine's now. */
export function untilFilter(filters: Filters, now: number): number | undefined {
  const values = filters.get("until");
  if (values === undefined) return undefined;
  if (values.length > 1) throw systemError("more than one until filter specified");
  let stamp: string;
  try {
    stamp = getTimestamp(values[0] ?? "", now);
  } catch (error) {
    throw systemError((error as Error).message);
  }
  const [seconds = "0", fraction = ""] = stamp.split(".");
  return Number(seconds) * 1000 + Number(`0.${fraction || "0"}`) * 1000;
}

/** label= must all match; label! must not (matchLabels). */
export function pruneLabelsMatch(filters: Filters, labels: Record<string, string> | null | undefined): boolean {
  if (!matchesLabels(filters.get("label"), labels ?? {})) return false;
  const unwanted = filters.get("label!");
  return !(unwanted && unwanted.length > 0 && matchesLabels(unwanted, labels ?? {}));
}

export function pruneImages(engine: Engine, filters: Filters): ImagesPruneReport {
  checkFilterKeys(filters, ["dangling", "label", "label!", "until"]);
  const danglingOnly = boolFilter(filters, "dangling", true);
  const until = untilFilter(filters, engine.ctx.clock.now());
  const { images } = engine;
  const { events } = engine.ctx;
  const all = images.all();
  const parents = new Set(all.map((i) => i.Parent).filter(Boolean));
  const isDangling = (i: ImageRecord) => i.RepoTags.length === 0;
  const candidates = all.filter((image) => {
    // Heads only for dangling pruning: images no other image is built on.
    if (danglingOnly && parents.has(image.Id)) return false;
    if (isDangling(image) && image.RepoDigests.length === 0 && parents.has(image.Id)) return false;
    if (until !== undefined && Date.parse(image.Created) > until) return false;
    return pruneLabelsMatch(filters, image.Config.Labels);
  });

  // What each layer weighs, taken before anything is deleted.
  const sizeOf = new Map<string, number>();
  for (const image of all) {
    const sizes = layerSizes(engine.ctx, image);
    chainIds(image.Layers).forEach((chain, i) => sizeOf.set(chain, sizes[i] ?? 0));
  }
  const usersOf = (id: string) => engine.containers.all().filter((c) => c.Image === id).map((c) => ({ id: c.Id, running: c.State.Running }));

  const deleted: Record<string, string>[] = [];
  for (const image of candidates) {
    // The reference store lists an image's references sorted by their full names.
    const refs = [...image.RepoTags, ...image.RepoDigests].sort((a, b) => (fullName(a) < fullName(b) ? -1 : fullName(a) > fullName(b) ? 1 : 0));
    // Dangling pruning leaves anything with a tag; digest-only references do not save an image.
    const targets = refs.length === 0 ? [image.Id] : !danglingOnly || image.RepoTags.length === 0 ? refs : [];
    for (const ref of targets) {
      let report: Record<string, string>[];
      try {
        report = images.remove(ref, false, usersOf);
      } catch (error) {
        // imageDeleteFailed: conflicts (in use) and vanished images are skipped.
        if (error instanceof EngineError) continue;
        throw error;
      }
      for (const item of report) {
        if (item["Untagged"]) events.publish("image", "untag", image.Id, { ...image.Config.Labels, name: image.Id });
        if (item["Deleted"] === image.Id) events.publish("image", "delete", image.Id, { name: image.Id });
      }
      deleted.push(...report);
    }
  }
  const reclaimed = deleted.reduce((sum, item) => sum + (item["Deleted"] ? (sizeOf.get(item["Deleted"]) ?? 0) : 0), 0);
  events.publish("image", "prune", "", { reclaimed: String(reclaimed) });
  return { ImagesDeleted: deleted.length > 0 ? deleted : null, SpaceReclaimed: reclaimed };
}

function fullName(ref: string): string {
  try {
    return canonicalString(parseReference(ref));
  } catch {
    return ref;
  }
}
