// oraclelinux:9-slim, the base of the mysql images: merged /usr, the setup package's accounts,
// bash as /bin/sh, coreutils-single, and microdnf with rpm instead of a full dnf.
import { dir, link } from "../../fs/layer-builder.js";
import type { Layer } from "../../fs/layer.js";
import { accountFiles, withAccounts } from "./accounts.js";
import type { Accounts, NewAccounts } from "./accounts.js";
import { build, library, links, program, programs, shadowDay } from "./stub.js";
import type { Specs } from "./stub.js";

const OL_VERSION = "9.6";
/** The day the setup package's shadow file was written in the image build. */
const SETUP_DATE = "2025-10-14T00:00:00Z";

const USERS = [
  "root:x:0:0:root:/root:/bin/bash",
  "bin:x:1:1:bin:/bin:/sbin/nologin",
  "daemon:x:2:2:daemon:/sbin:/sbin/nologin",
  "adm:x:3:4:adm:/var/adm:/sbin/nologin",
  "lp:x:4:7:lp:/var/spool/lpd:/sbin/nologin",
  "sync:x:5:0:sync:/sbin:/bin/sync",
  "shutdown:x:6:0:shutdown:/sbin:/sbin/shutdown",
  "halt:x:7:0:halt:/sbin:/sbin/halt",
  "mail:x:8:12:mail:/var/spool/mail:/sbin/nologin",
  "operator:x:11:0:operator:/root:/sbin/nologin",
  "games:x:12:100:games:/usr/games:/sbin/nologin",
  "ftp:x:14:50:FTP User:/var/ftp:/sbin/nologin",
  "nobody:x:65534:65534:Kernel Overflow User:/:/sbin/nologin",
];

const GROUPS = [
  "root:x:0:", "bin:x:1:", "daemon:x:2:", "sys:x:3:", "adm:x:4:", "tty:x:5:", "disk:x:6:", "lp:x:7:",
  "mem:x:8:", "kmem:x:9:", "wheel:x:10:", "cdrom:x:11:", "mail:x:12:", "man:x:15:", "dialout:x:18:",
  "floppy:x:19:", "games:x:20:", "tape:x:33:", "video:x:39:", "ftp:x:50:", "lock:x:54:", "audio:x:63:",
  "users:x:100:", "nobody:x:65534:", "utmp:x:22:", "utempter:x:35:",
];

function olAccounts(): Accounts {
  const day = shadowDay(SETUP_DATE);
  const name = (l: string) => l.slice(0, l.indexOf(":"));
  return {
    passwd: USERS,
    group: GROUPS,
    shadow: USERS.map(name).map((n) => (n === "root" ? "root:!locked::0:99999:7:::" : `${n}:*:${day}:0:99999:7:::`)),
    gshadow: GROUPS.map((g) => `${name(g)}:::`),
    // Red Hat's shadow files are readable by nobody; only root's capabilities get through.
    shadowMode: 0o000,
    shadowGid: 0,
  };
}

/** The account files after useradd/groupadd on Oracle Linux 9. */
export const oraclelinuxAccountFiles = (added: NewAccounts): Specs => accountFiles(withAccounts(olAccounts(), added));

const OS_RELEASE = `NAME="Oracle Linux Server"
VERSION="${OL_VERSION}"
ID="ol"
ID_LIKE="fedora"
VARIANT="Server"
VARIANT_ID="server"
VERSION_ID="${OL_VERSION}"
PLATFORM_ID="platform:el9"
PRETTY_NAME="Oracle Linux Server ${OL_VERSION}"
ANSI_COLOR="0;31"
CPE_NAME="cpe:/o:oracle:linux:9:6:server"
HOME_URL="https://linux.oracle.com/"
BUG_REPORT_URL="https://github.com/oracle/oracle-linux"

ORACLE_BUGZILLA_PRODUCT="Oracle Linux 9"
ORACLE_BUGZILLA_PRODUCT_VERSION=${OL_VERSION}
ORACLE_SUPPORT_PRODUCT="Oracle Linux"
ORACLE_SUPPORT_PRODUCT_VERSION=${OL_VERSION}
`;

const COREUTILS = `
  [ arch b2sum base32 base64 basename cat chcon chgrp chmod chown cksum comm cp csplit cut date dd df
  dir dircolors dirname du echo env expand expr factor false fmt fold groups head hostid id install
  join link ln logname ls md5sum mkdir mkfifo mknod mktemp mv nice nl nohup nproc numfmt od paste
  pathchk pinky pr printenv printf ptx pwd readlink realpath rm rmdir runcon seq sha1sum sha224sum
  sha256sum sha384sum sha512sum shred shuf sleep sort split stat stdbuf stty sum sync tac tail tee
  test timeout touch tr true truncate tsort tty uname unexpand uniq unlink users vdir wc who whoami yes`;

const REPO = (id: string, name: string, path: string) =>
  `[${id}]\nname=${name}\nbaseurl=https://yum$ociregion.$ocidomain/repo/OracleLinux/OL9/${path}/$basearch/\n` +
  `gpgkey=file:///etc/pki/rpm-gpg/RPM-GPG-KEY-oracle\ngpgcheck=1\nenabled=1\n`;

