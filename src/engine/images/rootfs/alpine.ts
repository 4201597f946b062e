// Alpine's minirootfs: alpine-baselayout's tree and accounts, busybox and its applet links, musl,
// apk-tools and its database. Each release's version strings are the ones it shipped with.
import { dir, link } from "../../fs/layer-builder.js";
import type { Layer } from "../../fs/layer.js";
import { accountFiles, withAccounts } from "./accounts.js";
import type { Accounts, NewAccounts } from "./accounts.js";
import { ALPINE_APPLETS } from "./busybox-applets.js";
import { caBundle } from "./package-files.js";
import { build, library, links, program, programs, script } from "./stub.js";
import type { Specs } from "./stub.js";

interface AlpineRelease {
  /** /etc/alpine-release. */
  release: string;
  /** VERSION_ID in /etc/os-release. */
  versionId: string;
  /** "v3.22" or "edge": the repository branch and PRETTY_NAME's suffix. */
  branch: string;
  versions: Record<"baselayout" | "keys" | "apk" | "busybox" | "openssl" | "musl" | "scanelf" | "zlib", string>;
}

const RELEASES: Record<string, AlpineRelease> = {
  "3.22.2": {
    release: "3.22.2", versionId: "3.22.2", branch: "v3.22",
    versions: { baselayout: "3.7.0-r0", keys: "2.5-r0", apk: "2.14.9-r3", busybox: "1.37.0-r19", openssl: "3.5.4-r0", musl: "1.2.5-r10", scanelf: "1.3.8-r1", zlib: "1.3.1-r2" },
  },
  "3.21.5": {
    release: "3.21.5", versionId: "3.21.5", branch: "v3.21",
    versions: { baselayout: "3.6.8-r1", keys: "2.5-r0", apk: "2.14.6-r3", busybox: "1.37.0-r14", openssl: "3.3.5-r0", musl: "1.2.5-r9", scanelf: "1.3.8-r1", zlib: "1.3.1-r2" },
  },
  "3.20.8": {
    release: "3.20.8", versionId: "3.20.8", branch: "v3.20",
    versions: { baselayout: "3.6.5-r0", keys: "2.4-r1", apk: "2.14.4-r1", busybox: "1.36.1-r31", openssl: "3.3.5-r0", musl: "1.2.5-r1", scanelf: "1.3.7-r2", zlib: "1.3.1-r1" },
  },
  "20251007": {
    release: "3.23_alpha20251007", versionId: "3.23.0_alpha20251007", branch: "edge",
    versions: { baselayout: "3.7.1-r0", keys: "2.6-r0", apk: "3.0.0_rc7-r0", busybox: "1.37.0-r24", openssl: "3.5.4-r0", musl: "1.2.5-r21", scanelf: "1.3.8-r2", zlib: "1.3.1-r2" },
  },
};

function release(version: string): AlpineRelease {
  const found = RELEASES[version];
  if (!found) throw new Error(`rootfs: no alpine release ${version}`);
  return found;
}

