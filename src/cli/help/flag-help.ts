// Flag descriptions several commands share, in our words. The ones that span lines keep
// docker's shape (one choice per line), which pflag indents under the description column.

/** --format of the commands that print tables (ps, images, network ls, ...). */
export const tableFormatHelp = [
  "Shape the output with a template:",
  "'table':            a table with a header row (what you get without --format)",
  "'table TEMPLATE':   a table whose columns come from a Go template",
  "'json':             one JSON object per line",
  "'TEMPLATE':         each item through a Go template.",
  "https://docs.docker.com/go/formatting/ explains the template language",
].join("\n");

/** --format of the commands that print one object at a time (inspect, version, events, ...). */
export const templateFormatHelp = [
  "Shape the output with a template:",
  "'json':             JSON",
  "'TEMPLATE':         a Go template.",
  "https://docs.docker.com/go/formatting/ explains the template language",
].join("\n");
