// The row context of `docker search` (cli/command/registry/formatter_search.go): descriptions on
// one line and cut at 45 columns unless --no-trunc; OFFICIAL is "[OK]" (true/false in JSON).
import type { SearchResult } from "../../client/index.js";
import { ellipsis, MARSHAL_JSON, marshalContextJson } from "../format/index.js";

export const searchHeaders: Record<string, string> = {
  Name: "NAME",
  Description: "DESCRIPTION",
  StarCount: "STARS",
  IsOfficial: "OFFICIAL",
};

export const defaultSearchFormat = "table {{.Name}}\t{{.Description}}\t{{.StarCount}}\t{{.IsOfficial}}";

/** NewSearchFormat: no format, or "table", is the default table. */
export function searchFormat(source: string): string {
  return source === "" || source === "table" ? defaultSearchFormat : source;
}

export function searchContext(result: SearchResult, trunc: boolean) {
  // searchContext.MarshalJSON sets its json flag first: booleans then read "true"/"false".
  let json = false;
  const flag = (value: boolean) => (json ? String(value) : value ? "[OK]" : "");
  const row = {
    Name: () => result.name,
    Description: () => {
      const description = result.description.replace(/\n/g, " ").replace(/\r/g, " ");
      return trunc ? ellipsis(description, 45) : description;
    },
    StarCount: () => String(result.star_count),
    IsOfficial: () => flag(result.is_official),
  };
  return Object.defineProperty(row, MARSHAL_JSON, {
    value: () => {
      json = true;
      return marshalContextJson(row);
    },
  });
}
