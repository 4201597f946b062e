import { describe, expect, it } from "vitest";
import { finish, standalone, TestNetwork, until, type TestContainer } from "./testing/container.js";

async function sh(c: TestContainer, script: string, user?: string) {
  const r = await finish(c.run(["sh", "-c", script], user === undefined ? {} : { user }), c.clock);
  return { out: r.out(), err: r.err(), code: r.code() };
}

describe("ps and top", () => {
  it("list PID 1 and themselves in busybox's format", async () => {
    const c = standalone("alpine");
    expect((await sh(c, "ps")).out).toBe("PID   USER     TIME  COMMAND\n    1 root      0:00 sh -c ps\n    7 root      0:00 ps\n");
    const top = await sh(c, "top -b -n 1");
    expect(top.out).toMatch(/^Mem: 583384K used, 6463664K free, 3988K shrd, 20532K buff, 961776K cached\nCPU: {3}0% usr/);
    expect(top.out).toContain("  PID  PPID USER     STAT   VSZ %VSZ CPU %CPU COMMAND\n    1     0 root     S     1696   0%");
    expect(top.out).toMatch(/\n {4}7 {5}1 root {5}R {5}1624 {3}0% {3}\d {3}0% top -b -n 1\n$/);
  });

  it("is missing from debian until procps is installed, then speaks procps", async () => {
    const c = standalone("debian");
    expect((await sh(c, "ps")).code).toBe(127);
    c.root.put("/usr/bin/ps", { type: "file", content: "\x7fELF ps", mode: 0o755, mtime: 0 });
    const aux = await sh(c, "ps aux");
    expect(aux.out).toBe(
      "USER         PID %CPU %MEM    VSZ   RSS TTY      STAT START   TIME COMMAND\n" +
        "root           1  0.0  0.0   2580  1536 ?        Ss   09:00   0:00 sh -c ps aux\n" +
        "root           7  0.0  0.1   8088  4096 ?        R    09:00   0:00 ps aux\n",
    );
    expect((await sh(c, "ps -ef")).out).toBe(
      "UID          PID    PPID  C STIME TTY          TIME CMD\nroot           1       0  0 09:00 ?        00:00:00 sh -c ps -ef\nroot           7       0  0 09:00 ?        00:00:00 ps -ef\n",
    );
  });
});

describe("id, whoami and groups", () => {
  it("read the account files the way runc resolves the user", async () => {
    const alpine = standalone("alpine");
    expect((await sh(alpine, "id; whoami; groups")).out).toBe(
      "uid=0(root) gid=0(root) groups=0(root),1(bin),2(daemon),3(sys),4(adm),6(disk),10(wheel),11(floppy),20(dialout),26(tape),27(video)\nroot\nroot bin daemon sys adm disk wheel floppy dialout tape video\n",
    );
    expect((await sh(alpine, "id", "nobody")).out).toBe("uid=65534(nobody) gid=65534(nobody) groups=65534(nobody)\n");
    expect(await sh(alpine, "id; whoami", "1000")).toEqual({ out: "uid=1000 gid=0(root) groups=0(root)\n", err: "whoami: unknown uid 1000\n", code: 1 });
    expect((await sh(alpine, "id -un; id -g; id -Gn", "guest")).out).toBe("guest\n100\nusers\n");
    const debian = standalone("debian");
    expect((await sh(debian, "id; whoami; groups")).out).toBe("uid=0(root) gid=0(root) groups=0(root)\nroot\nroot\n");
    expect((await sh(debian, "whoami", "4242")).err).toBe("whoami: cannot find name for user ID 4242\n");
  });
});

describe("uname, free and df", () => {
  it("describe Docker Desktop's VM in busybox's and GNU's layouts", async () => {
    const alpine = standalone("alpine");
    expect((await sh(alpine, "uname -a; uname -r; uname")).out).toBe(
      "Linux 0123456789ab 6.10.14-linuxkit #1 SMP Thu Mar 20 16:32:56 UTC 2025 x86_64 Linux\n6.10.14-linuxkit\nLinux\n",
    );
    expect((await sh(alpine, "free")).out).toBe(
      "              total        used        free      shared  buff/cache   available\nMem:        8029356      583384     6463664        3988      982308     7210276\nSwap:       1048572           0     1048572\n",
    );
    expect((await sh(alpine, "df -h | head -3")).out).toBe(
      "Filesystem                Size      Used Available Use% Mounted on\noverlay                  58.4G     12.3G     43.1G  22% /\ntmpfs                    64.0M         0     64.0M   0% /dev\n",
    );
    const debian = standalone("debian");
    expect((await sh(debian, "uname -a")).out).toBe("Linux 0123456789ab 6.10.14-linuxkit #1 SMP Thu Mar 20 16:32:56 UTC 2025 x86_64 GNU/Linux\n");
    expect((await sh(debian, "df -h")).out).toBe(
      "Filesystem      Size  Used Avail Use% Mounted on\noverlay          59G   13G   44G  23% /\ntmpfs            64M     0   64M   0% /dev\nshm              64M     0   64M   0% /dev/shm\n" +
        "/dev/vda1        59G   13G   44G  23% /etc/hosts\ntmpfs           3.9G     0  3.9G   0% /proc/acpi\ntmpfs           3.9G     0  3.9G   0% /proc/scsi\ntmpfs           3.9G     0  3.9G   0% /sys/firmware\n",
    );
  });
});

