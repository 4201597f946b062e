// The busybox image: one binary hard-linked under every applet name in /bin, buildroot's skeleton
// accounts, and (glibc builds only) the libraries busybox needs for name resolution. No
// os-release: the real image has none.
import { dir, link } from "../../fs/layer-builder.js";
import type { Layer } from "../../fs/layer.js";
import { accountFiles } from "./accounts.js";
import type { Accounts } from "./accounts.js";
import { DEFCONFIG_APPLETS } from "./busybox-applets.js";
import { build, library, program } from "./stub.js";
import type { Specs } from "./stub.js";

export const BUSYBOX_ACCOUNTS: Accounts = {
  passwd: [
    "root:x:0:0:root:/root:/bin/sh",
    "daemon:x:1:1:daemon:/usr/sbin:/bin/false",
    "bin:x:2:2:bin:/bin:/bin/false",
    "sys:x:3:3:sys:/dev:/bin/false",
    "sync:x:4:100:sync:/bin:/bin/sync",
    "mail:x:8:8:mail:/var/spool/mail:/bin/false",
    "www-data:x:33:33:www-data:/var/www:/bin/false",
    "operator:x:37:37:Operator:/var:/bin/false",
    "nobody:x:65534:65534:nobody:/home:/bin/false",
  ],
  group: [
    "root:x:0:", "daemon:x:1:", "bin:x:2:", "sys:x:3:", "adm:x:4:", "tty:x:5:", "disk:x:6:",
    "lp:x:7:", "mail:x:8:", "kmem:x:9:", "wheel:x:10:root", "cdrom:x:11:", "dialout:x:18:",
    "floppy:x:19:", "video:x:28:", "audio:x:29:", "tape:x:32:", "www-data:x:33:", "operator:x:37:",
    "utmp:x:43:", "plugdev:x:46:", "staff:x:50:", "lock:x:54:", "netdev:x:82:", "users:x:100:",
    "nobody:x:65534:",
  ],
  shadow: ["root", "daemon", "bin", "sys", "sync", "mail", "www-data", "operator", "nobody"].map((u) => `${u}:*:::::::`),
  shadowMode: 0o600,
  shadowGid: 0,
};

export type BusyboxLibc = "glibc" | "musl" | "uclibc";

// With glibc, busybox resolves names through NSS, so the image carries these libraries.
function glibcFiles(): Specs {
  const from = "glibc, copied from the Debian build image";
  const specs: Specs = {
    "/bin/getconf": program("getconf", from),
    "/lib64": link("lib"),
    "/etc/nsswitch.conf": "passwd:         files\ngroup:          files\nshadow:         files\n\nhosts:          files dns\nnetworks:       files\n\nprotocols:      db files\nservices:       db files\nethers:         db files\nrpc:            db files\n",
  };
  for (const name of ["ld-linux-x86-64.so.2", "libc.so.6", "libm.so.6", "libresolv.so.2", "libnss_files.so.2", "libnss_dns.so.2", "libnss_compat.so.2", "libpthread.so.0"]) {
    specs[`/lib/${name}`] = name.startsWith("ld-") ? program(name, from) : library(name, from);
  }
  return specs;
}

/** The busybox image's only layer, for a BusyBox version and libc. */
export function busyboxRootfs(version: string, libc: BusyboxLibc, created: string): Layer {
  // `busybox --install /bin` without -s: hard links, so every name is the same regular file.
  const binary = program("busybox", `BusyBox v${version} (${libc})`);
  const specs: Specs = {
    "/bin/busybox": binary,
    ...(libc === "glibc" ? glibcFiles() : {}),
    ...accountFiles(BUSYBOX_ACCOUNTS),
    "/etc/localtime": "TZif2 UTC\n",
    "/etc/network/if-up.d": dir(), "/etc/network/if-pre-up.d": dir(),
    "/etc/network/if-down.d": dir(), "/etc/network/if-post-down.d": dir(),
    "/dev": dir(), "/tmp": dir(0o1777), "/root": dir(0o700), "/home": dir(),
    "/usr/sbin": dir(), "/var/spool/mail": dir(), "/var/www": dir(),
    "/usr/bin/env": link("../../bin/env"),
  };
  for (const name of DEFCONFIG_APPLETS) specs[`/bin/${name}`] = binary;
  // The build makes each account's missing home directory and gives it to the account.
  return build(specs, created, {
    "/usr/sbin": [1, 1], "/var/spool/mail": [8, 8], "/var/www": [33, 33], "/home": [65534, 65534],
  });
}

/** The busybox image of a catalog variant such as "1.37.0-glibc". */
export function busyboxVariantRootfs(variant: string, created: string): Layer {
  const [version = "", libc = ""] = variant.split("-");
  if (libc !== "glibc" && libc !== "musl" && libc !== "uclibc") throw new Error(`rootfs: no busybox variant ${variant}`);
  return busyboxRootfs(version, libc, created);
}
