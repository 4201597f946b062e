// Layers as plain JSON for the record store (IndexedDB in the browser, --data-root files in
// the daemon): text files stay text, binary content travels as base64.
import type { Layer, LayerEntry } from "./layer.js";

export type EncodedEntry =
  | { t: "f"; m: number; ts: number; s: string; u?: number; g?: number }
  | { t: "b"; m: number; ts: number; b64: string; u?: number; g?: number }
  | { t: "d"; m: number; ts: number; o?: 1; u?: number; g?: number }
  | { t: "l"; m: number; ts: number; to: string; u?: number; g?: number }
  | { t: "w" };

export type EncodedLayer = [path: string, entry: EncodedEntry][];

function toBase64(bytes: Uint8Array): string {
  let text = "";
  for (let i = 0; i < bytes.length; i += 8192) text += String.fromCharCode(...bytes.subarray(i, i + 8192));
  return btoa(text);
}

function fromBase64(text: string): Uint8Array {
  return Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
}

function ids(entry: { uid?: number; gid?: number }): { u?: number; g?: number } {
  return { ...(entry.uid !== undefined ? { u: entry.uid } : {}), ...(entry.gid !== undefined ? { g: entry.gid } : {}) };
}

function owner(entry: { u?: number; g?: number }): { uid?: number; gid?: number } {
  return { ...(entry.u !== undefined ? { uid: entry.u } : {}), ...(entry.g !== undefined ? { gid: entry.g } : {}) };
}

export function encodeLayer(layer: Layer): EncodedLayer {
  const out: EncodedLayer = [];
  for (const [path, e] of layer) {
    switch (e.type) {
      case "whiteout":
        out.push([path, { t: "w" }]);
        break;
      case "dir":
        out.push([path, { t: "d", m: e.mode, ts: e.mtime, ...(e.opaque ? { o: 1 as const } : {}), ...ids(e) }]);
        break;
      case "symlink":
        out.push([path, { t: "l", m: e.mode, ts: e.mtime, to: e.target, ...ids(e) }]);
        break;
      case "file":
        out.push([
          path,
          typeof e.content === "string"
            ? { t: "f", m: e.mode, ts: e.mtime, s: e.content, ...ids(e) }
            : { t: "b", m: e.mode, ts: e.mtime, b64: toBase64(e.content), ...ids(e) },
        ]);
        break;
    }
  }
  return out;
}

function decodeEntry(e: EncodedEntry): LayerEntry {
  switch (e.t) {
    case "w":
      return { type: "whiteout" };
    case "d":
      return { type: "dir", mode: e.m, mtime: e.ts, ...(e.o ? { opaque: true } : {}), ...owner(e) };
    case "l":
      return { type: "symlink", target: e.to, mode: e.m, mtime: e.ts, ...owner(e) };
    case "f":
      return { type: "file", content: e.s, mode: e.m, mtime: e.ts, ...owner(e) };
    case "b":
      return { type: "file", content: fromBase64(e.b64), mode: e.m, mtime: e.ts, ...owner(e) };
  }
}

/** Decodes a stored layer (into `layer` when given); entries that are not understood are skipped, never thrown on. */
export function decodeLayer(encoded: unknown, layer: Layer = new Map()): Layer {
  if (!Array.isArray(encoded)) return layer;
  for (const item of encoded) {
    if (!Array.isArray(item) || typeof item[0] !== "string" || !item[1] || typeof item[1] !== "object") continue;
    const entry = item[1] as EncodedEntry;
    if (!["w", "d", "l", "f", "b"].includes(entry.t)) continue;
    layer.set(item[0], decodeEntry(entry));
  }
  return layer;
}
