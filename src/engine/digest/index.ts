// Content addressing: SHA-256 and the canonical JSON that ids and digests are computed over.

import { sha256Hex } from "./sha256.js";

export { sha256Hex, utf8Encode } from "./sha256.js";
export { canonicalJson } from "./canonical-json.js";
export type { JsonValue } from "./canonical-json.js";

/** "sha256:" + the hex digest: Docker's form for ids, diff ids and blob digests. */
export function sha256Digest(data: string | Uint8Array): string {
  return `sha256:${sha256Hex(data)}`;
}
