// apk (apk-tools 2.14) over the catalog: add, del, update, info. It fetches the indexes of the
// repositories /etc/apk/repositories names (caching them in /var/cache/apk unless --no-cache),
// installs dependencies first, runs busybox's trigger, and keeps /lib/apk/db/installed and
// /etc/apk/world as apk does, so the image's own record of its packages stays true.
import type { IFileSystem } from "just-bash";
import type { ProcessContext } from "../program.js";
import { ALPINE_PACKAGES, findPackage, installOrder, type CatalogPackage } from "./package-catalog.js";
import { filePaths, installFiles, readOr, removeFiles, shortHash } from "./package-files.js";

interface Out {
  stdout: string;
  stderr: string;
  exitCode: number;
}

interface Installed {
  name: string;
  version: string;
  record: string;
}

const DB = "/lib/apk/db/installed";
const WORLD = "/etc/apk/world";
const CACHE = "/var/cache/apk";
/** The minirootfs's own packages, in KiB, for the "OK: N MiB" line. */
const BASE_KIB = 8380;

function parseInstalled(text: string): Installed[] {
  return text.split(/\n\n+/).flatMap((record) => {
    const name = /^P:(.*)$/m.exec(record)?.[1];
    const version = /^V:(.*)$/m.exec(record)?.[1];
    return name && version ? [{ name, version, record: `${record.trim()}\n` }] : [];
  });
}

function record(p: CatalogPackage): string {
  let out = `P:${p.name}\nV:${p.version}\nA:x86_64\nS:${p.download * 1024}\nI:${p.size * 1024}\nT:${p.description}\nL:\no:${p.name}\n`;
  if (p.depends.length > 0) out += `D:${p.depends.join(" ")}\n`;
  let folder = "";
  for (const path of filePaths(p)) {
    const slash = path.lastIndexOf("/");
    if (path.slice(1, slash) !== folder) out += `F:${(folder = path.slice(1, slash))}\n`;
    out += `R:${path.slice(slash + 1)}\n`;
  }
  return out;
}

async function repositories(fs: IFileSystem): Promise<string[]> {
  const text = await readOr(fs, "/etc/apk/repositories");
  return text.split("\n").map((l) => l.trim()).filter((l) => l && !l.startsWith("#"));
}

const indexUrl = (repo: string) => `${repo}/x86_64/APKINDEX.tar.gz`;

class Apk {
  private out = "";
  private err = "";
  constructor(
    private readonly ctx: ProcessContext,
    private readonly fs: IFileSystem,
  ) {}

  private result(exitCode: number): Out {
    return { stdout: this.out, stderr: this.err, exitCode };
  }

  /** Fetches the indexes unless they are cached; returns the repositories. */
  private async fetchIndexes(noCache: boolean, force: boolean): Promise<string[]> {
    const repos = await repositories(this.fs);
    for (const repo of repos) {
      const cached = `${CACHE}/APKINDEX.${shortHash(repo)}.tar.gz`;
      if (!force && !noCache && (await this.fs.exists(cached))) continue;
      this.out += `fetch ${indexUrl(repo)}\n`;
      await this.ctx.sleep(200);
      if (!noCache) {
        await this.fs.mkdir(CACHE, { recursive: true });
        await this.fs.writeFile(cached, `\x1f\x8b APKINDEX of ${repo}\n`);
      }
    }
    return repos;
  }

  private async installed(): Promise<Installed[]> {
    return parseInstalled(await readOr(this.fs, DB));
  }

  private async world(): Promise<string[]> {
    return (await readOr(this.fs, WORLD)).split("\n").filter(Boolean);
  }

  private async summary(): Promise<void> {
    const list = await this.installed();
    const kib = BASE_KIB + list.reduce((sum, p) => sum + (ALPINE_PACKAGES.get(p.name)?.size ?? 0), 0);
    this.out += `OK: ${Math.floor(kib / 1024)} MiB in ${list.length} packages\n`;
  }

