import { describe, expect, it } from "vitest";
import { normalizePath, parentOf } from "../../fs/layer.js";
import { LayeredFs } from "../../fs/layered-fs.js";
import { catalogLayer, catalogRepositories, lookupCatalog } from "../index.js";
import { executable, imageFs, read, which } from "./testing/image-fs.js";

/** One reference per distinct image (tags that share an image are checked once). */
function everyImage(): string[] {
  const refs: string[] = [];
  for (const repo of catalogRepositories()) {
    const seen = new Set<string>();
    for (const tag of repo.tags) {
      const id = lookupCatalog(repo.shortName, tag)?.image.Id ?? "";
      if (!seen.has(id)) refs.push(`${repo.shortName}:${tag}`);
      seen.add(id);
    }
  }
  return refs;
}

/** The interpreter a script names on its #! line (through /usr/bin/env), if it is a script. */
function interpreter(fs: LayeredFs, path: string): string[] | undefined {
  const text = read(fs, path) ?? "";
  if (!text.startsWith("#!")) return undefined;
  return text.slice(2, text.indexOf("\n")).trim().split(/\s+/);
}

const refs = everyImage();

describe("every catalog image has a filesystem", () => {
  it.each(refs)("%s: every layer has files", (ref) => {
    expect(() => imageFs(ref)).not.toThrow();
  });

  it.each(refs)("%s: runs its entrypoint or command, found through PATH", (ref) => {
    const { image, fs } = imageFs(ref);
    const config = image.image.Config;
    const env = config.Env ?? [];
    const argv = [...(config.Entrypoint ?? []), ...(config.Cmd ?? [])];
    const program = which(fs, argv[0] ?? "", env);
    expect(program, `${ref}: ${argv[0]}`).toBeDefined();
    const shebang = interpreter(fs, program ?? "");
    if (shebang) {
      const [interp = "", arg = ""] = shebang;
      expect(executable(fs, interp), `${ref}: interpreter ${interp}`).toBe(true);
      if (interp === "/usr/bin/env") expect(which(fs, arg, env), `${ref}: env ${arg}`).toBeDefined();
    }
    // What an entrypoint script hands on to: the command, or the file it names.
    const command = config.Entrypoint && config.Cmd?.[0];
    if (command && !command.startsWith("-")) {
      if (command.startsWith("/")) expect(fs.entry(command)?.type, `${ref}: ${command}`).toBe("file");
      else expect(which(fs, command, env), `${ref}: command ${command}`).toBeDefined();
    }
  });

  it.each(refs.filter((r) => !r.startsWith("hello-world:")))("%s: has a shell at /bin/sh", (ref) => {
    const { fs } = imageFs(ref);
    expect(executable(fs, "/bin/sh")).toBe(true);
  });

  it.each(refs)("%s: symlinks resolve, and no layer hides a link of the layers below with a directory", (ref) => {
    const { fs, layers } = imageFs(ref);
    const dangling = fs.walk("/").filter((path) => {
      const entry = fs.entry(path);
      // Links into /dev and /proc point at what the runtime mounts there.
      if (entry?.type !== "symlink" || /^\/(dev|proc)\//.test(normalizePath(entry.target, parentOf(path)))) return false;
      try {
        return fs.resolve(path, true).entry === undefined;
      } catch {
        return true;
      }
    });
    expect(dangling, ref).toEqual([]);
    for (let i = 1; i < layers.length; i++) {
      const below = new LayeredFs({ lowers: layers.slice(0, i).reverse(), upper: new Map(), now: () => 0 });
      const hidden = [...(layers[i] ?? new Map()).entries()]
        .filter(([path, entry]) => entry.type === "dir" && below.entry(path)?.type === "symlink")
        .map(([path]) => path);
      expect(hidden, `${ref} layer ${i}`).toEqual([]);
    }
  });

  it.each(refs)("%s: keeps the mode and owner of directories that later layers write into", (ref) => {
    const { layers } = imageFs(ref);
    const changed: string[] = [];
    for (let i = 1; i < layers.length; i++) {
      const below = new LayeredFs({ lowers: layers.slice(0, i).reverse(), upper: new Map(), now: () => 0 });
      for (const [path, entry] of layers[i] ?? new Map()) {
        const before = below.entry(path);
        if (entry.type !== "dir" || before?.type !== "dir") continue;
        const was = `${before.mode.toString(8)} ${before.uid ?? 0}:${before.gid ?? 0}`;
        const now = `${entry.mode.toString(8)} ${entry.uid ?? 0}:${entry.gid ?? 0}`;
        // The postgres Dockerfiles re-create the socket directory with mode 3777 on purpose.
        if (was !== now && path !== "/run/postgresql") changed.push(`${path} ${was} -> ${now}`);
      }
    }
    expect(changed, ref).toEqual([]);
  });

  it.each(refs.filter((r) => !r.startsWith("hello-world:")))("%s: knows root in /etc/passwd and /etc/group", (ref) => {
    const { fs } = imageFs(ref);
    expect(fs.readText("/etc/passwd")).toMatch(/^root:x:0:0:/);
    expect(fs.readText("/etc/group")).toMatch(/^root:x:0:/);
  });
});

describe("layers are shared", () => {
  it("gives every image built on a base the same layer object", () => {
    const alpine = lookupCatalog("alpine", "3.22");
    const nginx = lookupCatalog("nginx", "alpine");
    const base = alpine?.layers[0]?.diffId ?? "";
    expect(nginx?.layers[0]?.diffId).toBe(base);
    const layer = catalogLayer(base);
    expect(layer).toBeDefined();
    expect(catalogLayer(nginx?.layers[0]?.diffId ?? "")).toBe(layer);
    const postgres = lookupCatalog("postgres", "18");
    const python = lookupCatalog("python", "slim");
    expect(catalogLayer(postgres?.layers[0]?.diffId ?? "")).toBe(catalogLayer(python?.layers[0]?.diffId ?? ""));
  });
});
