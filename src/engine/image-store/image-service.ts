// The local image store: pulled images keyed by id, looked up by reference, id or id prefix,
// as the daemon's GetImage does.
import type { EngineContext } from "../engine-context.js";
import { sha256Digest } from "../digest/index.js";
import { conflict, notFound } from "../errors.js";
import type { ImageRecord } from "../images/image-record.js";
import { familiarName, familiarString, parseReference, type ImageReference } from "./reference.js";

/** A reference lookup's answer: the image, and the tag or digest that named it. */
interface Found {
  image: ImageRecord;
  name: string;
  byDigest: boolean;
}

export class ImageService {
  /**
   * Reference texts recently looked up ("nginx", "nginx:1.29"), by what they found. An answer is
   * checked before it is used: the image must still be stored and still carry the tag (or
   * digest). A tag names one image at most, so an answer that passes is the lookup's answer.
   */
  private readonly found = new Map<string, Found>();

  constructor(private readonly ctx: EngineContext) {}

  all(): ImageRecord[] {
    return this.ctx.store.values<ImageRecord>("image");
  }

  /** Looks up by full or short id (with or without "sha256:") or by reference; undefined if absent. */
  find(text: string): ImageRecord | undefined {
    const before = this.foundBefore(text);
    if (before) return before;
    const hex = text.startsWith("sha256:") ? text.slice(7) : text;
    if (/^[a-f0-9]{64}$/.test(hex)) return this.ctx.store.get<ImageRecord>("image", `sha256:${hex}`);
    let ref: ImageReference | undefined;
    try {
      ref = parseReference(text);
    } catch {
      ref = undefined;
    }
    if (ref) {
      const byRef = this.lookUp(ref);
      if (byRef) {
        if (this.found.size >= 256) this.found.clear();
        this.found.set(text, byRef);
        return byRef.image;
      }
    }
    // A short id prefix, as long as it is not also a name (the reference lookup ran first).
    if (/^[a-f0-9]+$/.test(hex)) {
      const matches = this.all().filter((i) => i.Id.slice(7).startsWith(hex));
      if (matches.length === 1) return matches[0];
    }
    return undefined;
  }

  findByReference(ref: ImageReference): ImageRecord | undefined {
    return this.lookUp(ref)?.image;
  }

  private lookUp(ref: ImageReference): Found | undefined {
    const name = familiarName(ref);
    if (ref.digest) {
      const digested = `${name}@${ref.digest}`;
      for (const image of this.ctx.store.scan<ImageRecord>("image")) if (image.RepoDigests.includes(digested)) return { image, name: digested, byDigest: true };
      return undefined;
    }
    const tagged = `${name}:${ref.tag ?? "latest"}`;
    for (const image of this.ctx.store.scan<ImageRecord>("image")) if (image.RepoTags.includes(tagged)) return { image, name: tagged, byDigest: false };
    return undefined;
  }

  /** The image a reference text found before, if it still answers to it. */
  private foundBefore(text: string): ImageRecord | undefined {
    const found = this.found.get(text);
    if (!found) return undefined;
    const { image } = found;
    if (this.ctx.store.get<ImageRecord>("image", image.Id) === image && (found.byDigest ? image.RepoDigests : image.RepoTags).includes(found.name)) return image;
    this.found.delete(text);
    return undefined;
  }

  /** Like find, but throws the daemon's "No such image" (with :latest added to untagged names). */
  get(text: string): ImageRecord {
    const image = this.find(text);
    if (image) return image;
    throw notFound(`No such image: ${displayRef(text)}`);
  }

  put(image: ImageRecord): void {
    this.ctx.store.put("image", image.Id, image);
  }

  /** Moves a tag to an image, removing it from whichever image had it. */
  addTag(image: ImageRecord, tag: string): void {
    for (const other of this.all()) {
      if (other.Id !== image.Id && other.RepoTags.includes(tag)) {
        other.RepoTags = other.RepoTags.filter((t) => t !== tag);
        this.put(other);
      }
    }
    if (!image.RepoTags.includes(tag)) image.RepoTags.push(tag);
    this.put(image);
  }

  /** Layers already on disk, for "Already exists" during a pull. */
  localLayers(): Set<string> {
    return new Set(this.all().flatMap((i) => i.Layers));
  }

  /** `docker rmi` semantics for one argument (moby's ImageDelete); returns the Untagged/Deleted report. */
  /** Whether another image was built on this one (a build step's intermediate image is). */
  hasChildren(id: string): boolean {
    return this.all().some((i) => i.Parent === id);
  }

