// Client-side output formatting of the docker CLI: Go templates, the tabwriter, and the
// field renderings (sizes, durations, ports, IDs) that `docker ps`, `images` & co. print.
export { bytesSize, goTimeString, humanDuration, humanSize, humanSizeWithPrecision, rfc3339Nano, rfc3339NanoFixed } from "./units.js";
export { DOCKER_TABLE, TabWriter, tabwrite, type TabWriterOptions } from "./tabwriter.js";
export {
  GO_STRINGER, GO_TYPE, MARSHAL_JSON, Template, TemplateError, goFunc, goNil, goStruct, isTemplateError, parseTemplate,
  type ExecuteOptions, type GoFunc, type ParamType, type TemplateFunction, type TemplateFuncs,
} from "./template.js";
export { DOCKER_FUNCS, HEADER_FUNCS } from "./template-funcs.js";
export { displayablePorts, joinHostPort, type PortSummary } from "./ports.js";
export { ellipsis, goQuote, isGoPrintable, naturalCompare, stringWidth, truncateId } from "./text.js";
export {
  DEFAULT_CONTEXT_TYPE, DEFAULT_QUIET_FORMAT, FormatError, JSON_FORMAT, headerLabel, isTableFormat, marshalContextJson, renderFormat,
  templateString, toJsonObject, type RenderFormatOptions,
} from "./formatter.js";
export { encodeJson } from "./go-json.js";
export { sprint, sprintf, sprintln } from "./go-fmt.js";
export { formatFloat } from "./go-float.js";
