import type { ContainerView, ImageView } from "../protocol/index.js";

/** The 12-character id docker ps and docker images show; image ids lose their `sha256:`. */
export function shortId(id: string): string {
  const hex = id.startsWith("sha256:") ? id.slice("sha256:".length) : id;
  return hex.slice(0, 12);
}

/** The Engine API names containers `/web`; the CLI and the panels say `web`. */
export function containerName(container: ContainerView): string {
  return container.name.startsWith("/") ? container.name.slice(1) : container.name;
}

/** How commands refer to an image: its first tag, or its short id when it has none. */
export function imageRef(image: ImageView): string {
  return image.tags[0] ?? shortId(image.id);
}

const sizeUnits = ["B", "kB", "MB", "GB", "TB"];

/** Docker's HumanSizeWithPrecision(size, 3): decimal units, three significant digits. */
export function formatSize(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < sizeUnits.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return `${Number(value.toPrecision(3))}${sizeUnits[unit] ?? "B"}`;
}

export type StateTone = "running" | "exited" | "created" | "paused" | "dead";

/** The badge colour for a Docker container state. */
export function stateTone(state: string): StateTone {
  switch (state) {
    case "running":
      return "running";
    case "created":
      return "created";
    case "paused":
    case "restarting":
      return "paused";
    case "dead":
      return "dead";
    default:
      return "exited";
  }
}
