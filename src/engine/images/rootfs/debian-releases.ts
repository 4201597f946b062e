// What differs between the Debian and Ubuntu releases of the catalog: identification files,
// merged /usr or not, the versions of the base packages, and base-passwd's accounts.
import type { Accounts } from "./accounts.js";

export interface DebianRelease {
  distro: "debian" | "ubuntu";
  codename: string;
  /** /etc/debian_version: a point release on Debian, "<next>/sid" on Ubuntu. */
  debianVersion: string;
  /** The text of /usr/lib/os-release. */
  osRelease: string;
  /** Ubuntu's /etc/lsb-release. */
  lsbRelease?: string;
  /** First line of /etc/issue, before the escape codes. */
  issue: string;
  /** /bin, /sbin, /lib and /lib64 are links into /usr (bookworm, trixie, jammy, noble). */
  merged: boolean;
  /** tzdata is in the base image (not in trixie's, nor Ubuntu's). */
  tzdata: boolean;
  /** apt-key still exists (gone with apt 3.0 in trixie). */
  aptKey: boolean;
  perl: string;
  /** Base package versions, "name=version" separated by spaces. */
  versions: string;
  /** The day (RFC 3339) base-passwd wrote /etc/shadow, as shadow's last-change field counts it. */
  passwordDate: string;
  /** Extra accounts of this release (Ubuntu 24.04's ubuntu user, bullseye's gnats). */
  extraUsers: readonly string[];
  extraGroups: readonly string[];
  /** Group memberships: group name → members. */
  members: Record<string, string>;
  /** _apt's uid and irc's home, which moved between releases. */
  aptUid: number;
  ircHome: string;
}

const debianOsRelease = (major: string, codename: string, full?: string): string =>
  `PRETTY_NAME="Debian GNU/Linux ${major} (${codename})"\nNAME="Debian GNU/Linux"\nVERSION_ID="${major}"\n` +
  `VERSION="${major} (${codename})"\nVERSION_CODENAME=${codename}\n${full ? `DEBIAN_VERSION_FULL=${full}\n` : ""}ID=debian\n` +
  `HOME_URL="https://www.debian.org/"\nSUPPORT_URL="https://www.debian.org/support"\nBUG_REPORT_URL="https://bugs.debian.org/"\n`;

const UBUNTU_URLS =
  `HOME_URL="https://www.ubuntu.com/"\nSUPPORT_URL="https://help.ubuntu.com/"\nBUG_REPORT_URL="https://bugs.launchpad.net/ubuntu/"\n` +
  `PRIVACY_POLICY_URL="https://www.ubuntu.com/legal/terms-and-policies/privacy-policy"\n`;

function ubuntuOsRelease(version: string, point: string, name: string, codename: string): string {
  if (codename === "focal") {
    return `NAME="Ubuntu"\nVERSION="${point} LTS (${name})"\nID=ubuntu\nID_LIKE=debian\nPRETTY_NAME="Ubuntu ${point} LTS"\n` +
      `VERSION_ID="${version}"\n${UBUNTU_URLS}VERSION_CODENAME=${codename}\nUBUNTU_CODENAME=${codename}\n`;
  }
  return `PRETTY_NAME="Ubuntu ${point} LTS"\nNAME="Ubuntu"\nVERSION_ID="${version}"\nVERSION="${point} LTS (${name})"\n` +
    `VERSION_CODENAME=${codename}\nID=ubuntu\nID_LIKE=debian\n${UBUNTU_URLS}UBUNTU_CODENAME=${codename}\n` +
    (codename === "noble" ? "LOGO=ubuntu-logo\n" : "");
}

const lsbRelease = (version: string, point: string, codename: string): string =>
  `DISTRIB_ID=Ubuntu\nDISTRIB_RELEASE=${version}\nDISTRIB_CODENAME=${codename}\nDISTRIB_DESCRIPTION="Ubuntu ${point} LTS"\n`;

const UBUNTU_USER_GROUPS = { adm: "ubuntu", dialout: "ubuntu", cdrom: "ubuntu", floppy: "ubuntu", sudo: "ubuntu", audio: "ubuntu", dip: "ubuntu", video: "ubuntu", plugdev: "ubuntu" };
const GNATS_USER = "gnats:x:41:41:Gnats Bug-Reporting System (admin):/var/lib/gnats:/usr/sbin/nologin";

