import { describe, expect, it } from "vitest";
import { containerActions, imageActions, networkActions, shellWord, volumeActions } from "./docker-commands.js";
import { formatSize, shortId } from "./resource-format.js";
import { container, image, network, volume } from "./world-fixtures.js";

const commands = (actions: { command: string }[]): string[] => actions.map((a) => a.command);

describe("panel commands", () => {
  it("stops and force-removes a running container, starts and removes a stopped one", () => {
    expect(commands(containerActions(container("web")))).toEqual(["docker stop web", "docker rm -f web"]);
    expect(commands(containerActions(container("/web", { state: "exited" })))).toEqual([
      "docker start web",
      "docker rm web",
    ]);
  });

  it("runs and removes images by their first tag, or short id when untagged", () => {
    expect(commands(imageActions(image("nginx:latest")))).toEqual([
      "docker run -d nginx:latest",
      "docker rmi nginx:latest",
    ]);
    const untagged = image("x", { id: "sha256:0123456789abcdef", tags: [] });
    expect(commands(imageActions(untagged))).toEqual(["docker run -d 0123456789ab", "docker rmi 0123456789ab"]);
  });

  it("never offers to remove the predefined networks", () => {
    expect(networkActions(network("bridge"))).toEqual([]);
    expect(networkActions(network("host"))).toEqual([]);
    expect(commands(networkActions(network("app")))).toEqual(["docker network rm app"]);
    expect(commands(volumeActions(volume("data")))).toEqual(["docker volume rm data"]);
  });

  it("quotes only words the shell would split", () => {
    expect(shellWord("registry:5000/app@sha256:ab")).toBe("registry:5000/app@sha256:ab");
    expect(shellWord("it's here")).toBe(`'it'\\''s here'`);
  });
});

describe("resource formatting", () => {
  it("shortens ids to 12 characters without the digest prefix", () => {
    expect(shortId("sha256:0123456789abcdef")).toBe("0123456789ab");
    expect(shortId("fedcba9876543210")).toBe("fedcba987654");
  });

  it("prints sizes in decimal units with three significant digits, like docker images", () => {
    expect(formatSize(187_654_321)).toBe("188MB");
    expect(formatSize(7_800)).toBe("7.8kB");
    expect(formatSize(999)).toBe("999B");
  });
});
