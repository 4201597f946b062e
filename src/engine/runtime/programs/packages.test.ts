import { describe, expect, it } from "vitest";
import { aptSize } from "./apt.js";
import { finish, standalone, type TestContainer } from "./testing/container.js";

async function sh(c: TestContainer, script: string) {
  const r = await finish(c.run(["sh", "-c", script]), c.clock, 100);
  return { out: r.out(), err: r.err(), code: r.code() };
}

describe("apk", () => {
  it("fetches the indexes, installs dependencies first, and makes the command appear", async () => {
    const c = standalone("alpine");
    expect((await sh(c, "curl -s x")).code).toBe(127);
    const started = c.clock.now();
    const add = await sh(c, "apk add jq");
    expect(add.out).toBe(
      "fetch https://dl-cdn.alpinelinux.org/alpine/v3.22/main/x86_64/APKINDEX.tar.gz\n" +
        "fetch https://dl-cdn.alpinelinux.org/alpine/v3.22/community/x86_64/APKINDEX.tar.gz\n" +
        "(1/2) Installing oniguruma (6.9.10-r0)\n(2/2) Installing jq (1.8.1-r0)\n" +
        "Executing busybox-1.37.0-r19.trigger\nOK: 9 MiB in 17 packages\n",
    );
    expect(c.clock.now() - started).toBeGreaterThan(0);
    // The indexes are cached now: no fetch the second time.
    const curl = await sh(c, "apk add curl >/dev/null; which curl; apk info -e curl; grep -c '^P:' /lib/apk/db/installed; cat /etc/apk/world");
    expect(curl.out).toBe("/usr/bin/curl\ncurl\n26\nalpine-baselayout\nalpine-keys\nalpine-release\napk-tools\nbusybox\ncurl\njq\nmusl-utils\n");
    const changed = c.root.changes().map((ch) => ch.Path);
    expect(changed).toEqual(expect.arrayContaining(["/usr/bin/curl", "/usr/bin/jq", "/lib/apk/db/installed", "/etc/apk/world"]));
  });

  it("refuses an unknown package as apk does, and purges what a package brought in", async () => {
    const c = standalone("alpine");
    expect(await sh(c, "apk add --no-cache nope")).toEqual({
      out: "fetch https://dl-cdn.alpinelinux.org/alpine/v3.22/main/x86_64/APKINDEX.tar.gz\nfetch https://dl-cdn.alpinelinux.org/alpine/v3.22/community/x86_64/APKINDEX.tar.gz\n",
      err: "ERROR: unable to select packages:\n  nope (no such package):\n    required by: world[nope]\n",
      code: 1,
    });
    await sh(c, "apk add --no-cache jq");
    expect((await sh(c, "apk del jq")).out).toBe("(1/2) Purging jq (1.8.1-r0)\n(2/2) Purging oniguruma (6.9.10-r0)\nExecuting busybox-1.37.0-r19.trigger\nOK: 8 MiB in 15 packages\n");
    expect((await sh(c, "jq --version")).code).toBe(127);
  });

  it("replaces busybox's ps with procps-ng's", async () => {
    const c = standalone("alpine");
    await sh(c, "apk add --no-cache procps");
    expect((await sh(c, "ps aux")).out).toMatch(/^USER {9}PID %CPU %MEM/);
  });
});

describe("apt-get", () => {
  it("knows no packages before apt-get update, as a fresh image", async () => {
    const c = standalone("debian");
    expect(await sh(c, "apt-get install -y curl")).toEqual({
      out: "Reading package lists...\nBuilding dependency tree...\nReading state information...\n",
      err: "E: Unable to locate package curl\n",
      code: 100,
    });
  });

  it("updates, installs with dependencies, and records them in dpkg's status", async () => {
    const c = standalone("debian");
    const update = await sh(c, "apt-get update");
    expect(update.out).toBe(
      "Get:1 http://deb.debian.org/debian trixie InRelease [140 kB]\nGet:2 http://deb.debian.org/debian trixie-updates InRelease [47.3 kB]\n" +
        "Get:3 http://deb.debian.org/debian-security trixie-security InRelease [43.4 kB]\nGet:4 http://deb.debian.org/debian trixie/main amd64 Packages [9669 kB]\n" +
        "Get:5 http://deb.debian.org/debian trixie-updates/main amd64 Packages [5412 B]\nGet:6 http://deb.debian.org/debian-security trixie-security/main amd64 Packages [37.3 kB]\n" +
        "Fetched 9942 kB in 1s (9942 kB/s)\nReading package lists...\n",
    );
    const install = await sh(c, "apt-get install -y jq");
    expect(install.out).toContain("The following additional packages will be installed:\n  libjq1 libonig5\nThe following NEW packages will be installed:\n  jq libjq1 libonig5\n0 upgraded, 3 newly installed, 0 to remove and 0 not upgraded.\n");
    expect(install.out).toContain("Unpacking libonig5:amd64 (6.9.9-1+b1) ...\n");
    expect(install.out).toContain("Setting up jq (1.7.1-6) ...\nProcessing triggers for libc-bin (2.41-12) ...\n");
    expect((await sh(c, "which jq; grep -A1 '^Package: jq$' /var/lib/dpkg/status")).out).toBe("/usr/bin/jq\nPackage: jq\nStatus: install ok installed\n");
    expect((await sh(c, "apt-get install -y jq")).out).toContain("jq is already the newest version (1.7.1-6).\n");
  });

  it("asks before installing more than was named, and aborts without a terminal", async () => {
    const c = standalone("debian");
    await sh(c, "apt-get update");
    const asked = await sh(c, "apt-get install procps");
    expect(asked.out).toMatch(/Do you want to continue\? \[Y\/n\] Abort\.\n$/);
    expect(asked.code).toBe(1);
  });

  it("writes sizes as apt does", () => {
    expect([aptSize(5412), aptSize(47_300), aptSize(9_669_000), aptSize(11_400_000)]).toEqual(["5412 B", "47.3 kB", "9669 kB", "11.4 MB"]);
  });
});
