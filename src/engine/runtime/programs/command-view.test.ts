import { describe, expect, it } from "vitest";
import { finish, standalone, type TestContainer } from "./testing/container.js";

async function sh(c: TestContainer, script: string) {
  const r = await finish(c.run(["sh", "-c", script]), c.clock);
  return { out: r.out(), err: r.err(), code: r.code() };
}

describe("looking a command up", () => {
  it("prints where the image keeps it, not where the shell's search is shown it", async () => {
    const nginx = standalone("nginx");
    expect(await sh(nginx, "which nginx; command -v nginx; type nginx; command -V nginx; type -P nginx")).toEqual({
      out: "/usr/sbin/nginx\n/usr/sbin/nginx\nnginx is /usr/sbin/nginx\nnginx is /usr/sbin/nginx\n/usr/sbin/nginx\n",
      err: "",
      code: 0,
    });
    expect((await sh(nginx, "which ls; command -v ls; type ls")).out).toBe("/usr/bin/ls\n/usr/bin/ls\nls is /usr/bin/ls\n");
    // Debian's /bin is a link to /usr/bin: `which -a` finds ls through both.
    expect((await sh(nginx, "which -a ls")).out).toBe("/usr/bin/ls\n/bin/ls\n");
  });

  it("follows the image's layout and $PATH order", async () => {
    const alpine = standalone("alpine");
    expect((await sh(alpine, "which ls apk adduser; command -v ls; command -v apk; type ls apk ip")).out).toBe(
      "/bin/ls\n/sbin/apk\n/usr/sbin/adduser\n/bin/ls\n/sbin/apk\nls is /bin/ls\napk is /sbin/apk\nip is /sbin/ip\n",
    );
    const python = standalone("python");
    expect((await sh(python, "which python3; type python3")).out).toBe("/usr/local/bin/python3\npython3 is /usr/local/bin/python3\n");
  });

  it("answers the same inside functions and command substitutions, and leaves no trace of how", async () => {
    const nginx = standalone("nginx");
    expect((await sh(nginx, 'where() { type "$1"; }; where nginx; echo "[$(type -p nginx)]"')).out).toBe("nginx is /usr/sbin/nginx\n[/usr/sbin/nginx]\n");
    expect(await sh(nginx, "set -x; type nginx")).toEqual({ out: "nginx is /usr/sbin/nginx\n", err: "+ type nginx\n", code: 0 });
    expect((await sh(nginx, "PATH=/bin; echo $PATH; type ls")).out).toBe("/bin\nls is /bin/ls\n");
  });
});

describe("the files of commands", () => {
  it("are there to list, stat, read and test wherever they are", async () => {
    const nginx = standalone("nginx");
    const listed = await sh(nginx, "ls -l /usr/sbin/nginx");
    expect(listed.code).toBe(0);
    expect(listed.out).toMatch(/^-\S+ +1 .* \/usr\/sbin\/nginx\n$/);
    expect(await sh(nginx, "stat -c %n /usr/sbin/nginx; head -c 4 /usr/sbin/nginx | od -c | head -1; test -x /usr/sbin/nginx && echo executable")).toEqual({
      out: "/usr/sbin/nginx\n0000000  177   E   L   F\nexecutable\n",
      err: "",
      code: 0,
    });
    expect((await sh(nginx, "ls /usr/sbin | grep -x nginx; [ -f /sbin/nginx ] && echo also-by-the-sbin-link")).out).toBe("nginx\nalso-by-the-sbin-link\n");
  });

  it("are not made up where the image has none", async () => {
    const nginx = standalone("nginx");
    expect(await sh(nginx, "test -e /usr/bin/nginx || echo none; ls -l /usr/bin/nginx")).toEqual({
      out: "none\n",
      err: "ls: /usr/bin/nginx: No such file or directory\n",
      code: 2,
    });
  });
});

describe("running a command", () => {
  it("runs the playground's own implementation wherever the image keeps the file", async () => {
    const nginx = standalone("nginx");
    expect(await sh(nginx, "type nginx >/dev/null; nginx -t; nginx -v")).toEqual({
      out: "",
      err:
        "nginx: the configuration file /etc/nginx/nginx.conf syntax is ok\nnginx: configuration file /etc/nginx/nginx.conf test is successful\n" +
        "nginx version: nginx/1.29.3\n",
      code: 0,
    });
    // Whatever `type` was shown does not carry over to the next search, whatever PATH it follows.
    expect((await sh(nginx, "type nginx >/dev/null; PATH=/usr/bin:/usr/sbin; nginx -v")).err).toBe("nginx version: nginx/1.29.3\n");
    expect((await sh(standalone("alpine"), "apk --version | head -1; ps | tail -1")).out).toBe("apk-tools 2.14.9, compiled for x86_64.\n    7 root      0:00 ps\n");
    expect((await sh(standalone("python"), "python3 --version")).out).toBe("Python 3.14.0\n");
    expect((await sh(standalone("node"), "node --version")).out).toBe("v25.1.0\n");
  });

  it("runs it by its full path too, from any standard directory", async () => {
    const nginx = standalone("nginx");
    expect(await sh(nginx, "/usr/sbin/nginx -v; /usr/sbin/nginx -t >/dev/null 2>&1; echo $?")).toEqual({ out: "0\n", err: "nginx version: nginx/1.29.3\n", code: 0 });
    expect((await sh(standalone("alpine"), "/sbin/apk --version | head -1")).out).toBe("apk-tools 2.14.9, compiled for x86_64.\n");
  });

  it("is not found when the image lacks it, in the shell's own words", async () => {
    expect(await sh(standalone("debian"), "ps")).toEqual({ out: "", err: "sh: 1: ps: not found\n", code: 127 });
    expect(await sh(standalone("nginx"), "nope")).toEqual({ out: "", err: "sh: 1: nope: not found\n", code: 127 });
    expect(await sh(standalone("alpine"), "nope; which nope || echo $?")).toEqual({ out: "1\n", err: "sh: nope: not found\n", code: 0 });
  });
});
