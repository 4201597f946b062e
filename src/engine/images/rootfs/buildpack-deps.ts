// buildpack-deps' three layers on a full Debian: curl and friends, version control (with procps,
// so `ps` works in the full node and python images), then compilers and -dev packages.
import { dir, link } from "../../fs/layer-builder.js";
import type { Layer } from "../../fs/layer.js";
import { debianStatusFile } from "./debian.js";
import { debs } from "./dpkg.js";
import type { DebPackage } from "./dpkg.js";
import { caBundle, netbase } from "./package-files.js";
import { build, library, links, program, programs } from "./stub.js";
import type { Specs } from "./stub.js";

export type BuildpackLevel = "curl" | "scm" | "full";

const VERSIONS: Record<string, Record<BuildpackLevel, string>> = {
  trixie: {
    curl: "ca-certificates=20250419 curl=8.14.1-2 gnupg=2.4.7-21 netbase=6.5 sq=1.3.1-2 wget=1.25.0-2",
    scm: "git=1:2.47.3-0+deb13u1 mercurial=6.9.4-1 openssh-client=1:10.0p1-7 subversion=1.14.5-3 procps=2:4.0.4-9",
    full: "autoconf=2.72-3.1 automake=1:1.17-4 bzip2=1.0.8-6 dpkg-dev=1.22.21 file=1:5.46-5 g++=4:14.2.0-1 gcc=4:14.2.0-1 imagemagick=8:7.1.1.43+dfsg1-1 libtool=2.5.4-4 make=4.4.1-2 patch=2.8-2 unzip=6.0-29 xz-utils=5.8.1-1",
  },
  bookworm: {
    curl: "ca-certificates=20230311+deb12u1 curl=7.88.1-10+deb12u14 gnupg=2.2.40-1.1 netbase=6.4 sq=0.27.0-2+b1 wget=1.21.3-1+deb12u1",
    scm: "git=1:2.39.5-0+deb12u2 mercurial=6.3.2-1+deb12u1 openssh-client=1:9.2p1-2+deb12u7 subversion=1.14.2-4+b2 procps=2:4.0.2-3",
    full: "autoconf=2.71-3 automake=1:1.16.5-1.3 bzip2=1.0.8-5+b1 dpkg-dev=1.21.22 file=1:5.44-3 g++=4:12.2.0-3 gcc=4:12.2.0-3 imagemagick=8:6.9.11.60+dfsg-1.6+deb12u4 libtool=2.4.7-7~deb12u1 make=4.3-4.1 patch=2.7.6-7 unzip=6.0-28 xz-utils=5.4.1-1",
  },
};

const INFO: Record<string, [string, string]> = {
  "ca-certificates": ["misc", "Common CA certificates"],
  curl: ["web", "command line tool for transferring data with URL syntax"],
  gnupg: ["utils", "GNU privacy guard - a free PGP replacement"],
  netbase: ["admin", "Basic TCP/IP networking system"],
  sq: ["utils", "OpenPGP command-line tool from Sequoia"],
  wget: ["web", "retrieves files from the web"],
  git: ["vcs", "fast, scalable, distributed revision control system"],
  mercurial: ["vcs", "easy-to-use, scalable distributed version control system"],
  "openssh-client": ["net", "secure shell (SSH) client, for secure access to remote machines"],
  subversion: ["vcs", "Advanced version control system"],
  procps: ["admin", "/proc file system utilities"],
  autoconf: ["devel", "automatic configure script builder"],
  automake: ["devel", "Tool for generating GNU Standards-compliant Makefiles"],
  bzip2: ["utils", "high-quality block-sorting file compressor - utilities"],
  "dpkg-dev": ["utils", "Debian package development tools"],
  file: ["utils", "Recognize the type of data in a file using \"magic\" numbers"],
  "g++": ["devel", "GNU C++ compiler"],
  gcc: ["devel", "GNU C compiler"],
  imagemagick: ["graphics", "image manipulation programs -- binaries"],
  libtool: ["devel", "Generic library support script"],
  make: ["devel", "utility for directing compilation"],
  patch: ["vcs", "Apply a diff file to an original"],
  unzip: ["utils", "De-archiver for .zip files"],
  "xz-utils": ["utils", "XZ-format compression utilities"],
};

const LEVELS: BuildpackLevel[] = ["curl", "scm", "full"];

/** The packages buildpack-deps has installed once `level`'s layer is in place. */
export function buildpackPackages(suite: string, level: BuildpackLevel): DebPackage[] {
  const versions = VERSIONS[suite];
  if (!versions) throw new Error(`rootfs: no buildpack-deps for ${suite}`);
  return LEVELS.slice(0, LEVELS.indexOf(level) + 1).flatMap((l) => debs(versions[l], INFO));
}

function curlFiles(): Specs {
  return {
    ...caBundle(),
    ...netbase(),
    "/usr/bin/curl": program("curl", "curl"),
    "/usr/bin/wget": program("wget", "wget"),
    "/usr/bin/sq": program("sq", "sq"),
    ...programs("/usr/bin", ["gpg", "gpg-agent", "gpgconf", "gpgsm", "dirmngr"], "gnupg"),
    "/usr/sbin/update-ca-certificates": program("update-ca-certificates", "ca-certificates"),
    "/usr/lib/x86_64-linux-gnu/libcurl.so.4": library("libcurl.so.4", "libcurl4"),
  };
}

