// Where overlay2 keeps an image's layers, as inspect shows them (GraphDriver.Data): a directory
// per layer under /var/lib/docker/overlay2, named here by the layer's chain id (dockerd names
// them by a random cache id; either is opaque to its readers).
import { chainIds } from "../image-store/image-service.js";

const ROOT = "/var/lib/docker/overlay2";

/** The layers' directories, topmost first. */
export function layerDirs(diffIds: string[]): string[] {
  return chainIds(diffIds)
    .map((chain) => `${ROOT}/${chain.replace(/^sha256:/, "")}`)
    .reverse();
}

/** An image's GraphDriver.Data: its top layer as the upper one, the rest below it. */
export function imageDriverData(diffIds: string[]): Record<string, string> {
  const [top, ...below] = layerDirs(diffIds);
  if (top === undefined) return {};
  return {
    ...(below.length > 0 ? { LowerDir: below.map((dir) => `${dir}/diff`).join(":") } : {}),
    MergedDir: `${top}/merged`,
    UpperDir: `${top}/diff`,
    WorkDir: `${top}/work`,
  };
}

/** A container's GraphDriver.Data: its own layer over its init layer over the image's. */
export function containerDriverData(containerId: string, diffIds: string[]): Record<string, string> {
  const own = `${ROOT}/${containerId}`;
  return {
    ID: containerId,
    LowerDir: [`${own}-init/diff`, ...layerDirs(diffIds).map((dir) => `${dir}/diff`)].join(":"),
    MergedDir: `${own}/merged`,
    UpperDir: `${own}/diff`,
    WorkDir: `${own}/work`,
  };
}
