// The terminal's machine on the playground's network: `curl localhost:8080` reaches the
// container publishing port 8080, container addresses are routable as on a Linux host, and
// container names mean nothing here (no embedded DNS on the host).
import type { Network } from "../bash/index.js";
import { httpExchange, type Clock, type NetStack } from "../engine/index.js";

export function hostNetwork(stack: () => NetStack, clock: Clock): Network {
  return {
    resolve(name) {
      const found = stack().resolve({ kind: "host" }, name);
      return found.ok ? found.address : undefined;
    },
    dial(address, port) {
      const connection = stack().connect({ kind: "host" }, address, port);
      if (!connection.ok) return connection;
      return { ok: true, exchange: (request) => httpExchange(connection, request) };
    },
    now: () => clock.now(),
    sleep: (ms) => new Promise<void>((resolve) => void clock.setTimer(ms, resolve)),
    nameserver: () => "127.0.0.53",
    rtt: () => 0.045,
  };
}
