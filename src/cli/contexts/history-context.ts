// The row context of `docker history` (cli/command/image/formatter_history.go): CREATED is an
// age, or the RFC 3339 time with -H=false (which also prints sizes in plain bytes); CREATED BY
// is cut at 45 columns unless --no-trunc.
import type { ImageHistoryItem } from "../../client/index.js";
import { ellipsis, humanDuration, humanSizeWithPrecision, rfc3339Nano, truncateId } from "../format/index.js";

export const historyHeaders: Record<string, string> = {
  ID: "IMAGE",
  CreatedSince: "CREATED",
  CreatedAt: "CREATED AT",
  CreatedBy: "CREATED BY",
  Size: "SIZE",
  Comment: "COMMENT",
};

const defaultHistoryFormat = "table {{.ID}}\t{{.CreatedSince}}\t{{.CreatedBy}}\t{{.Size}}\t{{.Comment}}";
const nonHumanHistoryFormat = "table {{.ID}}\t{{.CreatedAt}}\t{{.CreatedBy}}\t{{.Size}}\t{{.Comment}}";

/** NewHistoryFormat: only the bare "table" default changes with -q and -H. */
export function historyFormat(source: string, quiet: boolean, human: boolean): string {
  if (source !== "table") return source;
  if (quiet) return "{{.ID}}";
  return human ? defaultHistoryFormat : nonHumanHistoryFormat;
}

/** Dates up to 2000-01-01 are not shown as an age. */
const epochSeconds = Date.UTC(2000, 0, 1) / 1000;

export function historyContext(item: ImageHistoryItem, options: { trunc: boolean; human: boolean; now: number }) {
  const createdAt = () => rfc3339Nano(item.Created * 1000);
  return {
    ID: () => (options.trunc ? truncateId(item.Id) : item.Id),
    CreatedAt: createdAt,
    CreatedSince: () => {
      if (!options.human) return createdAt();
      if (item.Created <= epochSeconds) return "N/A";
      return `${humanDuration(options.now - item.Created * 1000)} ago`;
    },
    CreatedBy: () => {
      const createdBy = item.CreatedBy.replace(/\t/g, " ");
      return options.trunc ? ellipsis(createdBy, 45) : createdBy;
    },
    Size: () => (options.human ? humanSizeWithPrecision(item.Size, 3) : String(item.Size)),
    Comment: () => item.Comment,
  };
}
