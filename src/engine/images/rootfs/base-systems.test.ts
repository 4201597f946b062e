import { describe, expect, it } from "vitest";
import { executable, imageFs, read } from "./testing/image-fs.js";

/** KEY=value pairs of an os-release file, quotes removed. */
function osRelease(ref: string): Record<string, string> {
  const { fs } = imageFs(ref);
  const text = read(fs, "/etc/os-release") ?? "";
  return Object.fromEntries(
    text.split("\n").filter((l) => l.includes("=")).map((l) => {
      const at = l.indexOf("=");
      return [l.slice(0, at), l.slice(at + 1).replace(/^"|"$/g, "")];
    }),
  );
}

describe("alpine", () => {
  it.each([
    ["alpine:latest", "3.22.2", "Alpine Linux v3.22"],
    ["alpine:3.21", "3.21.5", "Alpine Linux v3.21"],
    ["alpine:3.20", "3.20.8", "Alpine Linux v3.20"],
    ["alpine:edge", "3.23.0_alpha20251007", "Alpine Linux edge"],
  ])("%s identifies itself as %s", (ref, versionId, pretty) => {
    expect(osRelease(ref)).toMatchObject({ NAME: "Alpine Linux", ID: "alpine", VERSION_ID: versionId, PRETTY_NAME: pretty });
  });

  it("keeps release, repositories and packages consistent", () => {
    const { fs } = imageFs("alpine:3.21");
    expect(read(fs, "/etc/alpine-release")).toBe("3.21.5\n");
    expect(read(fs, "/etc/apk/repositories")).toBe(
      "https://dl-cdn.alpinelinux.org/alpine/v3.21/main\nhttps://dl-cdn.alpinelinux.org/alpine/v3.21/community\n",
    );
    expect(read(fs, "/lib/apk/db/installed")).toContain("P:busybox\nV:1.37.0-r14\n");
    expect(read(fs, "/etc/apk/world")?.split("\n")).toContain("apk-tools");
  });

  it("links busybox applets from /bin, /sbin, /usr/bin and /usr/sbin, as Alpine installs them", () => {
    const { fs } = imageFs("alpine:latest");
    for (const path of ["/bin/sh", "/bin/ls", "/sbin/ip", "/usr/bin/wget", "/usr/bin/env", "/usr/sbin/adduser"]) {
      expect(fs.entry(path), path).toEqual(expect.objectContaining({ type: "symlink", target: "/bin/busybox" }));
    }
    expect(executable(fs, "/lib/ld-musl-x86_64.so.1")).toBe(true);
    expect(fs.entry("/bin/bash")).toBeUndefined();
  });

  it("has Alpine's accounts and special directories, and leaves hosts files to Docker", () => {
    const { fs } = imageFs("alpine:latest");
    expect(read(fs, "/etc/passwd")).toMatch(/^root:x:0:0:root:\/root:\/bin\/sh\nbin:x:1:1:/);
    expect(read(fs, "/etc/group")).toContain("\nwheel:x:10:root\n");
    expect(fs.entry("/etc/shadow")).toMatchObject({ mode: 0o640, gid: 42 });
    expect(fs.entry("/tmp")).toMatchObject({ type: "dir", mode: 0o1777 });
    expect(fs.entry("/root")).toMatchObject({ type: "dir", mode: 0o700 });
    expect(fs.entry("/var/run")).toMatchObject({ type: "symlink", target: "/run" });
    for (const path of ["/etc/hosts", "/etc/hostname", "/etc/resolv.conf"]) expect(fs.entry(path), path).toBeUndefined();
  });
});

describe("busybox", () => {
  it("hard-links every applet to one binary in /bin, and has no os-release", () => {
    const { fs } = imageFs("busybox:latest");
    const busybox = fs.entry("/bin/busybox");
    const sh = fs.entry("/bin/sh");
    expect(sh).toMatchObject({ type: "file", mode: 0o755 });
    expect(sh?.type === "file" && busybox?.type === "file" && sh.content === busybox.content).toBe(true);
    expect(fs.list("/bin").length).toBeGreaterThan(300);
    expect(fs.entry("/usr/bin/ls")).toBeUndefined();
    expect(fs.entry("/etc/os-release")).toBeUndefined();
    expect(read(fs, "/etc/passwd")).toContain("nobody:x:65534:65534:nobody:/home:/bin/false\n");
  });

  it("carries glibc's name-service libraries only in the glibc variant", () => {
    expect(imageFs("busybox:glibc").fs.entry("/lib/libnss_dns.so.2")).toBeDefined();
    expect(imageFs("busybox:musl").fs.entry("/lib")).toBeUndefined();
  });
});