  /**
   * docker rmi: untags or deletes, then (unless noprune) deletes the untagged parents that were
   * kept only for this image, as the daemon does for a built image's intermediate steps.
   */
  remove(text: string, force: boolean, usedBy: (imageId: string) => { id: string; running: boolean }[], noprune = false): Record<string, string>[] {
    const parent = this.find(text)?.Parent ?? "";
    const report = this.removeOne(text, force, usedBy);
    if (noprune || !report.some((r) => r["Deleted"] !== undefined)) return report;
    for (let id = parent; id !== ""; ) {
      const image = this.find(id);
      if (!image || image.RepoTags.length > 0 || this.hasChildren(id) || usedBy(id).length > 0) break;
      const next = image.Parent;
      report.push(...this.deleteImage(image));
      id = next;
    }
    return report;
  }

  private removeOne(text: string, force: boolean, usedBy: (imageId: string) => { id: string; running: boolean }[]): Record<string, string>[] {
    const image = this.get(text);
    const short = image.Id.slice(7, 19);
    const users = usedBy(image.Id);
    const running = users.find((u) => u.running);
    const byId = image.Id.slice(7).startsWith(text.replace(/^sha256:/, ""));
    if (!byId) {
      const ref = parseReference(text);
      const tag = familiarString(ref);
      const user = users[0];
      const lastTag = image.RepoTags.length === 1;
      if (lastTag && user && !force) {
        throw conflict(
          `conflict: unable to remove repository reference "${text}" (must force) - container ${user.id.slice(0, 12)} is using its referenced image ${short}`,
        );
      }
      const report = this.untag(image, tag);
      if (image.RepoTags.length > 0 || running || (user && !force)) {
        // Other names still point at it, or a running container does: untag only.
        this.put(image);
        return report;
      }
      return [...report, ...this.deleteImage(image)];
    }
    // Conflicts in the daemon's order: other names first, then running, then stopped containers.
    if (image.RepoTags.length > 1 && !force) {
      throw conflict(`conflict: unable to delete ${short} (must be forced) - image is referenced in multiple repositories`);
    }
    if (running) {
      throw conflict(`conflict: unable to delete ${short} (cannot be forced) - image is being used by running container ${running.id.slice(0, 12)}`);
    }
    const stopped = users[0];
    if (stopped && !force) {
      throw conflict(`conflict: unable to delete ${short} (must be forced) - image is being used by stopped container ${stopped.id.slice(0, 12)}`);
    }
    const names = [...image.RepoTags, ...image.RepoDigests].sort();
    image.RepoTags = [];
    image.RepoDigests = [];
    return [...names.map((name) => ({ Untagged: name })), ...this.deleteImage(image)];
  }

  /** Removes one tag; the repository's digest references go with its last tag. */
  private untag(image: ImageRecord, tag: string): Record<string, string>[] {
    const repo = tag.slice(0, tag.lastIndexOf(":"));
    image.RepoTags = image.RepoTags.filter((t) => t !== tag);
    const report = [{ Untagged: tag }];
    if (!image.RepoTags.some((t) => t.slice(0, t.lastIndexOf(":")) === repo)) {
      for (const digest of image.RepoDigests.filter((d) => d.startsWith(`${repo}@`))) report.push({ Untagged: digest });
      image.RepoDigests = image.RepoDigests.filter((d) => !d.startsWith(`${repo}@`));
    }
    return report;
  }

  /** Deletes the image and reports the layers no other image shares, top layer first. */
  private deleteImage(image: ImageRecord): Record<string, string>[] {
    this.ctx.store.remove("image", image.Id);
    const shared = new Set(this.all().flatMap((other) => chainIds(other.Layers)));
    const layers = chainIds(image.Layers).filter((id) => !shared.has(id)).reverse();
    return [{ Deleted: image.Id }, ...layers.map((id) => ({ Deleted: id }))];
  }
}

/** OCI chain ids: the first layer's diff id, then sha256 of "<parent chain id> <diff id>". */
export function chainIds(diffIds: string[]): string[] {
  const out: string[] = [];
  for (const diffId of diffIds) {
    const parent = out[out.length - 1];
    out.push(parent === undefined ? diffId : sha256Digest(`${parent} ${diffId}`));
  }
  return out;
}

/** How the daemon names a missing image: familiar, with ":latest" when no tag was given. */
export function displayRef(text: string): string {
  try {
    return familiarString(parseReference(text));
  } catch {
    return text;
  }
}