export const DEBIAN_RELEASES: Record<string, DebianRelease> = {
  trixie: {
    distro: "debian", codename: "trixie", debianVersion: "13.1", osRelease: debianOsRelease("13", "trixie", "13.1"),
    issue: "Debian GNU/Linux 13", merged: true, tzdata: false, aptKey: false, perl: "5.40.1",
    versions: "apt=3.0.3 base-files=13.8+deb13u1 base-passwd=3.6.7 bash=5.2.37-2+b5 coreutils=9.7-3 dash=0.5.12-12 debianutils=5.23.2 diffutils=1:3.10-4 dpkg=1.22.21 findutils=4.10.0-3 grep=3.11-4 gzip=1.13-1 hostname=3.25 libc6=2.41-12 login=1:4.16.0-2+really2.41-5 mawk=1.3.4.20250131-1 perl-base=5.40.1-6 sed=4.9-2 tar=1.35+dfsg-3.1 util-linux=2.41-5",
    passwordDate: "2025-10-20", extraUsers: [], extraGroups: [], members: {}, aptUid: 42, ircHome: "/run/ircd",
  },
  bookworm: {
    distro: "debian", codename: "bookworm", debianVersion: "12.12", osRelease: debianOsRelease("12", "bookworm"),
    issue: "Debian GNU/Linux 12", merged: true, tzdata: true, aptKey: true, perl: "5.36.0",
    versions: "apt=2.6.1 base-files=12.4+deb12u12 base-passwd=3.6.1 bash=5.2.15-2+b8 coreutils=9.1-1 dash=0.5.12-2 debianutils=5.7-0.5~deb12u1 diffutils=1:3.8-4 dpkg=1.21.22 findutils=4.9.0-4 grep=3.8-5 gzip=1.12-1 hostname=3.23+nmu1 libc6=2.36-9+deb12u13 login=1:4.13+dfsg1-1+deb12u1 mawk=1.3.4.20200120-3.1 perl-base=5.36.0-7+deb12u3 sed=4.9-1 tar=1.34+dfsg-1.2+deb12u1 tzdata=2025b-0+deb12u2 util-linux=2.38.1-5+deb12u3",
    passwordDate: "2025-10-20", extraUsers: [], extraGroups: [], members: {}, aptUid: 42, ircHome: "/run/ircd",
  },
  bullseye: {
    distro: "debian", codename: "bullseye", debianVersion: "11.11", osRelease: debianOsRelease("11", "bullseye"),
    issue: "Debian GNU/Linux 11", merged: false, tzdata: true, aptKey: true, perl: "5.32.1",
    versions: "apt=2.2.4 base-files=11.1+deb11u11 base-passwd=3.5.52 bash=5.1-2+deb11u1 coreutils=8.32-4+b1 dash=0.5.11+git20200708+dd9ef66-5 debianutils=4.11.2 diffutils=1:3.7-5 dpkg=1.20.13 findutils=4.8.0-1 grep=3.6-1+deb11u1 gzip=1.10-4+deb11u1 hostname=3.23 libc6=2.31-13+deb11u13 login=1:4.8.1-1 mawk=1.3.4.20200120-2 perl-base=5.32.1-4+deb11u4 sed=4.7-1 tar=1.34+dfsg-1+deb11u1 tzdata=2025b-0+deb11u1 util-linux=2.36.1-8+deb11u2",
    passwordDate: "2025-10-20", extraUsers: [GNATS_USER], extraGroups: ["gnats:x:41:"], members: {}, aptUid: 100, ircHome: "/var/run/ircd",
  },
  noble: {
    distro: "ubuntu", codename: "noble", debianVersion: "trixie/sid", osRelease: ubuntuOsRelease("24.04", "24.04.3", "Noble Numbat", "noble"),
    lsbRelease: lsbRelease("24.04", "24.04.3", "noble"), issue: "Ubuntu 24.04.3 LTS", merged: true, tzdata: false, aptKey: true, perl: "5.38.2",
    versions: "apt=2.8.3 base-files=13ubuntu10.3 base-passwd=3.6.3build1 bash=5.2.21-2ubuntu4 coreutils=9.4-3ubuntu6.1 dash=0.5.12-6ubuntu5 debianutils=5.17build1 diffutils=1:3.10-1build1 dpkg=1.22.6ubuntu6.5 findutils=4.9.0-5build1 grep=3.11-4build1 gzip=1.12-1ubuntu3.1 hostname=3.23+nmu2ubuntu2 libc6=2.39-0ubuntu8.6 login=1:4.13+dfsg1-4ubuntu3.2 mawk=1.3.4.20240123-1build1 perl-base=5.38.2-3.2ubuntu0.2 sed=4.9-2build1 tar=1.35+dfsg-3build1 util-linux=2.39.3-9ubuntu6.3",
    passwordDate: "2025-10-01", extraUsers: ["ubuntu:x:1000:1000:Ubuntu:/home/ubuntu:/bin/bash"], extraGroups: ["ubuntu:x:1000:"],
    members: UBUNTU_USER_GROUPS, aptUid: 42, ircHome: "/run/ircd",
  },
  jammy: {
    distro: "ubuntu", codename: "jammy", debianVersion: "bookworm/sid", osRelease: ubuntuOsRelease("22.04", "22.04.5", "Jammy Jellyfish", "jammy"),
    lsbRelease: lsbRelease("22.04", "22.04.5", "jammy"), issue: "Ubuntu 22.04.5 LTS", merged: true, tzdata: false, aptKey: true, perl: "5.34.0",
    versions: "apt=2.4.14 base-files=12ubuntu4.7 base-passwd=3.5.52build1 bash=5.1-6ubuntu1.1 coreutils=8.32-4.1ubuntu1.2 dash=0.5.11+git20210903+057cd650a4ed-3build1 debianutils=5.5-1ubuntu2 diffutils=1:3.8-0ubuntu2 dpkg=1.21.1ubuntu2.3 findutils=4.8.0-1ubuntu3 grep=3.7-1build1 gzip=1.10-4ubuntu4.1 hostname=3.23ubuntu2 libc6=2.35-0ubuntu3.11 login=1:4.8.1-2ubuntu2.2 mawk=1.3.4.20200120-3 perl-base=5.34.0-3ubuntu1.5 sed=4.8-1ubuntu2 tar=1.34+dfsg-1ubuntu0.1.22.04.2 util-linux=2.37.2-4ubuntu3.4",
    passwordDate: "2025-10-01", extraUsers: [GNATS_USER], extraGroups: ["gnats:x:41:"], members: {}, aptUid: 100, ircHome: "/run/ircd",
  },
  focal: {
    distro: "ubuntu", codename: "focal", debianVersion: "bullseye/sid", osRelease: ubuntuOsRelease("20.04", "20.04.6", "Focal Fossa", "focal"),
    lsbRelease: lsbRelease("20.04", "20.04.6", "focal"), issue: "Ubuntu 20.04.6 LTS", merged: false, tzdata: false, aptKey: true, perl: "5.30.0",
    versions: "apt=2.0.10 base-files=11ubuntu5.8 base-passwd=3.5.47 bash=5.0-6ubuntu1.2 coreutils=8.30-3ubuntu2 dash=0.5.10.2-6 debianutils=4.9.1 diffutils=1:3.7-3 dpkg=1.19.7ubuntu3.2 findutils=4.7.0-1ubuntu1 grep=3.4-1 gzip=1.10-0ubuntu4.1 hostname=3.23 libc6=2.31-0ubuntu9.17 login=1:4.8.1-1ubuntu5.20.04.5 mawk=1.3.4.20200120-2 perl-base=5.30.0-9ubuntu0.5 sed=4.7-1 tar=1.30+dfsg-7ubuntu0.20.04.4 util-linux=2.34-0.1ubuntu9.6",
    passwordDate: "2025-04-08", extraUsers: [GNATS_USER], extraGroups: ["gnats:x:41:"], members: {}, aptUid: 100, ircHome: "/var/run/ircd",
  },
};