export const ALPINE_ACCOUNTS: Accounts = {
  passwd: [
    "root:x:0:0:root:/root:/bin/sh",
    "bin:x:1:1:bin:/bin:/sbin/nologin",
    "daemon:x:2:2:daemon:/sbin:/sbin/nologin",
    "lp:x:4:7:lp:/var/spool/lpd:/sbin/nologin",
    "sync:x:5:0:sync:/sbin:/bin/sync",
    "shutdown:x:6:0:shutdown:/sbin:/sbin/shutdown",
    "halt:x:7:0:halt:/sbin:/sbin/halt",
    "mail:x:8:12:mail:/var/mail:/sbin/nologin",
    "news:x:9:13:news:/usr/lib/news:/sbin/nologin",
    "uucp:x:10:14:uucp:/var/spool/uucppublic:/sbin/nologin",
    "cron:x:16:16:cron:/var/spool/cron:/sbin/nologin",
    "ftp:x:21:21::/var/lib/ftp:/sbin/nologin",
    "sshd:x:22:22:sshd:/dev/null:/sbin/nologin",
    "games:x:35:35:games:/usr/games:/sbin/nologin",
    "ntp:x:123:123:NTP:/var/empty:/sbin/nologin",
    "guest:x:405:100:guest:/dev/null:/sbin/nologin",
    "nobody:x:65534:65534:nobody:/:/sbin/nologin",
  ],
  group: [
    "root:x:0:root", "bin:x:1:root,bin,daemon", "daemon:x:2:root,bin,daemon", "sys:x:3:root,bin",
    "adm:x:4:root,daemon", "tty:x:5:", "disk:x:6:root", "lp:x:7:lp", "kmem:x:9:", "wheel:x:10:root",
    "floppy:x:11:root", "mail:x:12:mail", "news:x:13:news", "uucp:x:14:uucp", "cron:x:16:cron",
    "audio:x:18:", "cdrom:x:19:", "dialout:x:20:root", "ftp:x:21:", "sshd:x:22:", "input:x:23:",
    "tape:x:26:root", "video:x:27:root", "netdev:x:28:", "kvm:x:34:kvm", "games:x:35:",
    "shadow:x:42:", "www-data:x:82:", "users:x:100:games", "ntp:x:123:", "abuild:x:300:",
    "utmp:x:406:", "ping:x:999:", "nogroup:x:65533:", "nobody:x:65534:",
  ],
  // CVE-2019-5021: root's password is locked ("*"), not empty.
  shadow: [
    "root:*::0:::::", "bin:!::0:::::", "daemon:!::0:::::", "lp:!::0:::::", "sync:!::0:::::",
    "shutdown:!::0:::::", "halt:!::0:::::", "mail:!::0:::::", "news:!::0:::::", "uucp:!::0:::::",
    "cron:!::0:::::", "ftp:!::0:::::", "sshd:!::0:::::", "games:!::0:::::", "ntp:!::0:::::",
    "guest:!::0:::::", "nobody:!::0:::::",
  ],
  shadowMode: 0o640,
  shadowGid: 42,
};

/** What `adduser -S`/`addgroup -S` leave in the account files of an Alpine image. */
export const alpineAccounts = (added: NewAccounts): Specs => accountFiles(withAccounts(ALPINE_ACCOUNTS, added));

export interface ApkPackage {
  name: string;
  version: string;
  description: string;
  url: string;
  license: string;
  /** Files the package owns, for `apk info -L`. */
  files?: readonly string[];
}

function basePackages(r: AlpineRelease): ApkPackage[] {
  const v = r.versions;
  const bb = "https://busybox.net/";
  return [
    { name: "alpine-baselayout", version: v.baselayout, description: "Alpine base dir structure and init scripts", url: "https://git.alpinelinux.org/cgit/aports/tree/main/alpine-baselayout", license: "GPL-2.0-only", files: ["etc/motd", "etc/profile"] },
    { name: "alpine-baselayout-data", version: v.baselayout, description: "Alpine base dir structure and init scripts", url: "https://git.alpinelinux.org/cgit/aports/tree/main/alpine-baselayout", license: "GPL-2.0-only", files: ["etc/group", "etc/passwd", "etc/shadow", "etc/shells"] },
    { name: "alpine-keys", version: v.keys, description: "Public keys for Alpine Linux packages", url: "https://alpinelinux.org", license: "MIT" },
    { name: "alpine-release", version: `${r.release}-r0`, description: "Alpine release data", url: "https://alpinelinux.org", license: "MIT", files: ["etc/alpine-release", "etc/os-release"] },
    { name: "apk-tools", version: v.apk, description: "Alpine Package Keeper - package manager for alpine", url: "https://gitlab.alpinelinux.org/alpine/apk-tools", license: "GPL-2.0-only", files: ["sbin/apk"] },
    { name: "busybox", version: v.busybox, description: "Size optimized toolbox of many common UNIX utilities", url: bb, license: "GPL-2.0-only", files: ["bin/busybox"] },
    { name: "busybox-binsh", version: v.busybox, description: "busybox ash /bin/sh", url: bb, license: "GPL-2.0-only", files: ["bin/sh"] },
    { name: "ca-certificates-bundle", version: "20250911-r0", description: "Pre generated bundle of Mozilla certificates", url: "https://www.mozilla.org/en-US/about/governance/policies/security-group/certs/", license: "MPL-2.0 AND MIT", files: ["etc/ssl/certs/ca-certificates.crt"] },
    { name: "libcrypto3", version: v.openssl, description: "Crypto library from openssl", url: "https://www.openssl.org/", license: "Apache-2.0", files: ["usr/lib/libcrypto.so.3"] },
    { name: "libssl3", version: v.openssl, description: "SSL shared libraries", url: "https://www.openssl.org/", license: "Apache-2.0", files: ["usr/lib/libssl.so.3"] },
    { name: "musl", version: v.musl, description: "the musl c library (libc) implementation", url: "https://musl.libc.org/", license: "MIT", files: ["lib/ld-musl-x86_64.so.1", "lib/libc.musl-x86_64.so.1"] },
    { name: "musl-utils", version: v.musl, description: "the musl c library (libc) implementation", url: "https://musl.libc.org/", license: "MIT AND BSD-2-Clause AND GPL-2.0-or-later", files: ["sbin/ldconfig", "usr/bin/getconf", "usr/bin/getent", "usr/bin/iconv", "usr/bin/ldd"] },
    { name: "scanelf", version: v.scanelf, description: "Scan ELF binaries for stuff", url: "https://wiki.gentoo.org/wiki/Hardened/PaX_Utilities", license: "GPL-2.0-only", files: ["usr/bin/scanelf"] },
    { name: "ssl_client", version: v.busybox, description: "EXternal ssl_client for busybox wget", url: bb, license: "GPL-2.0-only", files: ["usr/bin/ssl_client"] },
    { name: "zlib", version: v.zlib, description: "A compression/decompression Library", url: "https://zlib.net/", license: "Zlib", files: ["usr/lib/libz.so.1"] },
  ];
}

