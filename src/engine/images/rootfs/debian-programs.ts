// The programs of a minimal Debian or Ubuntu root filesystem (debootstrap's minbase: the
// Essential and required packages), by package, and where a system without merged /usr keeps
// them. procps, iproute2, iputils, curl and less are not among them, as in the real images.

const words = (s: string): readonly string[] => s.trim().split(/\s+/);

export interface PackagePrograms {
  pkg: string;
  bin: readonly string[];
  sbin: readonly string[];
}

export const MINBASE_PROGRAMS: readonly PackagePrograms[] = [
  {
    pkg: "coreutils",
    bin: words(`
      [ arch b2sum base32 base64 basename basenc cat chcon chgrp chmod chown cksum comm cp csplit
      cut date dd df dir dircolors dirname du echo env expand expr factor false fmt fold groups
      head hostid id install join link ln logname ls md5sum mkdir mkfifo mknod mktemp mv nice nl
      nohup nproc numfmt od paste pathchk pinky pr printenv printf ptx pwd readlink realpath rm
      rmdir runcon seq sha1sum sha224sum sha256sum sha384sum sha512sum shred shuf sleep sort split
      stat stdbuf stty sum sync tac tail tee test timeout touch tr true truncate tsort tty uname
      unexpand uniq unlink users vdir wc who whoami yes`),
    sbin: ["chroot"],
  },
  { pkg: "bash", bin: ["bash", "bashbug", "clear_console"], sbin: [] },
  { pkg: "dash", bin: ["dash"], sbin: [] },
  { pkg: "grep", bin: ["grep", "egrep", "fgrep", "rgrep"], sbin: [] },
  { pkg: "sed", bin: ["sed"], sbin: [] },
  { pkg: "tar", bin: ["tar"], sbin: ["rmt-tar", "tarcat"] },
  { pkg: "gzip", bin: words("gzip gunzip gzexe uncompress zcat zcmp zdiff zegrep zfgrep zforce zgrep zless zmore znew"), sbin: [] },
  { pkg: "findutils", bin: ["find", "xargs"], sbin: [] },
  { pkg: "diffutils", bin: ["cmp", "diff", "diff3", "sdiff"], sbin: [] },
  { pkg: "debianutils", bin: ["run-parts", "tempfile", "which", "ischroot", "savelog"], sbin: ["add-shell", "remove-shell", "installkernel"] },
  { pkg: "hostname", bin: ["hostname", "dnsdomainname", "domainname", "nisdomainname", "ypdomainname"], sbin: [] },
  {
    pkg: "util-linux",
    bin: words(`
      more mount umount findmnt lsblk mountpoint wdctl dmesg su chrt fallocate flock getopt ionice
      ipcmk ipcrm ipcs lscpu lsipc lslocks lslogins lsns mcookie namei nsenter prlimit renice rev
      setarch setpriv setsid setterm taskset unshare whereis logger script scriptreplay wall mesg
      choom`),
    sbin: words(`
      agetty blkdiscard blkid blockdev chcpu ctrlaltdel findfs fsck fsck.minix fsfreeze fstrim
      getty hwclock isosize losetup mkfs mkswap pivot_root runuser sulogin swaplabel swapoff swapon
      switch_root wipefs zramctl`),
  },
  { pkg: "login", bin: ["login", "newgrp", "sg", "faillog", "lastlog"], sbin: ["nologin"] },
  {
    pkg: "passwd",
    bin: ["passwd", "chage", "chfn", "chsh", "expiry", "gpasswd"],
    sbin: words(`
      useradd userdel usermod groupadd groupdel groupmod grpck pwck chpasswd chgpasswd newusers
      vipw vigr pwconv pwunconv grpconv grpunconv cpgr cppw shadowconfig`),
  },
  {
    pkg: "dpkg",
    bin: words("dpkg dpkg-deb dpkg-divert dpkg-maintscript-helper dpkg-query dpkg-realpath dpkg-split dpkg-statoverride dpkg-trigger update-alternatives"),
    sbin: ["start-stop-daemon"],
  },
  { pkg: "apt", bin: ["apt", "apt-cache", "apt-cdrom", "apt-config", "apt-get", "apt-mark"], sbin: [] },
  { pkg: "mawk", bin: ["mawk"], sbin: [] },
  { pkg: "perl-base", bin: ["perl"], sbin: [] },
  { pkg: "ncurses-bin", bin: words("clear infocmp tabs tic toe tput tset reset captoinfo infotocap"), sbin: [] },
  { pkg: "libc-bin", bin: words("getconf getent iconv ldd locale localedef pldd tzselect zdump"), sbin: ["ldconfig", "iconvconfig", "zic"] },
  { pkg: "sysvinit-utils", bin: [], sbin: ["killall5", "fstab-decode"] },
  { pkg: "init-system-helpers", bin: ["deb-systemd-helper", "deb-systemd-invoke"], sbin: ["invoke-rc.d", "service", "update-rc.d"] },
  {
    pkg: "debconf",
    bin: words("debconf debconf-apt-progress debconf-communicate debconf-copydb debconf-escape debconf-set-selections debconf-show"),
    sbin: ["dpkg-preconfigure", "dpkg-reconfigure"],
  },
  { pkg: "gpgv", bin: ["gpgv"], sbin: [] },
  { pkg: "base-passwd", bin: [], sbin: ["update-passwd"] },
];

/** Without merged /usr, these live in /bin and /sbin; everything else is under /usr. */
export const ROOT_BIN = new Set(words(`
  bash cat chgrp chmod chown cp dash date dd df dir dmesg dnsdomainname domainname echo egrep
  false fgrep findmnt grep gunzip gzexe gzip hostname ln login ls lsblk mkdir mknod mktemp more
  mount mountpoint mv nisdomainname pwd rbash readlink rm rmdir run-parts sed sh sleep stty su
  sync tar tempfile touch true umount uname uncompress vdir wdctl which ypdomainname zcat zcmp
  zdiff zegrep zfgrep zforce zgrep zless zmore znew`));

export const ROOT_SBIN = new Set(words(`
  agetty blkid blockdev chcpu ctrlaltdel findfs fsck fsck.minix fsfreeze fstab-decode fstrim
  getty hwclock installkernel isosize killall5 ldconfig losetup mkfs mkswap pivot_root runuser
  start-stop-daemon sulogin swaplabel swapoff swapon switch_root wipefs zramctl`));

/** Where a program lives: always under /usr on merged systems. */
export function programPath(name: string, kind: "bin" | "sbin", merged: boolean): string {
  if (!merged && (kind === "bin" ? ROOT_BIN : ROOT_SBIN).has(name)) return `/${kind}/${name}`;
  return `/usr/${kind}/${name}`;
}
