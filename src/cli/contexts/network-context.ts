// The row context of `docker network ls` (cli/command/network/formatter.go).
import type { NetworkInspect } from "../../client/index.js";
import { goTimeString, truncateId } from "../format/index.js";

export const networkHeaders: Record<string, string> = {
  ID: "NETWORK ID",
  Name: "NAME",
  Driver: "DRIVER",
  Scope: "SCOPE",
  IPv4: "IPV4",
  IPv6: "IPV6",
  Internal: "INTERNAL",
  Labels: "LABELS",
  CreatedAt: "CREATED AT",
};

export const defaultNetworkFormat = "table {{.ID}}\t{{.Name}}\t{{.Driver}}\t{{.Scope}}";

/** NewFormat: "table" and "raw" name built-in formats; -q only changes those. */
export function networkFormat(source: string, quiet: boolean): string {
  if (source === "table") return quiet ? "{{.ID}}" : defaultNetworkFormat;
  if (source === "raw") return quiet ? "network_id: {{.ID}}" : "network_id: {{.ID}}\\nname: {{.Name}}\\ndriver: {{.Driver}}\\nscope: {{.Scope}}\\n";
  return source;
}

function joinLabels(labels: Record<string, string> | null | undefined): string {
  if (!labels) return "";
  return Object.keys(labels)
    .sort()
    .map((k) => `${k}=${labels[k]}`)
    .join(",");
}

export function networkContext(n: NetworkInspect, trunc: boolean) {
  return {
    ID: () => (trunc ? truncateId(n.Id) : n.Id),
    Name: () => n.Name,
    Driver: () => n.Driver,
    Scope: () => n.Scope,
    IPv4: () => String(n["EnableIPv4"] ?? true),
    IPv6: () => String(n.EnableIPv6),
    Internal: () => String(n.Internal),
    Labels: () => joinLabels(n.Labels),
    Label: (name: string) => n.Labels?.[name] ?? "",
    CreatedAt: () => goTimeString(Date.parse(n.Created)),
  };
}