function scmFiles(): Specs {
  return {
    "/usr/bin/git": program("git", "git"),
    "/usr/bin/git-shell": program("git-shell", "git"),
    ...links("/usr/bin", ["git-receive-pack", "git-upload-archive", "git-upload-pack"], "git"),
    "/usr/lib/git-core/git-remote-https": program("git-remote-https", "git"),
    "/usr/bin/hg": program("hg", "mercurial"),
    ...programs("/usr/bin", ["ssh", "scp", "sftp", "ssh-add", "ssh-agent", "ssh-keygen", "ssh-keyscan"], "openssh-client"),
    "/etc/ssh/ssh_config": "# Settings for ssh(1); see ssh_config(5). Host-specific ones go in ~/.ssh/config.\n\nInclude /etc/ssh/ssh_config.d/*.conf\n\nHost *\n    SendEnv LANG LC_*\n    HashKnownHosts yes\n    GSSAPIAuthentication yes\n",
    "/etc/ssh/ssh_config.d": dir(),
    ...programs("/usr/bin", ["svn", "svnadmin", "svnlook", "svnversion"], "subversion"),
    ...programs("/usr/bin", ["ps", "top", "free", "kill", "pgrep", "pkill", "pidof", "pmap", "pwdx", "uptime", "vmstat", "w", "watch", "slabtop"], "procps"),
    "/usr/sbin/sysctl": program("sysctl", "procps"),
  };
}

function fullFiles(suite: string): Specs {
  const gccVersion = suite === "trixie" ? "14" : "12";
  const im = suite === "trixie" ? "im7" : "im6";
  return {
    [`/usr/bin/gcc-${gccVersion}`]: program(`gcc-${gccVersion}`, `gcc-${gccVersion}`),
    [`/usr/bin/g++-${gccVersion}`]: program(`g++-${gccVersion}`, `g++-${gccVersion}`),
    [`/usr/bin/cpp-${gccVersion}`]: program(`cpp-${gccVersion}`, `cpp-${gccVersion}`),
    "/usr/bin/gcc": link(`gcc-${gccVersion}`),
    "/usr/bin/g++": link(`g++-${gccVersion}`),
    "/usr/bin/cpp": link(`cpp-${gccVersion}`),
    "/usr/bin/cc": link("/etc/alternatives/cc"),
    "/usr/bin/c++": link("/etc/alternatives/c++"),
    "/etc/alternatives/cc": link("/usr/bin/gcc"),
    "/etc/alternatives/c++": link("/usr/bin/g++"),
    "/usr/bin/x86_64-linux-gnu-ld": program("ld", "binutils"),
    ...links("/usr/bin", ["ld"], "x86_64-linux-gnu-ld"),
    ...programs("/usr/bin", ["as", "ar", "nm", "objdump", "ranlib", "strip", "readelf"], "binutils"),
    "/usr/bin/make": program("make", "make"),
    ...programs("/usr/bin", ["autoconf", "autoreconf", "autoheader", "autom4te"], "autoconf"),
    ...programs("/usr/bin", ["automake", "aclocal"], "automake"),
    ...programs("/usr/bin", ["libtool", "libtoolize"], "libtool"),
    "/usr/bin/file": program("file", "file"),
    "/usr/bin/patch": program("patch", "patch"),
    "/usr/bin/unzip": program("unzip", "unzip"),
    ...programs("/usr/bin", ["xz", "unxz", "xzcat"], "xz-utils"),
    ...programs("/usr/bin", ["bzip2", "bunzip2", "bzcat"], "bzip2"),
    ...programs("/usr/bin", ["dpkg-architecture", "dpkg-buildpackage", "dpkg-source", "dpkg-shlibdeps"], "dpkg-dev"),
    [`/usr/bin/convert-${im}.q16`]: program(`convert-${im}.q16`, "imagemagick"),
    "/usr/bin/convert": link("/etc/alternatives/convert"),
    "/etc/alternatives/convert": link(`/usr/bin/convert-${im}.q16`),
    "/usr/include/stdio.h": "/* Standard input/output: the C library's declarations (stand-in). */\n",
    "/usr/include/stdlib.h": "/* General utilities: the C library's declarations (stand-in). */\n",
    "/usr/include/string.h": "/* String handling: the C library's declarations (stand-in). */\n",
    "/usr/include/unistd.h": "/* POSIX operating system API: the C library's declarations (stand-in). */\n",
    [`/usr/lib/gcc/x86_64-linux-gnu/${gccVersion}/cc1`]: program("cc1", `gcc-${gccVersion}`),
  };
}

/** One buildpack-deps layer: its programs and dpkg's status with everything installed so far. */
export function buildpackLayer(suite: string, level: BuildpackLevel, created: string): Layer {
  const files = level === "curl" ? curlFiles() : level === "scm" ? scmFiles() : fullFiles(suite);
  return build({ ...files, ...debianStatusFile(suite, buildpackPackages(suite, level)) }, created);
}
