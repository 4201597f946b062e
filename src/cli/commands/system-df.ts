// docker system df (cli/command/system/df.go, formatter/disk_usage.go): one summary row per kind
// of object, or with -v a table per kind, object by object.
import type { ContainerSummary, DiskUsage, ImageSummary } from "../../client/index.js";
import type { CommandDef } from "../command.js";
import { containerContext, containerHeaders } from "../contexts/container-context.js";
import { imageContext, imageHeaders } from "../contexts/image-context.js";
import { volumeContext, volumeHeaders } from "../contexts/volume-context.js";
import { getBool, getString } from "../flags/flag-spec.js";
import { goStruct, humanSize, isTableFormat, marshalContextJson, MARSHAL_JSON, parseTemplate, DOCKER_FUNCS, renderFormat, templateString } from "../format/index.js";
import type { CliIo } from "../io.js";
import { formatFlag } from "./common.js";
import { parseReference, familiarName } from "../../client/index.js";

const summaryFormat = "table {{.Type}}\t{{.TotalCount}}\t{{.Active}}\t{{.Size}}\t{{.Reclaimable}}";
const rawSummaryFormat = "type: {{.Type}}\ntotal: {{.TotalCount}}\nactive: {{.Active}}\nsize: {{.Size}}\nreclaimable: {{.Reclaimable}}\n";
const summaryHeaders = { Type: "TYPE", TotalCount: "TOTAL", Active: "ACTIVE", Size: "SIZE", Reclaimable: "RECLAIMABLE" };

const imageTable = "table {{.Repository}}\t{{.Tag}}\t{{.ID}}\t{{.CreatedSince}}\t{{.Size}}\t{{.SharedSize}}\t{{.UniqueSize}}\t{{.Containers}}";
const containerTable = "table {{.ID}}\t{{.Image}}\t{{.Command}}\t{{.LocalVolumes}}\t{{.Size}}\t{{.RunningFor}}\t{{.Status}}\t{{.Names}}";
const volumeTable = "table {{.Name}}\t{{.Links}}\t{{.Size}}";
const buildCacheTable = "table {{.ID}}\t{{.CacheType}}\t{{.Size}}\t{{.CreatedSince}}\t{{.LastUsedSince}}\t{{.UsageCount}}\t{{.Shared}}";
const buildCacheHeaders = {
  ID: "CACHE ID", Parent: "PARENT", CacheType: "CACHE TYPE", Size: "SIZE", CreatedSince: "CREATED", LastUsedSince: "LAST USED",
  UsageCount: "USAGE", InUse: "IN USE", Shared: "SHARED", Description: "DESCRIPTION",
};

/** "1.2GB (45%)": the share is integer division of the byte counts, as Go computes it. */
function reclaimable(reclaim: number, total: number): string {
  return total > 0 ? `${humanSize(reclaim)} (${Math.trunc((reclaim * 100) / total)}%)` : humanSize(reclaim);
}

const active = (state: string) => state === "running" || state === "paused" || state === "restarting";

function summaryRows(du: DiskUsage) {
  const images = du.Images ?? [];
  const containers = du.Containers ?? [];
  const volumes = du.Volumes ?? [];
  const cache = du.BuildCache ?? [];
  const builderSize = cache.filter((b) => !b.Shared).reduce((n, b) => n + b.Size, 0);
  const used = images.filter((i) => i.Containers !== 0 && i.Size !== -1 && i.SharedSize !== -1).reduce((n, i) => n + i.Size - i.SharedSize, 0);
  const rw = (c: ContainerSummary) => c.SizeRw ?? 0;
  const volumeSizes = volumes.filter((v) => (v.UsageData?.Size ?? -1) !== -1);
  const typed = (type: string, row: object) => goStruct(type, row);
  return [
    typed("*formatter.diskUsageImagesContext", {
      Type: () => "Images",
      TotalCount: () => String(images.length),
      Active: () => String(images.filter((i) => i.Containers > 0).length),
      Size: () => humanSize(du.LayersSize),
      Reclaimable: () => reclaimable(du.LayersSize - used, du.LayersSize),
    }),
    typed("*formatter.diskUsageContainersContext", {
      Type: () => "Containers",
      TotalCount: () => String(containers.length),
      Active: () => String(containers.filter((c) => active(c.State)).length),
      Size: () => humanSize(containers.reduce((n, c) => n + rw(c), 0)),
      Reclaimable: () => reclaimable(containers.filter((c) => !active(c.State)).reduce((n, c) => n + rw(c), 0), containers.reduce((n, c) => n + rw(c), 0)),
    }),
    typed("*formatter.diskUsageVolumesContext", {
      Type: () => "Local Volumes",
      TotalCount: () => String(volumes.length),
      Active: () => String(volumes.filter((v) => (v.UsageData?.RefCount ?? 0) > 0).length),
      Size: () => humanSize(volumeSizes.reduce((n, v) => n + (v.UsageData?.Size ?? 0), 0)),
      Reclaimable: () =>
        reclaimable(
          volumeSizes.filter((v) => v.UsageData?.RefCount === 0).reduce((n, v) => n + (v.UsageData?.Size ?? 0), 0),
          volumeSizes.reduce((n, v) => n + (v.UsageData?.Size ?? 0), 0),
        ),
    }),
    typed("*formatter.diskUsageBuilderContext", {
      Type: () => "Build Cache",
      TotalCount: () => String(cache.length),
      Active: () => String(cache.filter((b) => b.InUse).length),
      Size: () => humanSize(builderSize),
      Reclaimable: () => humanSize(builderSize - cache.filter((b) => b.InUse && !b.Shared).reduce((n, b) => n + b.Size, 0)),
    }),
  ];
}