const BASE_WORLD = ["alpine-baselayout", "alpine-keys", "alpine-release", "apk-tools", "busybox", "musl-utils"];

/** An installed-database record, in apk's one-letter-key format. */
function installedRecord(p: ApkPackage): string {
  let out = `P:${p.name}\nV:${p.version}\nA:x86_64\nT:${p.description}\nU:${p.url}\nL:${p.license}\no:${p.name}\n`;
  let current = "";
  for (const path of p.files ?? []) {
    const slash = path.lastIndexOf("/");
    const folder = path.slice(0, slash);
    if (folder !== current) out += `F:${(current = folder)}\n`;
    out += `R:${path.slice(slash + 1)}\n`;
  }
  return `${out}\n`;
}

/**
 * /etc/apk/world and /lib/apk/db/installed after `apk add` of `added` on an Alpine release: the
 * whole files, as the layer that ran apk holds them. `world` lists what was asked for by name.
 */
export function apkDatabase(version: string, added: readonly ApkPackage[] = [], world: readonly string[] = []): Specs {
  const packages = [...basePackages(release(version)), ...added].sort((a, b) => (a.name < b.name ? -1 : 1));
  return {
    "/etc/apk/world": [...BASE_WORLD, ...world].sort().map((w) => `${w}\n`).join(""),
    "/lib/apk/db/installed": packages.map(installedRecord).join(""),
  };
}

const osRelease = (r: AlpineRelease): string =>
  `NAME="Alpine Linux"\nID=alpine\nVERSION_ID=${r.versionId}\nPRETTY_NAME="Alpine Linux ${r.branch}"\n` +
  `HOME_URL="https://alpinelinux.org/"\nBUG_REPORT_URL="https://gitlab.alpinelinux.org/alpine/aports/-/issues"\n`;

const repositories = (r: AlpineRelease): string =>
  `https://dl-cdn.alpinelinux.org/alpine/${r.branch}/main\nhttps://dl-cdn.alpinelinux.org/alpine/${r.branch}/community\n`;

const MOTD = `Welcome to Alpine!

The Alpine Wiki (https://wiki.alpinelinux.org/) has guides for installing,
configuring and running Alpine systems.

To set up a new machine, run: setup-alpine

This greeting lives in /etc/motd; edit it to change what you see here.
`;

// Our own words; the behaviour (PATH, umask, ash's PS1, profile.d) is what Alpine's profile sets.
const PROFILE = `# /etc/profile: read by login shells (sh -l, ash -l, bash -l).

export CHARSET=UTF-8
export LANG=C.UTF-8
export LC_COLLATE=C

appendpath () {
	case ":$PATH:" in
		*:"$1":*) ;;
		*) PATH="\${PATH:+$PATH:}$1"
	esac
}
for dir in /usr/local/sbin /usr/local/bin /usr/sbin /usr/bin /sbin /bin; do
	appendpath "$dir"
done
unset -f appendpath
unset dir
export PATH

export PAGER=less
umask 022

# ash and bash: host and directory, then # for root and $ for everyone else.
if [ -n "$BASH_VERSION" ] || [ -n "$BB_ASH_VERSION" ]; then
	PS1='\\h:\\w\\$ '
else
	PS1='$(hostname):$PWD'
	[ "$(id -u)" -eq 0 ] && PS1="$PS1# " || PS1="$PS1\\$ "
fi

for script in /etc/profile.d/*.sh; do
	[ -r "$script" ] && . "$script"
done
unset script
`;

