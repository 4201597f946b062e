// GET /containers/json: newest first, running only unless all=1, with every filter the daemon
// accepts, checked and applied in the order of moby's daemon/list.go (foldFilter, then
// includeContainerInList), so the same bad filter gives the same error.
import { boolFilter, checkFilterKeys, filterRegexMatch, matchesLabels, type Filters } from "../api/filters.js";
import { invalidParameter, notFound, systemError } from "../errors.js";
import type { ImageRecord } from "../images/image-record.js";
import type { ContainerRecord } from "./container-record.js";
import { containerSummary, portSummaries, type ContainerSummary } from "./container-view.js";

const filterKeys = ["ancestor", "before", "expose", "exited", "health", "id", "isolation", "is-task", "label", "name", "network", "publish", "since", "status", "volume"];
const states = ["created", "running", "paused", "restarting", "removing", "exited", "dead"];
const healths = ["none", "starting", "healthy", "unhealthy"];

export interface ListOptions {
  all: boolean;
  limit: number;
  filters: Filters;
}

/** strconv.Atoi's acceptance and its two error texts. */
function atoi(value: string): number {
  if (!/^[+-]?\d+$/.test(value)) throw new Error(`strconv.Atoi: parsing "${value}": invalid syntax`);
  const n = Number(value);
  if (!Number.isSafeInteger(n)) throw new Error(`strconv.Atoi: parsing "${value}": value out of range`);
  return n;
}

/** Container health as the daemon's snapshot reports it: "none" without a healthcheck. */
function healthOf(c: ContainerRecord): string {
  return (c.State as { Health?: { Status?: string } }).Health?.Status ?? "none";
}

/** daemon/list.go portOp: "80", "80/udp" or "8000-8010/tcp"; a colon or a bad number is a (500) error. */
function portFilter(key: string, values: string[] | undefined): Set<string> {
  const out = new Set<string>();
  for (const value of values ?? []) {
    if (value.includes(":")) throw systemError(`filter for '${key}' should not contain ':': ${value}`);
    const slash = value.indexOf("/");
    const proto = slash < 0 ? "tcp" : value.slice(slash + 1) || "tcp";
    const range = slash < 0 ? value : value.slice(0, slash);
    const dash = range.indexOf("-");
    const parse = (text: string) => {
      if (!/^\d+$/.test(text) || Number(text) > 65535) {
        const reason = /^\d+$/.test(text) ? "value out of range" : "invalid syntax";
        throw systemError(`error while looking up for ${key} ${value}: strconv.ParseUint: parsing "${text}": ${reason}`);
      }
      return Number(text);
    };
    const start = parse(dash < 0 ? range : range.slice(0, dash));
    const end = dash < 0 ? start : parse(range.slice(dash + 1));
    if (end < start) throw systemError(`error while looking up for ${key} ${value}: invalid range specified for port: ${range}`);
    for (let p = start; p <= end; p++) out.add(`${p}/${proto}`);
  }
  return out;
}

