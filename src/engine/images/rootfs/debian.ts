// The root filesystem of the debian and ubuntu images (one layer each), and the helpers layers
// built on them use to rewrite the account files and the dpkg database.
import { dir, link } from "../../fs/layer-builder.js";
import type { Layer } from "../../fs/layer.js";
import { accountFiles, withAccounts } from "./accounts.js";
import type { NewAccounts } from "./accounts.js";
import {
  APT_DOCKER, aptSources, BASH_BASHRC, DPKG_EXCLUDES, loginDefs, motd, NSSWITCH, PROFILE, ROOT_BASHRC, ROOT_PROFILE,
  SKEL_BASH_LOGOUT, SKEL_BASHRC, SKEL_PROFILE,
} from "./debian-config.js";
import { MINBASE_PROGRAMS, programPath } from "./debian-programs.js";
import { debianAccounts, debianRelease } from "./debian-releases.js";
import type { DebianRelease } from "./debian-releases.js";
import { basePackages, dpkgStatus } from "./dpkg.js";
import { zoneinfo } from "./package-files.js";
import type { DebPackage } from "./dpkg.js";
import { build, library, program } from "./stub.js";
import type { Owners, Specs } from "./stub.js";

/** full: everything; slim: Debian's -slim (no docs); minimized: Ubuntu's images (no docs either). */
export type DebianVariant = "full" | "slim" | "minimized";

/** The account files of a release after useradd/groupadd added `added`. */
export const debianAccountFiles = (codename: string, added: NewAccounts): Specs =>
  accountFiles(withAccounts(debianAccounts(debianRelease(codename)), added));

/** /var/lib/dpkg/status of a release after `added` were installed. */
export const debianStatusFile = (codename: string, added: readonly DebPackage[]): Specs => ({
  "/var/lib/dpkg/status": dpkgStatus(debianRelease(codename), added),
});

function programFiles(r: DebianRelease, versions: Map<string, string>): Specs {
  const specs: Specs = {};
  const m = r.merged;
  for (const { pkg, bin, sbin } of MINBASE_PROGRAMS) {
    const from = `${pkg} ${versions.get(pkg) ?? ""}`.trim();
    for (const name of bin) specs[programPath(name, "bin", m)] = program(name, from);
    for (const name of sbin) specs[programPath(name, "sbin", m)] = program(name, from);
  }
  // sh and rbash sit beside dash and bash, in /bin or /usr/bin.
  specs[programPath("sh", "bin", m)] = link("dash");
  specs[programPath("rbash", "bin", m)] = link("bash");
  specs[`/usr/bin/perl${r.perl}`] = program(`perl${r.perl}`, `perl-base ${versions.get("perl-base") ?? ""}`);
  if (r.aptKey) specs["/usr/bin/apt-key"] = program("apt-key", `apt ${versions.get("apt") ?? ""}`);
  // update-alternatives' links: awk and pager are chosen through /etc/alternatives.
  specs["/usr/bin/awk"] = link("/etc/alternatives/awk");
  specs["/usr/bin/nawk"] = link("/etc/alternatives/nawk");
  specs["/usr/bin/pager"] = link("/etc/alternatives/pager");
  specs["/etc/alternatives/awk"] = link("/usr/bin/mawk");
  specs["/etc/alternatives/nawk"] = link("/usr/bin/mawk");
  specs["/etc/alternatives/pager"] = link(programPath("more", "bin", m));
  specs["/etc/alternatives/README"] = "Links chosen by update-alternatives: each name here points at the program in use.\n";
  return specs;
}

function libraries(r: DebianRelease, versions: Map<string, string>): Specs {
  const lib = `${r.merged ? "/usr/lib" : "/lib"}/x86_64-linux-gnu`;
  const libc = `libc6 ${versions.get("libc6") ?? ""}`;
  const specs: Specs = {
    [`${lib}/ld-linux-x86-64.so.2`]: program("ld-linux-x86-64.so.2", libc),
    [`${r.merged ? "/usr/lib64" : "/lib64"}/ld-linux-x86-64.so.2`]: link("/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2"),
  };
  for (const name of ["libc.so.6", "libm.so.6", "libresolv.so.2", "libnss_files.so.2", "libnss_dns.so.2", "libpthread.so.0", "libdl.so.2"]) {
    specs[`${lib}/${name}`] = library(name, libc);
  }
  specs[`${lib}/libtinfo.so.6`] = library("libtinfo.so.6", "libtinfo6");
  specs[`${lib}/libz.so.1`] = library("libz.so.1", "zlib1g");
  specs[`${lib}/libselinux.so.1`] = library("libselinux.so.1", "libselinux1");
  return specs;
}

