// GET /images/{name}/history (daemon/images/image_history.go): one entry per history step, newest
// first, each non-empty step with the size of the layer it added. The image and its local parents
// give their ids and tags; steps inherited from a pulled base say "<missing>".
import type { EngineContext } from "../engine-context.js";
import type { ImageRecord } from "../images/image-record.js";
import { layerSizes } from "./layer-info.js";
import { canonicalString, parseReference } from "./reference.js";

export interface HistoryResponseItem {
  Comment: string;
  Created: number;
  CreatedBy: string;
  Id: string;
  Size: number;
  Tags: string[] | null;
}

export function imageHistory(ctx: EngineContext, image: ImageRecord): HistoryResponseItem[] {
  const sizes = layerSizes(ctx, image);
  let layer = 0;
  const items = image.History.map((h) => ({
    Comment: h.comment ?? "",
    Created: Math.floor(Date.parse(h.created) / 1000),
    CreatedBy: h.created_by,
    Id: "<missing>",
    Size: h.empty_layer ? 0 : (sizes[layer++] ?? 0),
    Tags: null as string[] | null,
  })).reverse();
  // Ids and tags come from walking the parent chain: a committed image names its parent.
  let current: ImageRecord | undefined = image;
  for (const item of items) {
    if (!current) break;
    item.Id = current.Id;
    // The reference store lists an image's tags sorted by their full names.
    const tags = [...current.RepoTags].sort((a, b) => (fullName(a) < fullName(b) ? -1 : fullName(a) > fullName(b) ? 1 : 0));
    item.Tags = tags.length > 0 ? tags : null;
    current = current.Parent ? ctx.store.get<ImageRecord>("image", current.Parent) : undefined;
  }
  return items;
}

function fullName(tag: string): string {
  try {
    return canonicalString(parseReference(tag));
  } catch {
    return tag;
  }
}