const CRONTAB = `# run the scripts of /etc/periodic on their schedules
# min	hour	day	month	weekday	command
*/15	*	*	*	*	run-parts /etc/periodic/15min
0	*	*	*	*	run-parts /etc/periodic/hourly
0	2	*	*	*	run-parts /etc/periodic/daily
0	3	*	*	6	run-parts /etc/periodic/weekly
0	5	1	*	*	run-parts /etc/periodic/monthly
`;

const KEY = "-----BEGIN PUBLIC KEY-----\n(the playground keeps the key's name, not its contents)\n-----END PUBLIC KEY-----\n";

function busyboxPaths(): string {
  const lines: string[] = [];
  for (const [folder, names] of Object.entries(ALPINE_APPLETS)) for (const name of names) lines.push(`${folder.slice(1)}/${name}`);
  return `${lines.sort().join("\n")}\n`;
}

/** The whole minirootfs of an Alpine release, built at `created`. */
export function alpineRootfs(version: string, created: string): Layer {
  const r = release(version);
  const bb = `busybox ${r.versions.busybox}`;
  const musl = `musl ${r.versions.musl}`;
  const specs: Specs = {
    "/dev": dir(), "/home": dir(), "/media/cdrom": dir(), "/media/floppy": dir(), "/media/usb": dir(),
    "/mnt": dir(), "/opt": dir(), "/proc": dir(0o555), "/root": dir(0o700), "/run": dir(), "/srv": dir(),
    "/sys": dir(0o555), "/tmp": dir(0o1777),
    "/usr/local/bin": dir(), "/usr/local/lib": dir(), "/usr/local/share": dir(), "/usr/share/man": dir(),
    "/usr/share/misc": dir(), "/usr/lib/modules-load.d": dir(), "/lib/firmware": dir(), "/lib/mdev": dir(),
    "/var/cache/apk": dir(), "/var/cache/misc": dir(), "/var/empty": dir(0o555), "/var/lib/misc": dir(),
    "/var/local": dir(), "/var/lock/subsys": dir(), "/var/log": dir(), "/var/mail": dir(), "/var/opt": dir(),
    "/var/run": link("/run"), "/var/spool/cron/crontabs": link("/etc/crontabs"), "/var/spool/mail": link("/var/mail"),
    "/var/tmp": dir(0o1777),

    "/etc/alpine-release": `${r.release}\n`,
    "/etc/os-release": osRelease(r),
    "/etc/issue": `Welcome to Alpine Linux ${r.branch === "edge" ? "edge" : r.branch.slice(1)}\nKernel \\r on \\m (\\l)\n\n`,
    "/etc/motd": MOTD,
    "/etc/profile": PROFILE,
    "/etc/profile.d/20locale.sh": "export CHARSET=${CHARSET:-UTF-8}\nexport LANG=${LANG:-C.UTF-8}\nexport LC_COLLATE=${LC_COLLATE:-C}\n",
    "/etc/profile.d/README": "Scripts here named *.sh are sourced by /etc/profile for every login shell.\nRename one to *.sh.disabled to switch it off.\n",
    "/etc/profile.d/color_prompt.sh.disabled": "# Rename to color_prompt.sh for a coloured prompt in ash and bash.\nPS1='\\[\\033[01;32m\\]\\h\\[\\033[00m\\]:\\[\\033[01;34m\\]\\w\\[\\033[00m\\]\\$ '\n",
    "/etc/shells": "# valid login shells\n/bin/sh\n/bin/ash\n",
    ...accountFiles(ALPINE_ACCOUNTS),
    "/etc/fstab": "/dev/cdrom\t/media/cdrom\tiso9660\tnoauto,ro 0 0\n/dev/usbdisk\t/media/usb\tvfat\tnoauto,ro 0 0\n",
    "/etc/modules": "af_packet\nipv6\n",
    "/etc/sysctl.conf": "# Kernel settings applied at boot; drop files into /etc/sysctl.d instead of editing this one.\n",
    "/etc/mtab": link("../proc/self/mounts"),
    "/etc/crontabs/root": { file: CRONTAB, mode: 0o600 },
    "/etc/periodic/15min": dir(), "/etc/periodic/hourly": dir(), "/etc/periodic/daily": dir(),
    "/etc/periodic/weekly": dir(), "/etc/periodic/monthly": dir(),
    "/etc/conf.d": dir(), "/etc/init.d": dir(), "/etc/logrotate.d": dir(), "/etc/modprobe.d": dir(),
    "/etc/modules-load.d": dir(), "/etc/network/if-up.d": dir(), "/etc/network/if-down.d": dir(),
    "/etc/opt": dir(), "/etc/sysctl.d": dir(), "/etc/udhcpc/udhcpc.conf": "# udhcpc settings: see the comments in busybox's documentation.\n",
    "/etc/secfixes.d/alpine": "secfixes:\n  3.12.0-r0:\n    - CVE-2019-5021\n",
    "/etc/busybox-paths.d/busybox": busyboxPaths(),

    "/etc/apk/arch": "x86_64\n",
    "/etc/apk/repositories": repositories(r),
    "/etc/apk/protected_paths.d": dir(),
    "/etc/apk/keys/alpine-devel@lists.alpinelinux.org-4a6a0840.rsa.pub": KEY,
    "/etc/apk/keys/alpine-devel@lists.alpinelinux.org-5261cecb.rsa.pub": KEY,
    "/etc/apk/keys/alpine-devel@lists.alpinelinux.org-6165ee59.rsa.pub": KEY,
    ...apkDatabase(version),
    "/lib/apk/db/lock": "",
    "/lib/apk/db/triggers": "",
    "/lib/apk/exec": dir(),
    ...caBundle(),
    "/etc/ssl/cert.pem": link("certs/ca-certificates.crt"),
    "/etc/ssl/openssl.cnf": "# OpenSSL configuration\nopenssl_conf = openssl_init\n\n[openssl_init]\nproviders = provider_sect\n\n[provider_sect]\ndefault = default_sect\n\n[default_sect]\nactivate = 1\n",

    "/bin/busybox": program("busybox", bb),
    ...links("/bin", ALPINE_APPLETS["/bin"] ?? [], "/bin/busybox"),
    ...links("/sbin", ALPINE_APPLETS["/sbin"] ?? [], "/bin/busybox"),
    ...links("/usr/bin", ALPINE_APPLETS["/usr/bin"] ?? [], "/bin/busybox"),
    ...links("/usr/sbin", ALPINE_APPLETS["/usr/sbin"] ?? [], "/bin/busybox"),
    "/sbin/apk": program("apk", `apk-tools ${r.versions.apk}`),
    "/sbin/ldconfig": script("#!/bin/sh\n# musl has no ld.so.cache: there is nothing to rebuild.\nexit 0\n"),
    ...programs("/usr/bin", ["getconf", "getent", "iconv"], `musl-utils ${r.versions.musl}`),
    "/usr/bin/ldd": script("#!/bin/sh\nexec /lib/ld-musl-x86_64.so.1 --list \"$@\"\n"),
    "/usr/bin/scanelf": program("scanelf", `scanelf ${r.versions.scanelf}`),
    "/usr/bin/ssl_client": program("ssl_client", bb),
    "/lib/ld-musl-x86_64.so.1": program("ld-musl-x86_64.so.1", musl),
    "/lib/libc.musl-x86_64.so.1": link("ld-musl-x86_64.so.1"),
    "/lib/sysctl.d/00-alpine.conf": "net.ipv4.tcp_syncookies = 1\nkernel.panic = 120\n",
    "/usr/lib/libcrypto.so.3": library("libcrypto.so.3", `libcrypto3 ${r.versions.openssl}`),
    "/usr/lib/libssl.so.3": library("libssl.so.3", `libssl3 ${r.versions.openssl}`),
    "/usr/lib/libz.so.1.3.1": library("libz.so.1.3.1", `zlib ${r.versions.zlib}`),
    "/usr/lib/libz.so.1": link("libz.so.1.3.1"),
  };
  return build(specs, created);
}
