// testcontainers (Node) against our daemon: it pulls, creates a container with an ephemeral
// published port, waits until the port answers on the host and inside the container (its check
// reads /proc/net/tcp), and a real Redis conversation goes over the real TCP port.
import { connect } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startDaemon, type Daemon } from "../../src/node/index.js";

describe("testcontainers against the daemon", () => {
  let daemon: Daemon;

  beforeAll(async () => {
    // Other test files run daemons at the same time, publishing from 32768 on this host.
    daemon = await startDaemon({ hosts: ["tcp://127.0.0.1:0"], firstEphemeralPort: 45000 + Math.floor(Math.random() * 5000) });
    process.env["DOCKER_HOST"] = `tcp://${daemon.addresses[0] ?? ""}`;
    // The reaper is a container of its own (testcontainers/ryuk), not in our registry.
    process.env["TESTCONTAINERS_RYUK_DISABLED"] = "true";
  }, 30_000);
  afterAll(async () => {
    delete process.env["DOCKER_HOST"];
    await daemon.close();
  });

  it("starts redis, waits for its port, and talks to it", async () => {
    const { GenericContainer } = await import("testcontainers");
    // The default wait: the host port answers, and inside the container /proc/net/tcp lists it.
    const container = await new GenericContainer("redis:7").withExposedPorts(6379).start();
    try {
      const reply = await new Promise<string>((resolve, reject) => {
        const socket = connect(container.getMappedPort(6379), container.getHost(), () => socket.write("SET greeting hello\r\nGET greeting\r\n"));
        let text = "";
        socket.on("data", (d: Buffer) => {
          text += d.toString();
          if (text.includes("hello\r\n")) {
            socket.end();
            resolve(text);
          }
        });
        socket.on("error", reject);
      });
      expect(reply).toBe("+OK\r\n$5\r\nhello\r\n");
      expect((await container.exec(["redis-cli", "GET", "greeting"])).output).toBe("hello\n");
      // What that check looked for inside the container.
      const check = await container.exec(["/bin/sh", "-c", "cat /proc/net/tcp* | awk '{print $2}' | grep -i :18EB"]);
      expect(check).toMatchObject({ exitCode: 0, output: "00000000:18EB\n00000000000000000000000000000000:18EB\n" });
    } finally {
      await container.stop();
    }
  }, 120_000);
});
