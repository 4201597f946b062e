// `docker search` (registry/search.go): the daemon asks the Hub's search for up to `limit`
// repositories, then applies the filters to what came back. The simulated Hub indexes the
// official catalog and every repository learners pushed, by name and description.
import type { EngineContext } from "../engine-context.js";
import { invalidParameter, systemError } from "../errors.js";
import { catalogRepositories } from "../images/index.js";
import type { Filters } from "../api/filters.js";
import { isHubHost } from "./docker-hub.js";
import { connectRegistry, unreachableMessage } from "./registries.js";
import { RegistryStore } from "./registry-store.js";

export interface SearchResult {
  star_count: number;
  is_official: boolean;
  name: string;
  is_automated: boolean;
  description: string;
}

const acceptedFilters = ["is-automated", "is-official", "stars"];
const defaultLimit = 25;

/** filters.GetBoolOrDefault, with its "invalid filter 'k=[v]'" for anything but one truth value. */
function boolFilter(filters: Filters, key: string): boolean | undefined {
  const values = filters.get(key);
  if (values === undefined) return undefined;
  const isFalse = values.includes("0") || values.includes("false");
  const isTrue = values.includes("1") || values.includes("true");
  if (isFalse === isTrue) throw invalidParameter(`invalid filter '${key}=[${values.join(" ")}]'`);
  return isTrue;
}

export function searchImages(ctx: EngineContext, term: string, limit: number | undefined, filters: Filters): SearchResult[] {
  for (const key of filters.keys()) if (!acceptedFilters.includes(key)) throw invalidParameter(`invalid filter '${key}'`);
  // "is-automated" is deprecated: asking for automated builds finds nothing.
  if (boolFilter(filters, "is-automated")) return [];
  const official = boolFilter(filters, "is-official");
  let minStars = 0;
  for (const value of filters.get("stars") ?? []) {
    if (!/^[+-]?\d+$/.test(value)) throw invalidParameter(`invalid filter 'stars=${value}': strconv.Atoi: parsing "${value}": invalid syntax`);
    minStars = Math.max(minStars, Number(value));
  }
  const found = hubSearch(ctx, term, limit ?? 0);
  return found.filter((r) => (official === undefined || r.is_official === official) && r.star_count >= minStars);
}

/** searchUnfiltered: the Hub's answer, or the error of a registry that has no v1 search. */
function hubSearch(ctx: EngineContext, term: string, limit: number): SearchResult[] {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(term)) {
    throw invalidParameter(`invalid repository name: repository name (${term}) should not have a scheme`);
  }
  const [first = "", rest] = splitTerm(term);
  if (!isHubHost(first)) {
    // A registry container answers v1's _ping, but has no /v1/search.
    try {
      connectRegistry(ctx, first, "/v1/_ping");
    } catch {
      const https = unreachableMessage(first, "/v1/_ping").replace(/^Get "http:/, 'Get "https:');
      throw invalidParameter(`invalid registry endpoint "http://${first}/v1/". HTTPS attempt: ${https}. HTTP attempt: ${unreachableMessage(first, "/v1/_ping")}`);
    }
    throw systemError("Unexpected status code 404");
  }
  const wanted = limit === 0 ? defaultLimit : limit;
  if (wanted < 1 || wanted > 100) throw invalidParameter(`limit ${wanted} is outside the range of [1, 100]`);
  const query = (rest.startsWith("library/") ? rest.slice("library/".length) : rest).toLowerCase();
  const results: SearchResult[] = [
    ...catalogRepositories().map((r) => ({ star_count: r.stars, is_official: true, name: r.shortName, is_automated: false, description: r.description })),
    ...new RegistryStore(ctx, "docker.io").repositoryNames().map((name) => ({ star_count: 0, is_official: false, name, is_automated: false, description: "" })),
  ];
  const rank = (r: SearchResult) => (r.name === query ? 0 : r.name.includes(query) ? 1 : 2);
  return results
    .filter((r) => r.name.includes(query) || r.description.toLowerCase().includes(query))
    .sort((a, b) => rank(a) - rank(b) || b.star_count - a.star_count || (a.name < b.name ? -1 : 1))
    .slice(0, wanted);
}

/** splitReposSearchTerm: "localhost:5000/app" searches that registry; anything else the Hub. */
function splitTerm(term: string): [string, string] {
  const slash = term.indexOf("/");
  const first = slash < 0 ? "" : term.slice(0, slash);
  if (slash < 0 || (!first.includes(".") && !first.includes(":") && first !== "localhost")) return ["docker.io", term];
  return [first, term.slice(slash + 1)];
}
