import { mkdtempSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { addressHex, BusyPorts } from "./busy-ports.js";

const header = "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n";

/** A /proc/net as the kernel writes it: 127.0.0.1:8080 and *:5432 listening, 9000 only connected. */
function fakeProcNet(): string {
  const dir = mkdtempSync(join(tmpdir(), "procnet-"));
  writeFileSync(
    join(dir, "tcp"),
    header +
      "   0: 0100007F:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 1 1 0000000000000000 100 0 0 10 0\n" +
      "   1: 0100007F:2328 0100007F:D431 01 00000000:00000000 00:00000000 00000000     0        0 2 1 0000000000000000 20 4 30 10 -1\n",
  );
  writeFileSync(
    join(dir, "tcp6"),
    header + "   0: 00000000000000000000000000000000:1538 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 3 1 0000000000000000 100 0 0 10 0\n",
  );
  writeFileSync(join(dir, "udp"), header + "   0: 00000000:14E9 00000000:0000 07 00000000:00000000 00:00000000 00000000     0        0 4 2 0000000000000000 0\n");
  return dir;
}

describe("ports held on the host", () => {
  it("reads listening sockets from the kernel's tables: an address, or any on a wildcard", () => {
    const busy = new BusyPorts(fakeProcNet());
    expect(busy.busy("tcp", "0.0.0.0", 8080)).toBe(true);
    expect(busy.busy("tcp", "127.0.0.1", 8080)).toBe(true);
    expect(busy.busy("tcp", "10.1.2.3", 8080)).toBe(false);
    expect(busy.busy("tcp", "::", 8080)).toBe(true);
    expect(busy.busy("tcp", "10.1.2.3", 5432)).toBe(true);
    expect(busy.busy("tcp", "0.0.0.0", 9000)).toBe(false);
    expect(busy.busy("udp", "0.0.0.0", 5353)).toBe(true);
    expect(busy.busy("udp", "0.0.0.0", 8080)).toBe(false);
    expect(busy.busy("sctp", "0.0.0.0", 8080)).toBe(false);
  });

  it("counts nothing as busy where the tables cannot be read", () => {
    expect(new BusyPorts(join(tmpdir(), "no-such-proc-net")).busy("tcp", "0.0.0.0", 80)).toBe(false);
  });

  it("writes addresses as the tables do, IPv4 mapped into IPv6", () => {
    expect(addressHex("127.0.0.1")).toBe("00000000000000000000ffff7f000001");
    expect(addressHex("::1")).toBe("00000000000000000000000000000001");
    expect(addressHex("fe80::1:2")).toBe("fe800000000000000000000000010002");
    expect(addressHex("nonsense")).toBeUndefined();
  });

  describe.skipIf(process.platform !== "linux")("on this host", () => {
    let server: Server;
    afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

    it("sees a port a program listens on", async () => {
      server = createServer();
      const port = await new Promise<number>((resolve) => server.listen(0, "127.0.0.1", () => resolve((server.address() as { port: number }).port)));
      const busy = new BusyPorts();
      expect(busy.busy("tcp", "0.0.0.0", port)).toBe(true);
      expect(busy.busy("tcp", "127.0.0.1", port)).toBe(true);
    });
  });
});
