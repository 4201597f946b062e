import { describe, expect, it } from "vitest";
import { buildCatalogImage } from "./catalog-build.js";
import { cmd, entrypoint, env, expose, label, legacy, run, stopSignal, user, volume, workdir } from "./catalog-spec.js";
import type { ImageSpec } from "./catalog-spec.js";

const base: ImageSpec = {
  key: "test-base:1",
  rootConfig: { Env: ["PATH=/bin", "A=1"] },
  created: "2025-01-01T00:00:00Z",
  buildkit: false,
  steps: [legacy.addRootfs(1_000, 500), legacy.cmd("/bin/sh")],
};

const derived = (key: string, steps: ImageSpec["steps"], buildkit = true): ImageSpec => ({
  key, base, created: "2025-02-01T00:00:00Z", buildkit, steps,
});

describe("buildCatalogImage", () => {
  it("derives the config from the build steps, on top of the base's", () => {
    const img = buildCatalogImage(derived("test:steps", [
      env("B", "2"), env("A", "3"), label("k", "v"), expose("80/tcp", "53/udp"), volume("/data"),
      workdir("/srv"), user("app"), stopSignal("SIGTERM"), run("true", 10, 20), cmd("serve", "--port", "80"),
    ]));
    expect(img.image.Config).toEqual({
      User: "app",
      ExposedPorts: { "80/tcp": {}, "53/udp": {} },
      Env: ["PATH=/bin", "A=3", "B=2"],
      Cmd: ["serve", "--port", "80"],
      Volumes: { "/data": {} },
      WorkingDir: "/srv",
      Labels: { k: "v" },
      StopSignal: "SIGTERM",
    });
    expect(Object.keys(img.image.Config)).toEqual(["User", "ExposedPorts", "Env", "Cmd", "Volumes", "WorkingDir", "Labels", "StopSignal"]);
  });

  it("resets a CMD inherited from the base when ENTRYPOINT is set, but keeps one set earlier in the same build", () => {
    expect(buildCatalogImage(derived("test:ep", [entrypoint("/run.sh")])).image.Config.Cmd).toBeNull();
    const both = buildCatalogImage(derived("test:cmd-ep", [cmd("x"), entrypoint("/run.sh")])).image.Config;
    expect(both).toMatchObject({ Cmd: ["x"], Entrypoint: ["/run.sh"] });
  });

  it("sets WorkingDir / only for BuildKit builds that set none", () => {
    expect(buildCatalogImage(derived("test:bk", [])).image.Config.WorkingDir).toBe("/");
    expect(buildCatalogImage(derived("test:legacy", [], false)).image.Config.WorkingDir).toBeUndefined();
  });

  it("stacks layers and history on the base's and marks metadata steps as empty layers", () => {
    const img = buildCatalogImage(derived("test:layers", [env("X", "1"), run("make", 300, 100), cmd("x")]));
    const parent = buildCatalogImage(base);
    expect(img.layers[0]).toEqual(parent.layers[0]);
    expect(img.layers).toHaveLength(2);
    expect(img.image.Size).toBe(1_300);
    expect(img.image.History.map((h) => [h.created_by, h.empty_layer ?? false, h.created])).toEqual([
      [expect.stringMatching(/^\/bin\/sh -c #\(nop\) ADD file:[0-9a-f]{64} in \/ $/), false, "2025-01-01T00:00:00Z"],
      ['/bin/sh -c #(nop)  CMD ["/bin/sh"]', true, "2025-01-01T00:00:00Z"],
      ["ENV X=1", true, "2025-02-01T00:00:00Z"],
      ["RUN /bin/sh -c make # buildkit", false, "2025-02-01T00:00:00Z"],
      ['CMD ["x"]', true, "2025-02-01T00:00:00Z"],
    ]);
    expect(img.image.Comment).toBe("buildkit.dockerfile.v0");
    expect(parent.image.Comment).toBe("");
  });

  it("memoizes: one spec, one image object; a different build, different layers", () => {
    const spec = derived("test:memo", [run("a", 1, 1)]);
    expect(buildCatalogImage(spec)).toBe(buildCatalogImage(spec));
    const other = buildCatalogImage(derived("test:memo-2", [run("a", 1, 1)]));
    expect(other.layers[1]?.diffId).not.toBe(buildCatalogImage(spec).layers[1]?.diffId);
    expect(other.image.Id).not.toBe(buildCatalogImage(spec).image.Id);
  });
});
