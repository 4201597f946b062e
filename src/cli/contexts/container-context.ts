// The row context of `docker ps` (formatter.ContainerContext): every column as a method, so
// `--format` templates and the default table read the same values.
import type { ContainerSummary } from "../../client/index.js";
import { displayablePorts, ellipsis, goQuote, goTimeString, humanDuration, humanSizeWithPrecision, truncateId } from "../format/index.js";

export const containerHeaders: Record<string, string> = {
  ID: "CONTAINER ID",
  Image: "IMAGE",
  Command: "COMMAND",
  CreatedAt: "CREATED AT",
  RunningFor: "CREATED",
  Ports: "PORTS",
  State: "STATE",
  Status: "STATUS",
  Size: "SIZE",
  Names: "NAMES",
  Labels: "LABELS",
  Mounts: "MOUNTS",
  Networks: "NETWORKS",
  LocalVolumes: "LOCAL VOLUMES",
  Platform: "PLATFORM",
};

export const defaultPsFormat = "table {{.ID}}\t{{.Image}}\t{{.Command}}\t{{.RunningFor}}\t{{.Status}}\t{{.Ports}}\t{{.Names}}";

function imageColumn(c: ContainerSummary, trunc: boolean): string {
  if (!c.Image) return "<no image>";
  if (!trunc) return c.Image;
  if (truncateId(c.ImageID) === truncateId(c.Image)) return truncateId(c.Image);
  // A digest-pinned reference shows as its familiar name (with tag if it had one).
  const at = c.Image.indexOf("@");
  return at >= 0 ? c.Image.slice(0, at) : c.Image;
}

function names(c: ContainerSummary, trunc: boolean): string {
  const stripped = c.Names.map((n) => n.replace(/^\//, ""));
  if (!trunc) return stripped.join(",");
  return stripped.find((n) => !n.includes("/")) ?? "";
}

export function containerContext(c: ContainerSummary, options: { trunc: boolean; now: number }) {
  const { trunc, now } = options;
  const labels = c.Labels ?? {};
  return {
    ID: () => (trunc ? truncateId(c.Id) : c.Id),
    Names: () => names(c, trunc),
    Image: () => imageColumn(c, trunc),
    Command: () => goQuote(trunc ? ellipsis(c.Command, 20) : c.Command),
    CreatedAt: () => goTimeString(c.Created * 1000),
    RunningFor: () => `${humanDuration(now - c.Created * 1000)} ago`,
    Ports: () => displayablePorts(c.Ports),
    State: () => c.State,
    Status: () => c.Status,
    Size: () => {
      // SizeRw and SizeRootFs are omitempty: a missing one is 0.
      const rw = humanSizeWithPrecision(c.SizeRw ?? 0, 3);
      return c.SizeRootFs ? `${rw} (virtual ${humanSizeWithPrecision(c.SizeRootFs, 3)})` : rw;
    },
    Labels: () =>
      Object.keys(labels)
        .sort()
        .map((k) => `${k}=${labels[k]}`)
        .join(","),
    Label: (name: string) => labels[name] ?? "",
    Mounts: () => c.Mounts.map((m) => (trunc ? ellipsis(m.Name ?? m.Source, 15) : (m.Name ?? m.Source))).join(","),
    LocalVolumes: () => String(c.Mounts.filter((m) => m.Driver === "local").length),
    Networks: () => Object.keys(c.NetworkSettings.Networks).join(","),
    Platform: () => null,
  };
}
