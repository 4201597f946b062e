// The client's public entry.
export { DockerClient, apiVersion, type Filters } from "./docker-client.js";
export { ApiError } from "./api-error.js";
export { InProcessTransport, type Transport } from "./transport.js";
export type * from "./types.js";
export type { StdioChunk } from "../engine/index.js";
// Image references parse the same on both sides of the API (distribution/reference).
export { parseReference, familiarName, familiarString, canonicalString, type ImageReference } from "../engine/index.js";