function identity(r: DebianRelease): Specs {
  const specs: Specs = {
    "/usr/lib/os-release": r.osRelease,
    "/etc/os-release": link("../usr/lib/os-release"),
    "/etc/debian_version": `${r.debianVersion}\n`,
    "/etc/issue": `${r.issue} \\n \\l\n\n`,
    "/etc/issue.net": `${r.issue}\n`,
  };
  if (r.lsbRelease) specs["/etc/lsb-release"] = r.lsbRelease;
  const m = motd(r);
  if (m) specs["/etc/motd"] = m;
  return specs;
}

function documentation(r: DebianRelease, variant: DebianVariant): Specs {
  const specs: Specs = {};
  for (const p of basePackages(r)) {
    specs[`/usr/share/doc/${p.name}/copyright`] =
      `Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\nUpstream-Name: ${p.name}\n\n(The licence text is left out of the playground's copy.)\n`;
    if (variant === "full") specs[`/usr/share/doc/${p.name}/changelog.Debian.gz`] = { file: `\x1f\x8b ${p.name} ${p.version}\n`, mode: 0o644 };
  }
  if (variant === "full") {
    for (const page of ["bash", "ls", "cat", "grep", "sed", "tar", "apt-get", "dpkg", "find"]) {
      specs[`/usr/share/man/man1/${page}.1.gz`] = { file: `\x1f\x8b ${page}(1)\n`, mode: 0o644 };
    }
    specs["/usr/share/locale/de/LC_MESSAGES/coreutils.mo"] = { file: "\xde\x12\x04\x95", mode: 0o644 };
  } else {
    specs[r.distro === "debian" ? "/etc/dpkg/dpkg.cfg.d/docker" : "/etc/dpkg/dpkg.cfg.d/excludes"] = DPKG_EXCLUDES;
  }
  return specs;
}

function tree(r: DebianRelease): Specs {
  const specs: Specs = {
    "/boot": dir(), "/dev": dir(), "/home": dir(), "/media": dir(), "/mnt": dir(), "/opt": dir(),
    "/proc": dir(0o555), "/root": dir(0o700), "/run/lock": dir(0o1777), "/srv": dir(), "/sys": dir(0o555),
    "/tmp": dir(0o1777),
    "/usr/games": dir(), "/usr/include": dir(), "/usr/src": dir(), "/usr/share/misc": dir(),
    "/usr/local/bin": dir(), "/usr/local/etc": dir(), "/usr/local/games": dir(), "/usr/local/include": dir(),
    "/usr/local/lib": dir(), "/usr/local/sbin": dir(), "/usr/local/share/man": dir(), "/usr/local/src": dir(),
    "/usr/local/man": link("share/man"),
    "/var/backups": dir(), "/var/cache/apt/archives/partial": dir(), "/var/cache/debconf": dir(),
    "/var/cache/ldconfig": dir(0o700), "/var/lib/apt/lists/partial": dir(0o700), "/var/lib/misc": dir(),
    "/var/lib/dpkg/alternatives": dir(), "/var/lib/dpkg/info": dir(), "/var/lib/dpkg/parts": dir(0o700),
    "/var/lib/dpkg/triggers": dir(), "/var/lib/dpkg/updates": dir(),
    "/var/local": dir(0o2775), "/var/log/apt": dir(), "/var/mail": dir(0o2775), "/var/opt": dir(), "/var/tmp": dir(0o1777),
    "/var/lock": link("/run/lock"), "/var/run": link("/run"), "/var/spool/mail": link("../mail"),
  };
  if (r.merged) {
    for (const d of ["bin", "sbin", "lib", "lib64"]) specs[`/${d}`] = link(`usr/${d}`);
    if (r.codename === "jammy") {
      specs["/lib32"] = link("usr/lib32");
      specs["/libx32"] = link("usr/libx32");
      specs["/usr/lib32"] = dir();
      specs["/usr/libx32"] = dir();
    }
  }
  return specs;
}

