import { describe, expect, it } from "vitest";
import { layerOf, link } from "./layer-builder.js";
import { LayeredFs } from "./layered-fs.js";
import { MountedFs } from "./mounted-fs.js";

const empty = () => new LayeredFs({ lowers: [], upper: new Map(), now: () => 0 });

/** An image with links into where volumes are mounted, and a volume with links out of it. */
function container() {
  const image = layerOf(
    {
      "/etc/os-release": "NAME=Alpine\n",
      "/var/lib/app": link("/data"),
      "/srv/config": link("../data/conf"),
      "/loop/a": link("/loop/b"),
      "/loop/b": link("/loop/a"),
    },
    "2025-10-08T11:04:53Z",
  );
  const root = new LayeredFs({ lowers: [image], upper: new Map(), now: () => 0 });
  const volume = empty();
  const fs = new MountedFs(root, [{ target: "/data", fs: volume }]);
  return { fs, root, volume };
}

describe("MountedFs symlinks", () => {
  it("follows a link made on the root into the volume's file (ln -s /data/file /link)", async () => {
    const { fs, volume } = container();
    await fs.writeFile("/data/file", "from the volume\n");
    await fs.symlink("/data/file", "/link");
    expect(await fs.readFile("/link")).toBe("from the volume\n");
    expect((await fs.stat("/link")).isFile).toBe(true);
    expect((await fs.lstat("/link")).isSymbolicLink).toBe(true);
    expect(await fs.readlink("/link")).toBe("/data/file");
    expect(await fs.realpath("/link")).toBe("/data/file");
    // Writing through the link writes the volume's file.
    await fs.writeFile("/link", "changed\n");
    expect(await volume.readFile("/file")).toBe("changed\n");
  });

  it("follows an image's link to a mounted directory into the mount, relative targets too", async () => {
    const { fs, volume } = container();
    await fs.writeFile("/var/lib/app/state.json", "{}");
    expect(await volume.readFile("/state.json")).toBe("{}");
    expect(await fs.readdir("/var/lib/app")).toEqual(["state.json"]);
    await fs.mkdir("/var/lib/app/conf");
    await fs.writeFile("/srv/config/app.ini", "x=1\n");
    expect(await volume.readFile("/conf/app.ini")).toBe("x=1\n");
    expect(await fs.exists("/srv/config/app.ini")).toBe(true);
  });

  it("follows a link inside the volume back out to the root", async () => {
    const { fs } = container();
    await fs.symlink("/etc/os-release", "/data/release");
    expect(await fs.readFile("/data/release")).toBe("NAME=Alpine\n");
  });

  it("removes the link, not its target, and stops at ELOOP", async () => {
    const { fs, volume } = container();
    await fs.writeFile("/data/file", "kept");
    await fs.symlink("/data/file", "/link");
    await fs.rm("/link");
    expect(await volume.readFile("/file")).toBe("kept");
    await expect(fs.readFile("/loop/a")).rejects.toMatchObject({ code: "ELOOP" });
    expect(await fs.exists("/loop/a")).toBe(false);
    await expect(fs.readFile("/data/missing")).rejects.toMatchObject({ code: "ENOENT" });
  });

  it("refuses writes through a link into a read-only mount", async () => {
    const { root } = container();
    const fs = new MountedFs(root, [{ target: "/data", fs: empty(), readOnly: true }]);
    await expect(fs.writeFile("/var/lib/app/x", "no")).rejects.toMatchObject({ code: "EROFS" });
  });
});
