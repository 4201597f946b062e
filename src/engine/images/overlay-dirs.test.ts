import { describe, expect, it } from "vitest";
import { chainIds } from "../image-store/image-service.js";
import { containerDriverData, imageDriverData } from "./overlay-dirs.js";

const a = `sha256:${"a".repeat(64)}`;
const b = `sha256:${"b".repeat(64)}`;
const dir = (chain: string) => `/var/lib/docker/overlay2/${chain.slice(7)}`;

describe("overlay2's directories in inspect", () => {
  it("puts an image's top layer upper and the rest below it, topmost first", () => {
    const [first = "", second = ""] = chainIds([a, b]);
    expect(imageDriverData([a, b])).toEqual({
      LowerDir: `${dir(first)}/diff`,
      MergedDir: `${dir(second)}/merged`,
      UpperDir: `${dir(second)}/diff`,
      WorkDir: `${dir(second)}/work`,
    });
    expect(Object.keys(imageDriverData([a]))).toEqual(["MergedDir", "UpperDir", "WorkDir"]);
    expect(imageDriverData([])).toEqual({});
  });

  it("stacks a container's layer over its init layer over its image's", () => {
    const [first = "", second = ""] = chainIds([a, b]);
    const id = "c".repeat(64);
    expect(containerDriverData(id, [a, b])).toEqual({
      ID: id,
      LowerDir: `/var/lib/docker/overlay2/${id}-init/diff:${dir(second)}/diff:${dir(first)}/diff`,
      MergedDir: `/var/lib/docker/overlay2/${id}/merged`,
      UpperDir: `/var/lib/docker/overlay2/${id}/diff`,
      WorkDir: `/var/lib/docker/overlay2/${id}/work`,
    });
  });
});