function configuration(r: DebianRelease): Specs {
  const merged = r.merged;
  const shells = ["/bin/sh", ...(merged ? ["/usr/bin/sh"] : []), "/bin/bash", "/usr/bin/bash", "/bin/rbash", "/usr/bin/rbash", "/bin/dash", "/usr/bin/dash"];
  return {
    ...accountFiles(debianAccounts(r)),
    "/etc/shells": `# /etc/shells: valid login shells\n${shells.join("\n")}\n`,
    "/etc/profile": PROFILE,
    "/etc/profile.d": dir(),
    "/etc/bash.bashrc": BASH_BASHRC,
    "/etc/skel/.bashrc": SKEL_BASHRC,
    "/etc/skel/.profile": SKEL_PROFILE,
    "/etc/skel/.bash_logout": SKEL_BASH_LOGOUT,
    "/root/.bashrc": r.distro === "debian" ? ROOT_BASHRC : SKEL_BASHRC,
    "/root/.profile": ROOT_PROFILE,
    "/etc/login.defs": loginDefs(r),
    "/etc/default/useradd": "# Defaults for useradd: see useradd(8).\nSHELL=/bin/sh\n",
    "/etc/nsswitch.conf": NSSWITCH,
    "/etc/host.conf": "multi on\n",
    "/etc/fstab": "# UNCONFIGURED FSTAB FOR BASE SYSTEM\n",
    "/etc/environment": r.distro === "ubuntu" ? 'PATH="/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin:/usr/games:/usr/local/games:/snap/bin"\n' : "",
    "/etc/ld.so.conf": "include /etc/ld.so.conf.d/*.conf\n\n",
    "/etc/ld.so.conf.d/libc.conf": "# The libc default search path\n/usr/local/lib\n",
    "/etc/ld.so.conf.d/x86_64-linux-gnu.conf": "# Multiarch support\n/usr/local/lib/x86_64-linux-gnu\n/lib/x86_64-linux-gnu\n/usr/lib/x86_64-linux-gnu\n",
    "/etc/ld.so.cache": { file: "ld.so-1.7.0", mode: 0o644 },
    "/etc/dpkg/dpkg.cfg": "# Options read by every dpkg run, one per line, as on the command line without --.\n\nno-debsig\n\nlog /var/log/dpkg.log\n",
    "/etc/apt/apt.conf.d": dir(), "/etc/apt/auth.conf.d": dir(0o700), "/etc/apt/keyrings": dir(),
    "/etc/apt/preferences.d": dir(), "/etc/apt/sources.list.d": dir(), "/etc/apt/trusted.gpg.d": dir(),
    ...APT_DOCKER,
    ...aptSources(r),
    [`/usr/share/keyrings/${r.distro}-archive-keyring.${r.codename === "trixie" ? "pgp" : "gpg"}`]: {
      file: "\x99 archive signing keys (stand-in)\n",
      mode: 0o644,
    },
  };
}

/** The whole root filesystem of a Debian or Ubuntu image, built at `created`. */
export function debianRootfs(codename: string, variant: DebianVariant, created: string): Layer {
  const r = debianRelease(codename);
  const versions = new Map(basePackages(r).map((p) => [p.name, p.version]));
  const specs: Specs = {
    ...tree(r),
    ...identity(r),
    ...configuration(r),
    ...programFiles(r, versions),
    ...libraries(r, versions),
    ...documentation(r, variant),
    "/var/lib/dpkg/status": dpkgStatus(r),
    "/var/lib/dpkg/available": "",
    "/var/lib/dpkg/diversions": "",
    "/var/lib/dpkg/statoverride": "",
  };
  if (r.tzdata) {
    Object.assign(specs, zoneinfo());
    specs["/etc/localtime"] = link("/usr/share/zoneinfo/Etc/UTC");
    specs["/etc/timezone"] = "Etc/UTC\n";
  }
  const owners: Owners = { "/var/local": [0, 50], "/var/mail": [0, 8] };
  if (r.extraUsers.some((u) => u.startsWith("ubuntu:"))) {
    Object.assign(specs, {
      "/home/ubuntu": dir(0o750),
      "/home/ubuntu/.bashrc": SKEL_BASHRC,
      "/home/ubuntu/.profile": SKEL_PROFILE,
      "/home/ubuntu/.bash_logout": SKEL_BASH_LOGOUT,
    });
    for (const p of ["/home/ubuntu", "/home/ubuntu/.bashrc", "/home/ubuntu/.profile", "/home/ubuntu/.bash_logout"]) owners[p] = [1000, 1000];
  }
  return build(specs, created, owners);
}

const UBUNTU_CODENAMES: Record<string, string> = { "24.04": "noble", "22.04": "jammy", "20.04": "focal" };

/** The ubuntu image of a release number ("24.04"). */
export function ubuntuRootfs(version: string, created: string): Layer {
  const codename = UBUNTU_CODENAMES[version];
  if (!codename) throw new Error(`rootfs: no ubuntu release ${version}`);
  return debianRootfs(codename, "minimized", created);
}