/** before= and since=: a full id or a name (daemon/list.go idOrNameFilter); prefixes do not count. */
function idOrName(containers: ContainerRecord[], value: string): ContainerRecord {
  const byId = containers.find((c) => c.Id === value);
  if (byId) return byId;
  const wanted = value.replace(/^\//, "");
  const named = containers.filter((c) => c.Name.slice(1) === wanted);
  if (named.length === 1 && named[0]) return named[0];
  throw notFound(`No such container: ${value}`);
}

/** The ancestor set: each named image and every image built on top of it (populateImageFilterByParents). */
function ancestorIds(images: ImageRecord[], refs: string[], resolve: (ref: string) => ImageRecord | undefined): Set<string> {
  const set = new Set<string>();
  const add = (id: string) => {
    if (set.has(id)) return;
    for (const child of images.filter((i) => i.Parent === id)) add(child.Id);
    set.add(id);
  };
  for (const ref of refs) {
    const image = resolve(ref);
    if (image) add(image.Id);
  }
  return set;
}

/** Candidates when id or name filters are given: unique id prefixes, then names (filterByNameIDMatches). */
function nameIdCandidates(sorted: ContainerRecord[], f: Filters): ContainerRecord[] {
  const ids = f.get("id") ?? [];
  const names = f.get("name") ?? [];
  if (ids.length + names.length === 0) return sorted;
  const matches = new Set<string>();
  for (const id of ids) {
    const hits = sorted.filter((c) => c.Id.startsWith(id));
    const exact = hits.find((c) => c.Id === id);
    if (exact) matches.add(exact.Id);
    else if (hits.length === 1 && hits[0] && id !== "") matches.add(hits[0].Id);
  }
  if (names.length > 0) {
    for (const c of sorted) {
      if (ids.length > 0 && !matches.has(c.Id)) continue;
      if (filterRegexMatch(names, c.Name) || filterRegexMatch(names, c.Name.slice(1))) matches.add(c.Id);
    }
  }
  return sorted.filter((c) => matches.has(c.Id));
}

export function listContainers(
  containers: ContainerRecord[],
  images: ImageRecord[],
  options: ListOptions,
  now: number,
  resolveImage: (ref: string) => ImageRecord | undefined = (ref) => images.find((i) => i.Id === ref || i.RepoTags.includes(ref.includes(":") ? ref : `${ref}:latest`)),
): ContainerSummary[] {
  const f = options.filters;
  checkFilterKeys(f, filterKeys);
  const exitAllowed = (f.get("exited") ?? []).map((v) => {
    try {
      return atoi(v);
    } catch (error) {
      throw invalidParameter(`invalid filter 'exited=${v}': ${(error as Error).message}`);
    }
  });
  let all = options.all;
  for (const s of f.get("status") ?? []) {
    if (!states.includes(s)) throw invalidParameter(`invalid filter 'status=${s}': invalid value for state (${s}): must be one of ${states.join(", ")}`);
    all = true;
  }
  const isTask = boolFilter(f, "is-task", false);
  for (const h of f.get("health") ?? []) {
    if (!healths.includes(h)) throw invalidParameter(`invalid filter 'health=${h}': invalid value for health (${h}): must be one of ${healths.join(", ")}`);
  }
  let before: ContainerRecord | undefined;
  for (const v of f.get("before") ?? []) before = idOrName(containers, v);
  let since: ContainerRecord | undefined;
  for (const v of f.get("since") ?? []) since = idOrName(containers, v);
  const ancestors = f.has("ancestor") ? ancestorIds(images, f.get("ancestor") ?? [], resolveImage) : undefined;
  const publish = portFilter("publish", f.get("publish"));
  const expose = portFilter("expose", f.get("expose"));

  const sorted = [...containers].sort((a, b) => b.Created - a.Created || (a.Id < b.Id ? 1 : -1));
  const out: ContainerSummary[] = [];
  for (const c of nameIdCandidates(sorted, f)) {
    if (before) {
      if (c.Id === before.Id) before = undefined;
      continue;
    }
    if (since && c.Id === since.Id) break;
    if (!c.State.Running && !all && options.limit <= 0) continue;
    if (f.has("name") && !filterRegexMatch(f.get("name") ?? [], c.Name) && !filterRegexMatch(f.get("name") ?? [], c.Name.slice(1))) continue;
    if (f.has("id") && !filterRegexMatch(f.get("id") ?? [], c.Id)) continue;
    // No container here is a swarm task.
    if (f.has("is-task") && isTask) continue;
    if (!matchesLabels(f.get("label"), c.Config.Labels)) continue;
    if (f.has("isolation") && !filterRegexMatch(f.get("isolation") ?? [], String(c.HostConfig["Isolation"] ?? ""))) continue;
    if (options.limit > 0 && out.length === options.limit) break;
    if (exitAllowed.length > 0 && !exitAllowed.some((code) => code === c.State.ExitCode && !c.State.Running && c.State.StartedAt !== 0)) continue;
    if (f.has("status") && !filterRegexMatch(f.get("status") ?? [], c.State.Status)) continue;
    if (f.has("health") && !(f.get("health") ?? []).includes(healthOf(c))) continue;
    if (f.has("volume") && !(f.get("volume") ?? []).some((v) => c.Mounts.some((m) => m.Destination === v || (m.Name ? m.Name === v : m.Source === v)))) continue;
    if (ancestors && !ancestors.has(c.Image)) continue;
    if (f.has("network") && !(f.get("network") ?? []).some((n) => n in c.Networks || Object.values(c.Networks).some((e) => e.NetworkID.startsWith(n)))) continue;
    if (publish.size > 0 || expose.size > 0) {
      const ports = portSummaries(c);
      if (!ports.some((p) => publish.has(`${p.PublicPort ?? 0}/${p.Type}`) || expose.has(`${p.PrivatePort}/${p.Type}`))) continue;
    }
    out.push(containerSummary(c, now));
  }
  return out;
}
