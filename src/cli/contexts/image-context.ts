// The row context of `docker images` (formatter.ImageContext): one row per tag, dangling images
// as <none>:<none>.
import type { ImageSummary } from "../../client/index.js";
import { goTimeString, humanDuration, humanSize, humanSizeWithPrecision, truncateId } from "../format/index.js";

export const imageHeaders: Record<string, string> = {
  ID: "IMAGE ID",
  Repository: "REPOSITORY",
  Tag: "TAG",
  Digest: "DIGEST",
  CreatedSince: "CREATED",
  CreatedAt: "CREATED AT",
  Size: "SIZE",
  Containers: "CONTAINERS",
  SharedSize: "SHARED SIZE",
  UniqueSize: "UNIQUE SIZE",
  VirtualSize: "VIRTUAL SIZE",
};

export const defaultImagesFormat = "table {{.Repository}}\t{{.Tag}}\t{{.ID}}\t{{.CreatedSince}}\t{{.Size}}";
export const digestImagesFormat = "table {{.Repository}}\t{{.Tag}}\t{{.Digest}}\t{{.ID}}\t{{.CreatedSince}}\t{{.Size}}";

interface ImageRow {
  repository: string;
  tag: string;
  digest: string;
  image: ImageSummary;
}

/** Splits images into the rows `docker images` prints. */
export function imageRows(images: ImageSummary[]): ImageRow[] {
  const rows: ImageRow[] = [];
  for (const image of images) {
    const tags = image.RepoTags.filter((t) => t !== "<none>:<none>");
    const digests = image.RepoDigests.filter((d) => d !== "<none>@<none>");
    if (tags.length === 0 && digests.length === 0) {
      rows.push({ repository: "<none>", tag: "<none>", digest: "<none>", image });
      continue;
    }
    const digestOf = (repo: string) => digests.find((d) => d.startsWith(`${repo}@`))?.split("@")[1] ?? "<none>";
    const repos = new Set<string>();
    for (const tag of tags) {
      const colon = tag.lastIndexOf(":");
      const repo = tag.slice(0, colon);
      repos.add(repo);
      rows.push({ repository: repo, tag: tag.slice(colon + 1), digest: digestOf(repo), image });
    }
    for (const d of digests) {
      const repo = d.split("@")[0] ?? "";
      if (!repos.has(repo)) {
        repos.add(repo);
        rows.push({ repository: repo, tag: "<none>", digest: d.split("@")[1] ?? "<none>", image });
      }
    }
  }
  return rows;
}

/** Digests appear only when asked for: --digests, or a format naming {{.Digest}} (needDigest). */
export function imageContext(row: ImageRow, options: { trunc: boolean; now: number; digests: boolean }) {
  const { image } = row;
  return {
    ID: () => (options.trunc ? truncateId(image.Id) : image.Id),
    Repository: () => row.repository,
    Tag: () => row.tag,
    Digest: () => (options.digests ? row.digest : "<none>"),
    CreatedSince: () => `${humanDuration(options.now - image.Created * 1000)} ago`,
    CreatedAt: () => goTimeString(image.Created * 1000),
    Size: () => humanSizeWithPrecision(image.Size, 3),
    Containers: () => (image.Containers === -1 ? "N/A" : String(image.Containers)),
    VirtualSize: () => humanSize(image.Size),
    SharedSize: () => (image.SharedSize === -1 ? "N/A" : humanSize(image.SharedSize)),
    UniqueSize: () => (image.SharedSize === -1 ? "N/A" : humanSize(image.Size - image.SharedSize)),
  };
}
