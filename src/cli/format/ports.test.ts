import { describe, expect, it } from "vitest";
import { displayablePorts, joinHostPort, type PortSummary } from "./ports.js";

// Every case of docker/cli's TestDisplayablePorts (cli/command/formatter/container_test.go).
const cases: [PortSummary[], string][] = [
  [[{ PrivatePort: 9988, Type: "tcp" }], "9988/tcp"],
  [[{ PrivatePort: 9988, Type: "udp" }], "9988/udp"],
  [[{ IP: "0.0.0.0", PrivatePort: 9988, Type: "tcp" }], "0.0.0.0:0->9988/tcp"],
  [[{ IP: "::", PrivatePort: 9988, Type: "tcp" }], "[::]:0->9988/tcp"],
  [[{ PrivatePort: 9988, PublicPort: 8899, Type: "tcp" }], "9988/tcp"],
  [[{ IP: "4.3.2.1", PrivatePort: 9988, PublicPort: 8899, Type: "tcp" }], "4.3.2.1:8899->9988/tcp"],
  [[{ IP: "::1", PrivatePort: 9988, PublicPort: 8899, Type: "tcp" }], "[::1]:8899->9988/tcp"],
  [[{ IP: "4.3.2.1", PrivatePort: 9988, PublicPort: 9988, Type: "tcp" }], "4.3.2.1:9988->9988/tcp"],
  [[{ IP: "::1", PrivatePort: 9988, PublicPort: 9988, Type: "tcp" }], "[::1]:9988->9988/tcp"],
  [[{ PrivatePort: 9988, Type: "udp" }, { PrivatePort: 9988, Type: "udp" }], "9988/udp, 9988/udp"],
  [
    [
      { IP: "1.2.3.4", PublicPort: 9998, PrivatePort: 9998, Type: "udp" },
      { IP: "1.2.3.4", PublicPort: 9999, PrivatePort: 9999, Type: "udp" },
    ],
    "1.2.3.4:9998-9999->9998-9999/udp",
  ],
  [
    [
      { IP: "::1", PublicPort: 9998, PrivatePort: 9998, Type: "udp" },
      { IP: "::1", PublicPort: 9999, PrivatePort: 9999, Type: "udp" },
    ],
    "[::1]:9998-9999->9998-9999/udp",
  ],
  [
    [
      { IP: "1.2.3.4", PublicPort: 8887, PrivatePort: 9998, Type: "udp" },
      { IP: "1.2.3.4", PublicPort: 8888, PrivatePort: 9999, Type: "udp" },
    ],
    "1.2.3.4:8887->9998/udp, 1.2.3.4:8888->9999/udp",
  ],
  [
    [
      { IP: "::1", PublicPort: 8887, PrivatePort: 9998, Type: "udp" },
      { IP: "::1", PublicPort: 8888, PrivatePort: 9999, Type: "udp" },
    ],
    "[::1]:8887->9998/udp, [::1]:8888->9999/udp",
  ],
  [[{ PrivatePort: 9998, Type: "udp" }, { PrivatePort: 9999, Type: "udp" }], "9998-9999/udp"],
  [
    [
      { IP: "1.2.3.4", PrivatePort: 6677, PublicPort: 7766, Type: "tcp" },
      { PrivatePort: 9988, PublicPort: 8899, Type: "udp" },
    ],
    "9988/udp, 1.2.3.4:7766->6677/tcp",
  ],
  [
    [
      { IP: "1.2.3.4", PrivatePort: 9988, PublicPort: 8899, Type: "udp" },
      { IP: "1.2.3.4", PrivatePort: 9988, PublicPort: 8899, Type: "tcp" },
      { IP: "4.3.2.1", PrivatePort: 2233, PublicPort: 3322, Type: "tcp" },
      { IP: "::1", PrivatePort: 2233, PublicPort: 3322, Type: "tcp" },
    ],
    "4.3.2.1:3322->2233/tcp, [::1]:3322->2233/tcp, 1.2.3.4:8899->9988/tcp, 1.2.3.4:8899->9988/udp",
  ],
  [
    [
      { PrivatePort: 9988, PublicPort: 8899, Type: "udp" },
      { IP: "1.2.3.4", PrivatePort: 6677, PublicPort: 7766, Type: "tcp" },
      { IP: "4.3.2.1", PrivatePort: 2233, PublicPort: 3322, Type: "tcp" },
    ],
    "9988/udp, 4.3.2.1:3322->2233/tcp, 1.2.3.4:7766->6677/tcp",
  ],
  [
    [
      { PrivatePort: 80, Type: "tcp" },
      { PrivatePort: 1024, Type: "tcp" },
      { PrivatePort: 80, Type: "udp" },
      { PrivatePort: 1024, Type: "udp" },
      { IP: "1.1.1.1", PublicPort: 80, PrivatePort: 1024, Type: "tcp" },
      { IP: "1.1.1.1", PublicPort: 80, PrivatePort: 1024, Type: "udp" },
      { IP: "1.1.1.1", PublicPort: 1024, PrivatePort: 80, Type: "tcp" },
      { IP: "1.1.1.1", PublicPort: 1024, PrivatePort: 80, Type: "udp" },
      { IP: "2.1.1.1", PublicPort: 80, PrivatePort: 1024, Type: "tcp" },
      { IP: "2.1.1.1", PublicPort: 80, PrivatePort: 1024, Type: "udp" },
      { IP: "2.1.1.1", PublicPort: 1024, PrivatePort: 80, Type: "tcp" },
      { IP: "2.1.1.1", PublicPort: 1024, PrivatePort: 80, Type: "udp" },
      { PrivatePort: 12345, Type: "sctp" },
    ],
    "80/tcp, 80/udp, 1024/tcp, 1024/udp, 12345/sctp, 1.1.1.1:1024->80/tcp, 1.1.1.1:1024->80/udp, " +
      "2.1.1.1:1024->80/tcp, 2.1.1.1:1024->80/udp, 1.1.1.1:80->1024/tcp, 1.1.1.1:80->1024/udp, " +
      "2.1.1.1:80->1024/tcp, 2.1.1.1:80->1024/udp",
  ],
];