export function debianRelease(codename: string): DebianRelease {
  const found = DEBIAN_RELEASES[codename];
  if (!found) throw new Error(`rootfs: no Debian or Ubuntu release ${codename}`);
  return found;
}

const BASE_GROUPS = [
  "root:0", "daemon:1", "bin:2", "sys:3", "adm:4", "tty:5", "disk:6", "lp:7", "mail:8", "news:9", "uucp:10",
  "man:12", "proxy:13", "kmem:15", "dialout:20", "fax:21", "voice:22", "cdrom:24", "floppy:25", "tape:26",
  "sudo:27", "audio:29", "dip:30", "www-data:33", "backup:34", "operator:37", "list:38", "irc:39", "src:40",
  "shadow:42", "utmp:43", "video:44", "sasl:45", "plugdev:46", "staff:50", "games:60", "users:100", "nogroup:65534",
];

/** base-passwd's accounts as a release ships them, in their file order. */
export function debianAccounts(r: DebianRelease): Accounts {
  const users = [
    "root:x:0:0:root:/root:/bin/bash",
    "daemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin",
    "bin:x:2:2:bin:/bin:/usr/sbin/nologin",
    "sys:x:3:3:sys:/dev:/usr/sbin/nologin",
    "sync:x:4:65534:sync:/bin:/bin/sync",
    "games:x:5:60:games:/usr/games:/usr/sbin/nologin",
    "man:x:6:12:man:/var/cache/man:/usr/sbin/nologin",
    "lp:x:7:7:lp:/var/spool/lpd:/usr/sbin/nologin",
    "mail:x:8:8:mail:/var/mail:/usr/sbin/nologin",
    "news:x:9:9:news:/var/spool/news:/usr/sbin/nologin",
    "uucp:x:10:10:uucp:/var/spool/uucp:/usr/sbin/nologin",
    "proxy:x:13:13:proxy:/bin:/usr/sbin/nologin",
    "www-data:x:33:33:www-data:/var/www:/usr/sbin/nologin",
    "backup:x:34:34:backup:/var/backups:/usr/sbin/nologin",
    "list:x:38:38:Mailing List Manager:/var/list:/usr/sbin/nologin",
    `irc:x:39:39:ircd:${r.ircHome}:/usr/sbin/nologin`,
  ];
  const apt = `_apt:x:${r.aptUid}:65534::/nonexistent:/usr/sbin/nologin`;
  const nobody = "nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin";
  // Releases where _apt still had uid 100 list it after nobody, as adduser appended it.
  const tail = r.aptUid === 42 ? [apt, nobody] : [nobody, apt];
  const passwd = [...users, ...r.extraUsers.filter((u) => u.startsWith("gnats:")), ...tail, ...r.extraUsers.filter((u) => !u.startsWith("gnats:"))];
  const gidOf = (line: string) => Number(line.split(":")[2]);
  const groupLines = BASE_GROUPS.map((g) => {
    const [name = "", gid = ""] = g.split(":");
    return `${name}:x:${gid}:${r.members[name] ?? ""}`;
  });
  // base-passwd's own groups (gnats) sit in gid order; groupadd's (ubuntu) come last.
  const gnats = r.extraGroups.filter((g) => g.startsWith("gnats:"));
  const others = r.extraGroups.filter((g) => !g.startsWith("gnats:"));
  const group = [...[...groupLines, ...gnats].sort((a, b) => gidOf(a) - gidOf(b)), ...others];
  const day = Math.floor(Date.parse(`${r.passwordDate}T00:00:00Z`) / 86_400_000);
  const names = (lines: readonly string[]) => lines.map((l) => l.slice(0, l.indexOf(":")));
  return {
    passwd,
    group,
    shadow: names(passwd).map((n) => (n === "ubuntu" ? `ubuntu:!:${day}:0:99999:7:::` : `${n}:*:${day}:0:99999:7:::`)),
    // groupadd leaves "!" where base-passwd's groups have "*".
    gshadow: group.map((g) => {
      const name = g.slice(0, g.indexOf(":"));
      return `${name}:${others.includes(g) ? "!" : "*"}::${r.members[name] ?? ""}`;
    }),
    shadowMode: 0o640,
    shadowGid: 42,
  };
}