/** The first tag only, as df -v shows images; untagged ones as <none>. */
function imageRow(image: ImageSummary) {
  let repository = "<none>";
  let tag = "<none>";
  const first = image.RepoTags[0];
  if (first && first !== "<none>:<none>") {
    const ref = parseReference(first);
    if (ref.tag) {
      repository = familiarName(ref);
      tag = ref.tag;
    }
  }
  return { repository, tag, digest: "<none>", image };
}

function verboseContexts(du: DiskUsage, now: number, trunc: boolean) {
  const withJson = <T extends object>(ctx: T): T => Object.defineProperty(ctx, MARSHAL_JSON, { value: () => marshalContextJson(ctx) });
  return {
    Images: (du.Images ?? []).map((i) => withJson(imageContext(imageRow(i), { trunc, now, digests: false }))),
    // df -v leaves out the virtual size.
    Containers: (du.Containers ?? []).map((c) => withJson(containerContext({ ...c, SizeRootFs: 0 }, { trunc, now }))),
    Volumes: (du.Volumes ?? []).map((v) => withJson(volumeContext(v))),
    BuildCache: [] as object[],
  };
}

function verboseTables(io: CliIo, du: DiskUsage, now: number): void {
  const ctx = verboseContexts(du, now, true);
  const table = (format: string, rows: object[], header: Record<string, string>, typeName: string) => renderFormat({ format, rows, header, typeName });
  io.stdout("Images space usage:\n\n");
  io.stdout(table(imageTable, ctx.Images, imageHeaders, "*formatter.imageContext"));
  io.stdout("\nContainers space usage:\n\n");
  io.stdout(table(containerTable, ctx.Containers, containerHeaders, "*formatter.ContainerContext"));
  io.stdout("\nLocal Volumes space usage:\n\n");
  io.stdout(table(volumeTable, ctx.Volumes, volumeHeaders, "*formatter.volumeContext"));
  const builderSize = (du.BuildCache ?? []).filter((b) => !b.Shared).reduce((n, b) => n + b.Size, 0);
  io.stdout(`\nBuild cache usage: ${humanSize(builderSize)}\n\n`);
  io.stdout(table(buildCacheTable, ctx.BuildCache, buildCacheHeaders, "*formatter.buildCacheContext"));
}

export const systemDf: CommandDef = {
  name: "df",
  usage: "[OPTIONS]",
  description: "Show how much disk space Docker's objects take",
  flags: [formatFlag, { name: "verbose", short: "v", kind: "bool", usage: "Break the usage down object by object" }],
  args: { kind: "none" },
  async run({ io, client }, flags) {
    const du = await client.systemDf();
    const format = getString(flags, "format") || "table";
    const now = io.now();
    if (getBool(flags, "verbose")) {
      if (format === "table") return verboseTables(io, du, now);
      // Any other format runs once over the whole breakdown.
      const data = goStruct("*formatter.diskUsageContext", verboseContexts(du, now, isTableFormat(format)));
      io.stdout(parseTemplate(templateString(format), DOCKER_FUNCS).execute(data, { typeName: "*formatter.diskUsageContext" }));
      return;
    }
    const source = format === "table" ? summaryFormat : format === "raw" ? rawSummaryFormat : format;
    io.stdout(renderFormat({ format: source, rows: summaryRows(du), header: summaryHeaders, typeName: "*formatter.diskUsageImagesContext" }));
  },
};
