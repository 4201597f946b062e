// Work a program does at start whose outcome depends only on its image's files: every container
// started from an image with nothing yet in its writable layer reads the same configuration and
// writes the same footprint, so the outcome is worked out for the first one and reused by the
// rest. Kept per image stack (the lower layers' shared array), dropped with it.
import type { Layer } from "./layer.js";
import type { LayeredFs } from "./layered-fs.js";

const memos = new WeakMap<readonly Layer[], Map<string, unknown>>();

/** The memo of the image under `root`, when its writable layer is still empty; else undefined. */
export function freshImageMemo(root: LayeredFs): Map<string, unknown> | undefined {
  if (root.upperLayer.size !== 0) return undefined;
  const lowers = root.lowerLayers;
  let memo = memos.get(lowers);
  if (!memo) {
    memo = new Map();
    memos.set(lowers, memo);
  }
  return memo;
}
