// /var/lib/dpkg/status: the packages of a Debian or Ubuntu image in dpkg's own format, so that
// `dpkg -l` and `apt list --installed` have something true to read. Layers that install packages
// write the whole file again with theirs added, as dpkg does.
import type { DebianRelease } from "./debian-releases.js";

export interface DebPackage {
  name: string;
  version: string;
  section: string;
  description: string;
  essential?: boolean;
  priority?: "required" | "important" | "optional";
}

/** Section, short description and whether dpkg treats the package as Essential. */
const BASE: Record<string, [string, string, boolean]> = {
  apt: ["admin", "commandline package manager", false],
  "base-files": ["admin", "Debian base system miscellaneous files", true],
  "base-passwd": ["admin", "Debian base system master password and group files", true],
  bash: ["shells", "GNU Bourne Again SHell", true],
  coreutils: ["utils", "GNU core utilities", true],
  dash: ["shells", "POSIX-compliant shell", true],
  debianutils: ["utils", "Miscellaneous utilities specific to Debian", true],
  diffutils: ["utils", "File comparison utilities", true],
  dpkg: ["admin", "Debian package management system", true],
  findutils: ["utils", "utilities for finding files--find, xargs", true],
  grep: ["utils", "GNU grep, egrep and fgrep", true],
  gzip: ["utils", "GNU compression utilities", true],
  hostname: ["admin", "utility to set/show the host name or domain name", true],
  libc6: ["libs", "GNU C Library: Shared libraries", false],
  login: ["admin", "system login tools", true],
  mawk: ["interpreters", "Pattern scanning and text processing language", false],
  "perl-base": ["perl", "minimal Perl system", true],
  sed: ["utils", "GNU stream editor for filtering/transforming text", true],
  tar: ["utils", "GNU version of the tar archiving utility", true],
  tzdata: ["localization", "time zone and daylight-saving time data", false],
  "util-linux": ["utils", "miscellaneous system utilities", true],
};

export function basePackages(r: DebianRelease): DebPackage[] {
  return r.versions.split(" ").map((pair) => {
    const at = pair.indexOf("=");
    const name = pair.slice(0, at);
    const [section, description, essential] = BASE[name] ?? ["misc", name, false];
    return { name, version: pair.slice(at + 1), section, description, essential, priority: "required" };
  });
}

function record(p: DebPackage): string {
  return (
    `Package: ${p.name}\n${p.essential ? "Essential: yes\n" : ""}Status: install ok installed\n` +
    `Priority: ${p.priority ?? "optional"}\nSection: ${p.section}\nArchitecture: amd64\n` +
    `Version: ${p.version}\nDescription: ${p.description}\n\n`
  );
}

/** The status file of a release's base packages plus `added`, in name order. */
export function dpkgStatus(r: DebianRelease, added: readonly DebPackage[] = []): string {
  const byName = new Map<string, DebPackage>();
  for (const p of [...basePackages(r), ...added]) byName.set(p.name, p);
  return [...byName.values()].sort((a, b) => (a.name < b.name ? -1 : 1)).map(record).join("");
}

/** Shorthand for packages a layer adds: "name=version" and a section/description table. */
export function debs(pairs: string, info: Record<string, [string, string]>): DebPackage[] {
  return pairs.trim().split(/\s+/).map((pair) => {
    const at = pair.indexOf("=");
    const name = pair.slice(0, at);
    const [section, description] = info[name] ?? ["misc", name];
    return { name, version: pair.slice(at + 1), section, description };
  });
}
