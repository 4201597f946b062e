// The client's public entry.
export { DockerClient, apiVersion, type Filters } from "./docker-client.js";
export { ApiError } from "./api-error.js";
export { InProcessTransport, type Transport } from "./transport.js";
export type * from "./types.js";
export type { StdioChunk } from "../engine/index.js";
// Image references parse the same on both sides of the API (distribution/reference).
export { parseReference, familiarName, familiarString, canonicalString, type ImageReference } from "../engine/index.js";
// Registry credentials are encoded the same on both sides too (api/types/registry).
export { encodeAuthConfig, indexServer, base64Decode, base64Encode, type AuthConfig } from "../engine/index.js";
// --since/--until/until= read the same on both sides too (api/types/time GetTimestamp).
export { getTimestamp, parseGoDuration } from "../engine/index.js";
// Port specs too (go-connections/nat), -p here and EXPOSE in the builder.
export { splitProtoPort, parseSpecRange, parseContainerPort, goDurationString } from "../engine/index.js";
// Tar archives are written and read the same on both sides too (docker cp's host side).
export { readTar, writeTar, TarWriter, TarError, type TarEntry, type TarEntryType, goBase, goClean, goDir, goJoin, goSplit } from "../engine/index.js";
