// The row context of `docker volume ls` (cli/command/formatter/volume.go). Local volumes carry
// no cluster info, hence the N/A columns; usage data comes only with system df.
import type { Volume } from "../../client/index.js";
import { humanSize } from "../format/index.js";

export const volumeHeaders: Record<string, string> = {
  ID: "ID",
  Name: "VOLUME NAME",
  Group: "GROUP",
  Driver: "DRIVER",
  Scope: "SCOPE",
  Availability: "AVAILABILITY",
  Mountpoint: "MOUNTPOINT",
  Labels: "LABELS",
  Links: "LINKS",
  Size: "SIZE",
  Status: "STATUS",
};

export const defaultVolumeFormat = "table {{.Driver}}\t{{.Name}}";

export function volumeFormat(source: string, quiet: boolean): string {
  if (source === "table") return quiet ? "{{.Name}}" : defaultVolumeFormat;
  if (source === "raw") return quiet ? "name: {{.Name}}" : "name: {{.Name}}\\ndriver: {{.Driver}}\\n";
  return source;
}

/** The volume, with the usage data `docker system df -v` gets and `volume ls` does not. */
export function volumeContext(v: Volume & { UsageData?: { Size: number; RefCount: number } | null }) {
  const usage = v.UsageData;
  const labels = v.Labels;
  return {
    Name: () => v.Name,
    Driver: () => v.Driver,
    Scope: () => v.Scope,
    Mountpoint: () => v.Mountpoint,
    Labels: () =>
      labels
        ? Object.keys(labels)
            .sort()
            .map((k) => `${k}=${labels[k]}`)
            .join(",")
        : "",
    Label: (name: string) => labels?.[name] ?? "",
    Links: () => (usage ? String(usage.RefCount) : "N/A"),
    Size: () => (usage ? humanSize(usage.Size) : "N/A"),
    Group: () => "N/A",
    Availability: () => "N/A",
    Status: () => "N/A",
  };
}
