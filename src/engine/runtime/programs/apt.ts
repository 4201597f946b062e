// apt-get (and apt) over the catalog, as in a fresh Debian or Ubuntu image: nothing can be
// installed before `apt-get update` has fetched the package lists (the images ship without
// them), installs print apt's plan, fetch and dpkg's unpack and set-up steps, and dpkg's status
// file and file lists record what was added, so `docker diff` and `docker commit` see it all.
import type { IFileSystem } from "just-bash";
import type { ProcessContext } from "../program.js";
import { DEBIAN_PACKAGES, findPackage, installOrder, type CatalogPackage } from "./package-catalog.js";
import { filePaths, installFiles, readOr, removeFiles } from "./package-files.js";

interface Out {
  stdout: string;
  stderr: string;
  exitCode: number;
}

const STATUS = "/var/lib/dpkg/status";
const LISTS = "/var/lib/apt/lists";
/** Files and directories dpkg knows of in the base images, for "(Reading database ...)". */
const BASE_FILES = 6686;

interface Distro {
  id: "debian" | "ubuntu";
  codename: string;
  /** Index sources in the order apt fetches them: URL, suite, InRelease size, Packages size (bytes). */
  sources: [string, string, number, number][];
}

async function distroOf(fs: IFileSystem): Promise<Distro> {
  const text = await readOr(fs, "/etc/os-release");
  const codename = /^VERSION_CODENAME=(.*)$/m.exec(text)?.[1]?.replace(/"/g, "") || "trixie";
  if (/^ID=ubuntu$/m.test(text)) {
    const archive = "http://archive.ubuntu.com/ubuntu";
    return {
      id: "ubuntu",
      codename,
      sources: [
        [archive, codename, 256_000, 1_808_000],
        ["http://security.ubuntu.com/ubuntu", `${codename}-security`, 126_000, 1_160_000],
        [archive, `${codename}-updates`, 126_000, 1_496_000],
        [archive, `${codename}-backports`, 126_000, 274_000],
      ],
    };
  }
  const archive = "http://deb.debian.org/debian";
  return {
    id: "debian",
    codename,
    sources: [
      [archive, codename, 140_000, 9_669_000],
      [archive, `${codename}-updates`, 47_300, 5_412],
      ["http://deb.debian.org/debian-security", `${codename}-security`, 43_400, 37_300],
    ],
  };
}

/** apt's sizes: "5412 B", "47.3 kB", "9669 kB", "11.4 MB". */
export function aptSize(bytes: number): string {
  const units = ["B", "kB", "MB", "GB"];
  let value = bytes;
  for (let unit = 0; ; unit++) {
    if (value < 100 && unit > 0) return `${value.toFixed(1)} ${units[unit]}`;
    if (value < 10_000 || unit === units.length - 1) return `${Math.round(value)} ${units[unit]}`;
    value /= 1000;
  }
}

const listName = (url: string, suite: string, file: string) => `${LISTS}/${url.replace(/^http:\/\//, "").replace(/\//g, "_")}_dists_${suite}_${file}`;

interface DpkgEntry {
  name: string;
  version: string;
  block: string;
}

function parseStatus(text: string): DpkgEntry[] {
  return text.split(/\n\n+/).flatMap((block) => {
    const name = /^Package: (.*)$/m.exec(block)?.[1];
    const version = /^Version: (.*)$/m.exec(block)?.[1];
    return name && version ? [{ name, version, block: `${block.trim()}\n` }] : [];
  });
}

const statusBlock = (p: CatalogPackage) =>
  `Package: ${p.name}\nStatus: install ok installed\nPriority: optional\nSection: ${p.section ?? "misc"}\nInstalled-Size: ${p.size}\nArchitecture: amd64\nVersion: ${p.version}\n` +
  `${p.depends.length > 0 ? `Depends: ${p.depends.join(", ")}\n` : ""}Description: ${p.description}\n`;

/** Libraries are multi-arch "same": dpkg names them with their architecture. */
const qualified = (p: CatalogPackage) => (p.name.startsWith("lib") ? `${p.name}:amd64` : p.name);

/** apt's package lists: two-space indent, wrapped before 80 columns. */
function wrapList(names: string[]): string {
  const lines: string[] = [];
  let line = " ";
  for (const name of names) {
    if (line.length + name.length + 1 > 79 && line.trim()) {
      lines.push(line);
      line = " ";
    }
    line += ` ${name}`;
  }
  lines.push(line);
  return `${lines.join("\n")}\n`;
}

class AptGet {
  private out = "";
  private err = "";

  constructor(
    private readonly ctx: ProcessContext,
    private readonly fs: IFileSystem,
    private readonly distro: Distro,
  ) {}

  private result(exitCode: number): Out {
    return { stdout: this.out, stderr: this.err, exitCode };
  }

  private done(step: string): void {
    this.out += this.ctx.tty ? `${step}... Done\n` : `${step}...\n`;
  }

  private async hasLists(): Promise<boolean> {
    const [url, suite] = this.distro.sources[0] ?? ["", ""];
    return this.fs.exists(listName(url, suite, "InRelease"));
  }

  private async status(): Promise<DpkgEntry[]> {
    return parseStatus(await readOr(this.fs, STATUS));
  }

  async update(): Promise<Out> {
    const started = this.ctx.clock.now();
    let n = 0;
    let total = 0;
    await this.fs.mkdir(`${LISTS}/partial`, { recursive: true });
    for (const [url, suite, release] of this.distro.sources) {
      this.out += `Get:${++n} ${url} ${suite} InRelease [${aptSize(release)}]\n`;
      total += release;
      await this.fs.writeFile(listName(url, suite, "InRelease"), `Origin: ${this.distro.id === "ubuntu" ? "Ubuntu" : "Debian"}\nSuite: ${suite}\n`);
    }
    for (const [url, suite, , packages] of this.distro.sources) {
      this.out += `Get:${++n} ${url} ${suite}/main amd64 Packages [${aptSize(packages)}]\n`;
      total += packages;
      await this.fs.writeFile(listName(url, suite, "main_binary-amd64_Packages.lz4"), `\x04"M\x18 Packages of ${suite}/main\n`);
    }
    await this.fs.writeFile(`${LISTS}/lock`, "");
    await this.ctx.sleep(1000);
    const seconds = Math.max(1, Math.round((this.ctx.clock.now() - started) / 1000));
    this.out += `Fetched ${aptSize(total)} in ${seconds}s (${aptSize(total / seconds)}/s)\n`;
    this.done("Reading package lists");
    return this.result(0);
  }

  private async plan(): Promise<void> {
    this.done("Reading package lists");
    this.done("Building dependency tree");
    this.done("Reading state information");
  }

  async install(names: string[], yes: boolean): Promise<Out> {
    await this.plan();
    const installed = await this.status();
    const have = new Set(installed.map((p) => p.name));
    const lists = await this.hasLists();
    const wanted: CatalogPackage[] = [];
    for (const name of names) {
      const already = installed.find((p) => p.name === name);
      if (already) {
        this.out += `${name} is already the newest version (${already.version}).\n`;
        continue;
      }
      const found = lists ? findPackage(DEBIAN_PACKAGES, name) : undefined;
      if (!found) {
        this.err += `E: Unable to locate package ${name}\n`;
        return this.result(100);
      }
      wanted.push(found);
    }
    const order = installOrder(DEBIAN_PACKAGES, wanted, have);
    const extra = order.filter((p) => !wanted.includes(p));
    if (extra.length > 0) this.out += `The following additional packages will be installed:\n${wrapList(extra.map((p) => p.name).sort())}`;
    if (order.length > 0) this.out += `The following NEW packages will be installed:\n${wrapList(order.map((p) => p.name).sort())}`;
    this.out += `0 upgraded, ${order.length} newly installed, 0 to remove and 0 not upgraded.\n`;
    if (order.length === 0) return this.result(0);
    const download = order.reduce((sum, p) => sum + p.download * 1000, 0);
    this.out += `Need to get ${aptSize(download)} of archives.\nAfter this operation, ${aptSize(order.reduce((sum, p) => sum + p.size * 1000, 0))} of additional disk space will be used.\n`;
    if (extra.length > 0 && !yes) {
      this.out += "Do you want to continue? [Y/n] ";
      const answer = this.ctx.tty ? await this.ctx.read() : null;
      if (answer === null || !/^\s*(y|yes)?\s*$/i.test(answer)) {
        this.out += "Abort.\n";
        return this.result(1);
      }
    }
    const [archive] = this.distro.sources[0] ?? [""];
    for (const [i, p] of order.entries()) {
      this.out += `Get:${i + 1} ${archive} ${this.distro.codename}/main amd64 ${p.name} amd64 ${p.version} [${aptSize(p.download * 1000)}]\n`;
    }
    await this.ctx.sleep(500);
    this.out += `Fetched ${aptSize(download)} in 0s (${aptSize(download * 4.6)}/s)\n`;
    this.err += "debconf: delaying package configuration, since apt-utils is not installed\n";
    await this.unpackAndConfigure(order, installed);
    return this.result(0);
  }

  private async unpackAndConfigure(order: CatalogPackage[], installed: DpkgEntry[]): Promise<void> {
    const known = BASE_FILES + installed.reduce((sum, e) => sum + (DEBIAN_PACKAGES.get(e.name)?.files.length ?? 0), 0);
    const width = String(order.length - 1).length < 2 ? 2 : String(order.length - 1).length;
    const now = new Date(this.ctx.clock.now()).toISOString().replace("T", " ").slice(0, 19);
    let log = "";
    for (const [i, p] of order.entries()) {
      this.out += `Selecting previously unselected package ${qualified(p)}.\n`;
      if (i === 0) this.out += `(Reading database ... ${known} files and directories currently installed.)\n`;
      this.out += `Preparing to unpack .../${String(i).padStart(width, "0")}-${p.name}_${p.version.replace(":", "%3a")}_amd64.deb ...\nUnpacking ${qualified(p)} (${p.version}) ...\n`;
      await installFiles(this.fs, p);
      await this.fs.writeFile(`/var/lib/dpkg/info/${qualified(p)}.list`, filePaths(p).map((f) => `${f}\n`).join(""));
      log += `${now} install ${qualified(p)} <none> ${p.version}\n`;
      await this.ctx.sleep(100);
    }
    for (const p of order) {
      this.out += `Setting up ${qualified(p)} (${p.version}) ...\n`;
      if (p.name === "ca-certificates") this.out += "Updating certificates in /etc/ssl/certs...\n150 added, 0 removed; done.\n";
      log += `${now} status installed ${qualified(p)} ${p.version}\n`;
    }
    const libc = installed.find((e) => e.name === "libc6");
    if (libc && order.some((p) => p.name.startsWith("lib"))) this.out += `Processing triggers for libc-bin (${libc.version}) ...\n`;
    if (order.some((p) => p.name === "ca-certificates")) {
      this.out += `Processing triggers for ca-certificates (${order.find((p) => p.name === "ca-certificates")?.version ?? ""}) ...\nUpdating certificates in /etc/ssl/certs...\n0 added, 0 removed; done.\nRunning hooks in /etc/ca-certificates/update.d...\ndone.\n`;
    }
    const before = await readOr(this.fs, STATUS);
    const all = [...installed.map((e) => e.block), ...order.map(statusBlock)];
    const byName = (block: string) => /^Package: (.*)$/m.exec(block)?.[1] ?? "";
    all.sort((a, b) => (byName(a) < byName(b) ? -1 : 1));
    await this.fs.writeFile("/var/lib/dpkg/status-old", before);
    await this.fs.writeFile(STATUS, all.join("\n"));
    await this.fs.appendFile("/var/log/dpkg.log", log);
    await this.fs.writeFile("/var/lib/dpkg/lock", "");
    await this.fs.writeFile("/var/cache/apt/archives/lock", "");
  }

  async remove(names: string[]): Promise<Out> {
    await this.plan();
    const installed = await this.status();
    const going: CatalogPackage[] = [];
    for (const name of names) {
      const p = DEBIAN_PACKAGES.get(name);
      if (!p || !installed.some((e) => e.name === name)) {
        this.out += `Package '${name}' is not installed, so not removed\n`;
        continue;
      }
      going.push(p);
    }
    if (going.length > 0) this.out += `The following packages will be REMOVED:\n${wrapList(going.map((p) => p.name).sort())}`;
    this.out += `0 upgraded, 0 newly installed, ${going.length} to remove and 0 not upgraded.\n`;
    if (going.length === 0) return this.result(0);
    this.out += `After this operation, ${aptSize(going.reduce((sum, p) => sum + p.size * 1000, 0))} disk space will be freed.\n`;
    const known = BASE_FILES + installed.reduce((sum, e) => sum + (DEBIAN_PACKAGES.get(e.name)?.files.length ?? 0), 0);
    this.out += `(Reading database ... ${known} files and directories currently installed.)\n`;
    for (const p of going) {
      this.out += `Removing ${qualified(p)} (${p.version}) ...\n`;
      await removeFiles(this.fs, p);
      await this.fs.rm(`/var/lib/dpkg/info/${qualified(p)}.list`, { force: true });
    }
    const gone = new Set(going.map((p) => p.name));
    await this.fs.writeFile(STATUS, installed.filter((e) => !gone.has(e.name)).map((e) => e.block).join("\n"));
    return this.result(0);
  }
}

export async function aptGet(ctx: ProcessContext, args: string[], name = "apt-get"): Promise<Out> {
  const fs = ctx.fs;
  if (!fs) return { stdout: "", stderr: "E: Could not open lock file /var/lib/dpkg/lock-frontend - open (2: No such file or directory)\n", exitCode: 100 };
  const words: string[] = [];
  let yes = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? "";
    if (a === "-o" || a === "-t") i++;
    else if (a === "-y" || a === "--yes" || a === "--assume-yes" || /^-[a-z]*y/.test(a)) yes = true;
    else if (!a.startsWith("-")) words.push(a);
  }
  const tool = new AptGet(ctx, fs, await distroOf(fs));
  const warning = name === "apt" && !ctx.tty ? "\nWARNING: apt does not have a stable CLI interface. Use with caution in scripts.\n\n" : "";
  const [command, ...packages] = words;
  let result: Out;
  switch (command) {
    case "update":
      result = await tool.update();
      break;
    case "install":
      result = packages.length === 0 ? await tool.install([], true) : await tool.install(packages, yes);
      break;
    case "remove":
    case "purge":
      result = await tool.remove(packages);
      break;
    case "upgrade":
    case "dist-upgrade":
    case "full-upgrade":
      result = await tool.install([], true);
      break;
    case "clean":
    case "autoremove":
    case "autoclean":
      result = { stdout: "", stderr: "", exitCode: 0 };
      break;
    case undefined:
      result = { stdout: `${name} 3.0.3 (amd64)\nUsage: ${name} [options] command\n\nMost used commands:\n  update - Retrieve new lists of packages\n  install - Install new packages\n  remove - Remove packages\n`, stderr: "", exitCode: 1 };
      break;
    default:
      result = { stdout: "", stderr: `E: Invalid operation ${command}\n`, exitCode: 100 };
  }
  return { ...result, stderr: warning + result.stderr };
}