export function oraclelinuxRootfs(created: string): Layer {
  const words = (s: string) => s.trim().split(/\s+/);
  const specs: Specs = {
    "/bin": link("usr/bin"), "/sbin": link("usr/sbin"), "/lib": link("usr/lib"), "/lib64": link("usr/lib64"),
    "/boot": dir(0o555), "/dev": dir(), "/home": dir(), "/media": dir(), "/mnt": dir(), "/opt": dir(),
    "/proc": dir(0o555), "/root": dir(0o550), "/run/lock": dir(0o755), "/srv": dir(), "/sys": dir(0o555), "/tmp": dir(0o1777),
    "/usr/local/bin": dir(), "/usr/local/lib": dir(), "/usr/local/sbin": dir(), "/usr/local/share": dir(),
    "/var/cache": dir(), "/var/lib/rpm/rpmdb.sqlite": { file: "SQLite format 3\0", mode: 0o644 },
    "/var/log": dir(), "/var/tmp": dir(0o1777), "/var/run": link("../run"), "/var/lock": link("../run/lock"),
    "/var/spool/mail": dir(0o775),

    "/etc/oracle-release": `Oracle Linux Server release ${OL_VERSION}\n`,
    "/etc/redhat-release": link("oracle-release"),
    "/etc/system-release": link("oracle-release"),
    "/etc/system-release-cpe": "cpe:/o:oracle:linux:9:6:server\n",
    "/usr/lib/os-release": OS_RELEASE,
    "/etc/os-release": link("../usr/lib/os-release"),
    ...accountFiles(olAccounts()),
    "/etc/shells": "/bin/sh\n/bin/bash\n/usr/bin/sh\n/usr/bin/bash\n",
    "/etc/profile": "# /etc/profile: system-wide settings for login shells.\n\nexport PATH\numask 022\n\nfor i in /etc/profile.d/*.sh; do\n    [ -r \"$i\" ] && . \"$i\"\ndone\nunset i\n",
    "/etc/bashrc": "# /etc/bashrc: system-wide settings for interactive bash shells.\n\n[ \"$PS1\" = \"\\\\s-\\\\v\\\\\\$ \" ] && PS1=\"[\\u@\\h \\W]\\\\$ \"\n",
    "/root/.bashrc": "# .bashrc\n\nif [ -f /etc/bashrc ]; then\n\t. /etc/bashrc\nfi\n",
    "/root/.bash_profile": "# .bash_profile\n\nif [ -f ~/.bashrc ]; then\n\t. ~/.bashrc\nfi\n",
    "/etc/dnf/dnf.conf": "[main]\ngpgcheck=1\ninstallonly_limit=3\nclean_requirements_on_remove=True\nbest=True\nskip_if_unavailable=False\n",
    "/etc/yum.repos.d/oracle-linux-ol9.repo":
      `${REPO("ol9_baseos_latest", "Oracle Linux 9 BaseOS Latest ($basearch)", "baseos/latest")}\n${REPO("ol9_appstream", "Oracle Linux 9 Application Stream Packages ($basearch)", "appstream")}`,
    "/etc/pki/rpm-gpg/RPM-GPG-KEY-oracle": "-----BEGIN PGP PUBLIC KEY BLOCK-----\n(the playground keeps the key's name, not its contents)\n-----END PGP PUBLIC KEY BLOCK-----\n",
    "/etc/ld.so.conf": "include ld.so.conf.d/*.conf\n",

    ...programs("/usr/bin", words(COREUTILS), "coreutils-single 8.32"),
    "/usr/bin/bash": program("bash", "bash 5.1.8"),
    "/usr/bin/sh": link("bash"),
    ...programs("/usr/bin", ["grep", "egrep", "fgrep"], "grep 3.6"),
    "/usr/bin/sed": program("sed", "sed 4.8"),
    "/usr/bin/gawk": program("gawk", "gawk 5.1.0"),
    ...links("/usr/bin", ["awk"], "gawk"),
    "/usr/bin/microdnf": program("microdnf", "microdnf 3.9.1"),
    ...programs("/usr/bin", ["rpm", "rpmkeys", "rpmquery", "rpmverify"], "rpm 4.16.1.3"),
    "/usr/bin/curl": program("curl", "curl-minimal 7.76.1"),
    ...programs("/usr/bin", ["gpg", "gpg-agent", "gpgconf"], "gnupg2 2.3.3"),
    ...programs("/usr/bin", ["getent", "iconv", "ldd", "locale", "localedef"], "glibc-common 2.34"),
    ...programs("/usr/bin", ["mount", "umount", "more", "su", "setsid", "flock", "getopt"], "util-linux-core 2.37.4"),
    ...programs("/usr/bin", ["passwd", "chage", "gpasswd", "newgrp"], "shadow-utils 4.9"),
    ...programs("/usr/sbin", ["useradd", "userdel", "usermod", "groupadd", "groupdel", "groupmod", "chpasswd", "pwck", "grpck"], "shadow-utils 4.9"),
    "/usr/sbin/nologin": program("nologin", "util-linux-core 2.37.4"),
    "/usr/sbin/ldconfig": program("ldconfig", "glibc 2.34"),
    "/usr/lib64/ld-linux-x86-64.so.2": program("ld-linux-x86-64.so.2", "glibc 2.34"),
    "/usr/lib64/libc.so.6": library("libc.so.6", "glibc 2.34"),
  };
  return build(specs, created);
}