  private async trigger(changed: CatalogPackage[]): Promise<void> {
    const list = await this.installed();
    const busybox = list.find((p) => p.name === "busybox");
    if (busybox && changed.some((p) => filePaths(p).some((f) => /^\/(usr\/)?s?bin\//.test(f)))) {
      this.out += `Executing busybox-${busybox.version}.trigger\n`;
    }
    const certs = list.find((p) => p.name === "ca-certificates");
    if (certs && changed.some((p) => p.name === "ca-certificates")) this.out += `Executing ca-certificates-${certs.version}.trigger\n`;
  }

  async add(names: string[], noCache: boolean, refresh: boolean): Promise<Out> {
    await this.fetchIndexes(noCache, refresh);
    const wanted: CatalogPackage[] = [];
    const missing = names.filter((n) => !findPackage(ALPINE_PACKAGES, n));
    if (missing.length > 0) {
      this.err += `ERROR: unable to select packages:\n${missing.map((n) => `  ${n} (no such package):\n    required by: world[${n}]\n`).join("")}`;
      return this.result(1);
    }
    for (const n of names) wanted.push(findPackage(ALPINE_PACKAGES, n) as CatalogPackage);
    const have = await this.installed();
    const order = installOrder(ALPINE_PACKAGES, wanted, new Set(have.map((p) => p.name)));
    let db = have.map((p) => p.record).join("\n");
    for (const [i, p] of order.entries()) {
      this.out += `(${i + 1}/${order.length}) Installing ${p.name} (${p.version})\n`;
      if (p.script) this.out += `  Executing ${p.name}-${p.version}.${p.script}\n`;
      await this.ctx.sleep(150);
      await installFiles(this.fs, p);
      db += `\n${record(p)}`;
    }
    await this.fs.writeFile(DB, `${db}\n`);
    const world = new Set(await this.world());
    for (const n of names) world.add(n);
    await this.fs.writeFile(WORLD, [...world].sort().map((w) => `${w}\n`).join(""));
    await this.trigger(order);
    await this.summary();
    return this.result(0);
  }

  async del(names: string[]): Promise<Out> {
    const world = (await this.world()).filter((w) => !names.includes(w));
    const have = await this.installed();
    // What the remaining world still needs; catalog packages outside it go.
    const keep = new Set<string>();
    const need = (name: string) => {
      const p = findPackage(ALPINE_PACKAGES, name);
      if (!p || keep.has(p.name)) return;
      keep.add(p.name);
      p.depends.forEach(need);
    };
    world.forEach(need);
    const purge = have
      .filter((p) => ALPINE_PACKAGES.has(p.name) && !keep.has(p.name))
      .map((p) => ALPINE_PACKAGES.get(p.name) as CatalogPackage)
      .reverse();
    for (const [i, p] of purge.entries()) {
      this.out += `(${i + 1}/${purge.length}) Purging ${p.name} (${p.version})\n`;
      await this.ctx.sleep(50);
      await removeFiles(this.fs, p);
    }
    const gone = new Set(purge.map((p) => p.name));
    await this.fs.writeFile(DB, `${have.filter((p) => !gone.has(p.name)).map((p) => p.record).join("\n")}\n`);
    await this.fs.writeFile(WORLD, world.map((w) => `${w}\n`).join(""));
    if (purge.length > 0) await this.trigger(purge);
    await this.summary();
    return this.result(0);
  }

  async update(): Promise<Out> {
    const repos = await this.fetchIndexes(false, true);
    const counts: Record<string, [string, number]> = { main: ["v3.22.2-34-gfb7b2c33e3c", 5531], community: ["v3.22.2-33-g8e7bd5e6a8b", 20795] };
    let total = 0;
    for (const repo of repos) {
      const [tag, count] = counts[repo.slice(repo.lastIndexOf("/") + 1)] ?? ["v3.22.2", 1000];
      total += count;
      this.out += `${tag} [${repo}]\n`;
    }
    this.out += `OK: ${total} distinct packages available\n`;
    return this.result(0);
  }

  async info(args: string[]): Promise<Out> {
    const flags = args.filter((a) => a.startsWith("-"));
    const names = args.filter((a) => !a.startsWith("-"));
    const have = await this.installed();
    if (names.length === 0) {
      const verbose = flags.includes("-v") || flags.includes("-vv");
      this.out += have.map((p) => (verbose ? `${p.name}-${p.version}\n` : `${p.name}\n`)).join("");
      return this.result(0);
    }
    if (flags.includes("-e")) {
      const found = names.filter((n) => have.some((p) => p.name === n));
      this.out += found.map((n) => `${n}\n`).join("");
      return this.result(found.length === names.length ? 0 : 1);
    }
    for (const name of names) {
      const p = findPackage(ALPINE_PACKAGES, name);
      const local = have.find((h) => h.name === name);
      const version = local?.version ?? p?.version;
      if (!version) continue;
      const id = `${name}-${version}`;
      if (flags.includes("-L")) {
        const files = p ? filePaths(p).map((f) => f.slice(1)) : [];
        this.out += `${id} contains:\n${files.map((f) => `${f}\n`).join("")}\n`;
        continue;
      }
      const description = p?.description ?? /^T:(.*)$/m.exec(local?.record ?? "")?.[1] ?? "";
      this.out += `${id} description:\n${description}\n\n${id} installed size:\n${p ? `${p.size} KiB` : "0 KiB"}\n\n`;
    }
    return this.result(0);
  }
}

const USAGE = `apk-tools 2.14.9, compiled for x86_64.

usage: apk [<OPTIONS>...] COMMAND [<ARGUMENTS>...]

Package installation and removal:
  add        Add packages to WORLD and commit changes
  del        Remove packages from WORLD and commit changes

System maintenance:
  update     Update repository indexes
  info       Give detailed information about packages or repositories
`;

export async function apk(ctx: ProcessContext, args: string[]): Promise<Out> {
  const fs = ctx.fs;
  if (!fs) return { stdout: "", stderr: "ERROR: Unable to lock database: No such file or directory\n", exitCode: 99 };
  const options = args.filter((a) => a.startsWith("-"));
  const words = args.filter((a) => !a.startsWith("-"));
  const [command, ...names] = words;
  const tool = new Apk(ctx, fs);
  switch (command) {
    case "add":
      if (names.length === 0) return { stdout: "", stderr: "", exitCode: 0 };
      return tool.add(names, options.includes("--no-cache"), options.includes("--update") || options.includes("-U"));
    case "del":
      return tool.del(names);
    case "update":
      return tool.update();
    case "info":
      return tool.info(args.slice(1));
    case undefined:
      return { stdout: USAGE, stderr: "", exitCode: 1 };
    default:
      return { stdout: "", stderr: `apk: Unknown command '${command}'\n`, exitCode: 1 };
  }
}