describe("displayablePorts", () => {
  it.each(cases)("case %#", (ports, expected) => {
    expect(displayablePorts(ports)).toBe(expected);
  });

  it("shows the reference's published-port examples", () => {
    expect(displayablePorts([{ PrivatePort: 80, PublicPort: 81, Type: "tcp" }, { PrivatePort: 81, Type: "tcp" }, { PrivatePort: 82, Type: "tcp" }])).toBe("80-82/tcp");
    expect(displayablePorts([{ IP: "8.8.8.8", PrivatePort: 82, PublicPort: 82, Type: "tcp" }])).toBe("8.8.8.8:82->82/tcp");
    expect(
      displayablePorts([
        { IP: "::", PrivatePort: 80, PublicPort: 8080, Type: "tcp" },
        { IP: "0.0.0.0", PrivatePort: 80, PublicPort: 8080, Type: "tcp" },
      ]),
    ).toBe("0.0.0.0:8080->80/tcp, [::]:8080->80/tcp");
    expect(
      displayablePorts([
        { IP: "::", PrivatePort: 80, PublicPort: 80, Type: "tcp" },
        { IP: "0.0.0.0", PrivatePort: 80, PublicPort: 80, Type: "tcp" },
      ]),
    ).toBe("0.0.0.0:80->80/tcp, [::]:80->80/tcp");
  });

  it("flushes a broken run at once but keeps the key's first place for the open group", () => {
    const ports = [
      { PrivatePort: 80, Type: "tcp" },
      { PrivatePort: 80, Type: "udp" },
      { PrivatePort: 90, Type: "tcp" },
    ];
    expect(displayablePorts(ports)).toBe("80/tcp, 90/tcp, 80/udp");
  });

  it("does not reorder the caller's array", () => {
    const ports = [{ PrivatePort: 2, Type: "tcp" }, { PrivatePort: 1, Type: "tcp" }];
    displayablePorts(ports);
    expect(ports[0]?.PrivatePort).toBe(2);
  });

  it("prints nothing for a stopped container", () => {
    expect(displayablePorts([])).toBe("");
  });

  it("brackets IPv6 hosts only", () => {
    expect(joinHostPort("::1", 80)).toBe("[::1]:80");
    expect(joinHostPort("127.0.0.1", "80")).toBe("127.0.0.1:80");
  });
});
