// /plugins: a daemon with no managed plugins installed (api/server/router/plugin, plugin/store.go).
// The built-in drivers (local volumes, bridge networks, json-file logs) are not managed plugins,
// so the list is empty and every name is "not found".
import { notFound, systemError } from "../errors.js";
import { boolFilter, checkFilterKeys, parseFilters } from "./filters.js";
import { ok, query, route, type Route } from "./route.js";

/** Go's %q for a plugin name: double quotes, with quotes and backslashes escaped. */
function quoted(name: string): string {
  return JSON.stringify(name);
}

const missing = (name: string) => notFound(`plugin ${quoted(name)} not found`);

export function pluginRoutes(): Route[] {
  return [
    route("GET", "/plugins", (req) => {
      const filters = parseFilters(query(req, "filters"));
      checkFilterKeys(filters, ["enabled", "capability"]);
      boolFilter(filters, "enabled", false);
      return ok([]);
    }),
    route("GET", "/plugins/privileges", () => ok([])),
    route("GET", "/plugins/{name*}/json", (_req, [name = ""]) => {
      throw missing(name);
    }),
    route("POST", "/plugins/{name*}/enable", (req, [name = ""]) => {
      // The handler parses timeout before it looks the plugin up: a plain (500) strconv error.
      const timeout = query(req, "timeout") ?? "";
      if (!/^[+-]?\d+$/.test(timeout)) throw systemError(`strconv.Atoi: parsing "${timeout}": invalid syntax`);
      throw missing(name);
    }),
    ...["disable", "set", "push", "upgrade"].map((action) =>
      route("POST", `/plugins/{name*}/${action}`, (_req, [name = ""]) => {
        throw missing(name);
      }),
    ),
    route("DELETE", "/plugins/{name*}", (_req, [name = ""]) => {
      throw missing(name);
    }),
  ];
}