describe("debian and ubuntu", () => {
  it.each([
    ["debian:trixie", "13", "Debian GNU/Linux 13 (trixie)", "13.1"],
    ["debian:bookworm-slim", "12", "Debian GNU/Linux 12 (bookworm)", "12.12"],
    ["debian:bullseye", "11", "Debian GNU/Linux 11 (bullseye)", "11.11"],
  ])("%s is Debian %s", (ref, versionId, pretty, point) => {
    expect(osRelease(ref)).toMatchObject({ ID: "debian", VERSION_ID: versionId, PRETTY_NAME: pretty });
    expect(read(imageFs(ref).fs, "/etc/debian_version")).toBe(`${point}\n`);
  });

  it.each([
    ["ubuntu:24.04", "24.04", "noble", "Ubuntu 24.04.3 LTS"],
    ["ubuntu:22.04", "22.04", "jammy", "Ubuntu 22.04.5 LTS"],
    ["ubuntu:20.04", "20.04", "focal", "Ubuntu 20.04.6 LTS"],
  ])("%s is Ubuntu %s", (ref, versionId, codename, pretty) => {
    expect(osRelease(ref)).toMatchObject({ ID: "ubuntu", ID_LIKE: "debian", VERSION_ID: versionId, VERSION_CODENAME: codename, PRETTY_NAME: pretty });
    expect(read(imageFs(ref).fs, "/etc/lsb-release")).toContain(`DISTRIB_CODENAME=${codename}\n`);
  });

  it("merges /usr where the release does, and keeps real /bin on focal and bullseye", () => {
    expect(imageFs("debian:bookworm").fs.entry("/bin")).toMatchObject({ type: "symlink", target: "usr/bin" });
    expect(imageFs("ubuntu:24.04").fs.entry("/lib64")).toMatchObject({ type: "symlink", target: "usr/lib64" });
    for (const ref of ["ubuntu:20.04", "debian:bullseye"]) {
      const { fs } = imageFs(ref);
      expect(fs.entry("/bin")?.type, ref).toBe("dir");
      expect(fs.entry("/bin/sh"), ref).toMatchObject({ type: "symlink", target: "dash" });
      expect(executable(fs, "/bin/ls"), ref).toBe(true);
      expect(executable(fs, "/usr/bin/apt-get"), ref).toBe(true);
    }
  });

  it("has bash, dash as sh, coreutils and apt, but not procps, iproute2 or curl", () => {
    const { fs } = imageFs("debian:trixie-slim");
    expect(fs.entry("/usr/bin/sh")).toMatchObject({ type: "symlink", target: "dash" });
    for (const name of ["bash", "dash", "ls", "cat", "env", "id", "whoami", "hostname", "sed", "grep", "tar", "gzip", "apt-get", "dpkg", "find", "awk"]) {
      expect(executable(fs, `/bin/${name}`), name).toBe(true);
    }
    for (const name of ["ps", "ip", "ping", "curl", "wget", "less", "vi"]) expect(fs.entry(`/usr/bin/${name}`), name).toBeUndefined();
  });

  it("lists base-passwd's users, and Ubuntu 24.04's ubuntu user", () => {
    const passwd = read(imageFs("debian:bookworm").fs, "/etc/passwd") ?? "";
    expect(passwd.split("\n").map((l) => l.split(":")[0])).toEqual([
      "root", "daemon", "bin", "sys", "sync", "games", "man", "lp", "mail", "news", "uucp", "proxy", "www-data",
      "backup", "list", "irc", "_apt", "nobody", "",
    ]);
    expect(read(imageFs("ubuntu:24.04").fs, "/etc/passwd")).toContain("\nubuntu:x:1000:1000:Ubuntu:/home/ubuntu:/bin/bash\n");
    expect(read(imageFs("ubuntu:22.04").fs, "/etc/passwd")).not.toContain("ubuntu:");
    expect(read(imageFs("debian:bullseye").fs, "/etc/passwd")).toContain("\ngnats:x:41:41:");
  });

  it("sets the root@host:dir# prompt and records the installed packages", () => {
    const { fs } = imageFs("debian:bookworm");
    expect(read(fs, "/etc/bash.bashrc")).toContain("PS1='${debian_chroot:+($debian_chroot)}\\u@\\h:\\w\\$ '");
    expect(read(fs, "/root/.profile")).toContain(". ~/.bashrc");
    expect(read(fs, "/var/lib/dpkg/status")).toContain("Package: bash\nEssential: yes\nStatus: install ok installed\n");
    expect(read(fs, "/etc/apt/sources.list.d/debian.sources")).toContain("Suites: bookworm bookworm-updates\n");
  });

  it("keeps documentation out of the slim images", () => {
    expect(imageFs("debian:bookworm").fs.entry("/usr/share/man/man1/ls.1.gz")).toBeDefined();
    const slim = imageFs("debian:bookworm-slim").fs;
    expect(slim.entry("/usr/share/man")).toBeUndefined();
    expect(read(slim, "/etc/dpkg/dpkg.cfg.d/docker")).toContain("path-exclude /usr/share/doc/*\n");
  });
});

describe("oracle linux (mysql's base) and hello-world", () => {
  it("identifies Oracle Linux 9 and runs bash as sh", () => {
    const { fs } = imageFs("mysql:8.4");
    expect(read(fs, "/etc/os-release")).toContain('PRETTY_NAME="Oracle Linux Server 9.6"');
    expect(read(fs, "/etc/redhat-release")).toBe("Oracle Linux Server release 9.6\n");
    expect(fs.entry("/usr/bin/sh")).toMatchObject({ type: "symlink", target: "bash" });
  });

  it("holds nothing but /hello", () => {
    const { fs } = imageFs("hello-world:latest");
    expect(fs.list("/")).toEqual(["hello"]);
    expect(executable(fs, "/hello")).toBe(true);
  });
});
