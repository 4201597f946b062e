// GET /containers/json: newest first, running only unless all=1, with Docker's filters.
import { checkFilterKeys, matchesLabels, type Filters } from "../api/filters.js";
import { invalidParameter } from "../errors.js";
import type { ImageRecord } from "../images/image-record.js";
import { lookupContainer } from "./container-lookup.js";
import type { ContainerRecord } from "./container-record.js";
import { containerSummary, type ContainerSummary } from "./container-view.js";

const filterKeys = ["ancestor", "before", "expose", "exited", "health", "id", "isolation", "is-task", "label", "name", "network", "publish", "since", "status", "volume"];
const statuses = ["created", "running", "paused", "restarting", "removing", "exited", "dead"];

export interface ListOptions {
  all: boolean;
  limit: number;
  filters: Filters;
}

export function listContainers(
  containers: ContainerRecord[],
  images: ImageRecord[],
  options: ListOptions,
  now: number,
): ContainerSummary[] {
  const f = options.filters;
  checkFilterKeys(f, filterKeys);
  for (const s of f.get("status") ?? []) {
    if (!statuses.includes(s)) {
      throw invalidParameter(`invalid filter 'status=${s}': invalid value for state (${s}): must be one of ${statuses.join(", ")}`);
    }
  }
  const sorted = [...containers].sort((a, b) => b.Created - a.Created || (a.Id < b.Id ? 1 : -1));
  const before = f.get("before")?.map((r) => lookupContainer(containers, r).Created);
  const since = f.get("since")?.map((r) => lookupContainer(containers, r).Created);
  const ancestors = f.get("ancestor")?.map((ref) => images.find((i) => i.RepoTags.includes(ref.includes(":") ? ref : `${ref}:latest`) || i.Id === ref || i.Id.slice(7).startsWith(ref))?.Id ?? ref);
  const all = options.all || f.has("status") || options.limit > 0 || before !== undefined || since !== undefined;
  const namePatterns = f.get("name")?.map((n) => {
    try {
      return new RegExp(n);
    } catch {
      throw invalidParameter(`error parsing regexp: invalid syntax: \`${n}\``);
    }
  });
  const out: ContainerSummary[] = [];
  for (const c of sorted) {
    if (!all && !c.State.Running) continue;
    if (f.has("id") && !f.get("id")?.some((id) => c.Id.startsWith(id))) continue;
    // The daemon tries each name with and without its leading slash.
    if (namePatterns && !namePatterns.some((re) => re.test(c.Name) || re.test(c.Name.slice(1)))) continue;
    if (f.has("status") && !f.get("status")?.includes(c.State.Status)) continue;
    if (f.has("exited") && (c.State.Running || !f.get("exited")?.includes(String(c.State.ExitCode)) || c.State.StartedAt === 0)) continue;
    if (!matchesLabels(f.get("label"), c.Config.Labels)) continue;
    if (ancestors && !ancestors.some((a) => a === c.Image || a === c.Config.Image)) continue;
    if (before && !before.every((t) => c.Created < t)) continue;
    if (since && !since.every((t) => c.Created > t)) continue;
    if (f.has("network") && !f.get("network")?.some((n) => Object.entries(c.Networks).some(([name, e]) => name === n || e.NetworkID.startsWith(n)))) continue;
    if (f.has("volume") && !f.get("volume")?.some((v) => c.Mounts.some((m) => m.Name === v || m.Destination === v))) continue;
    if (f.has("publish") && !f.get("publish")?.some((p) => Object.values(c.Ports).some((list) => list?.some((b) => b.HostPort === p.split("/")[0])))) continue;
    if (f.has("expose") && !f.get("expose")?.some((p) => Object.keys(c.Config.ExposedPorts ?? {}).includes(p.includes("/") ? p : `${p}/tcp`))) continue;
    out.push(containerSummary(c, now));
    if (options.limit > 0 && out.length >= options.limit) break;
  }
  return out;
}