describe("ip, ifconfig and hostname -i", () => {
  it("show lo and an eth per network with the container's address", async () => {
    const net = new TestNetwork();
    net.container("nginx", "web");
    const c = net.container("alpine", "client");
    const { out } = await sh(c, "hostname -i; ip a; ip route");
    expect(out).toBe(
      "172.18.0.3\n" +
        "1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN qlen 1000\n    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00\n" +
        "    inet 127.0.0.1/8 scope host lo\n       valid_lft forever preferred_lft forever\n" +
        "13: eth0@if14: <BROADCAST,MULTICAST,UP,LOWER_UP,M-DOWN> mtu 1500 qdisc noqueue state UP \n    link/ether 02:42:ac:12:00:03 brd ff:ff:ff:ff:ff:ff\n" +
        "    inet 172.18.0.3/16 brd 172.18.255.255 scope global eth0\n       valid_lft forever preferred_lft forever\n" +
        "default via 172.18.0.1 dev eth0 \n172.18.0.0/16 dev eth0 scope link  src 172.18.0.3 \n",
    );
    const ifconfig = (await sh(c, "ifconfig eth0")).out;
    expect(ifconfig).toMatch(/^eth0 {6}Link encap:Ethernet {2}HWaddr 02:42:AC:12:00:03 {2}\n {10}inet addr:172\.18\.0\.3 {2}Bcast:172\.18\.255\.255 {2}Mask:255\.255\.0\.0\n/);
    expect((await sh(c, "ip addr show dev eth9")).err).toBe("ip: can't find device 'eth9'\n");
    expect((await sh(c, "apk add --no-cache bind-tools >/dev/null && dig +short web && host web && host nope")).out).toBe("172.18.0.2\nweb has address 172.18.0.2\nHost nope not found: 3(NXDOMAIN)\n");
  });
});

describe("nc", () => {
  it("probes ports and talks HTTP to a listener", async () => {
    const net = new TestNetwork();
    const web = net.container("nginx", "web");
    const server = web.run(["nginx", "-g", "daemon off;"]);
    const c = net.container("alpine", "client");
    await until(() => server.err().includes("start worker process"));
    expect(await sh(c, "nc -z web 80; echo $?; nc -z web 81; echo $?; nc -zv web 80")).toEqual({ out: "0\n1\n", err: "web (172.18.0.2:80) open\n", code: 0 });
    const http = await sh(c, "printf 'GET / HTTP/1.0\\r\\n\\r\\n' | nc web 80 | head -1");
    expect(http.out).toBe("HTTP/1.1 200 OK\r\n");
    expect((await sh(c, "nc nope 80")).err).toBe("nc: bad address 'nope'\n");
  });
});

describe("a service program run from a shell", () => {
  it("hands a quick answer to the shell, so pipes, redirections and $(…) take it", async () => {
    const c = standalone("nginx");
    expect(await sh(c, 'nginx -v 2>&1 | tr a-z A-Z; v=$(nginx -v 2>&1); echo "[$v]"; nginx -t >/dev/null 2>&1 && echo tested')).toEqual({
      out: "NGINX VERSION: NGINX/1.29.3\n[nginx version: nginx/1.29.3]\ntested\n",
      err: "",
      code: 0,
    });
  });

  it("streams a server's output as it comes, before the server ever ends", async () => {
    const c = standalone("nginx");
    const server = c.run(["sh", "-c", "echo starting; nginx -g 'daemon off;'"]);
    await until(() => server.err().includes("start worker process"));
    expect(server.out()).toContain("starting\n");
    expect(server.code()).toBeUndefined();
  });
});
