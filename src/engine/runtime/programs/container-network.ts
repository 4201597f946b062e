// The network tools' view of the network from inside one container: its resolver (embedded DNS
// on user networks, /etc/hosts), its routes (only networks it shares with the target), and the
// engine clock for timeouts and ping intervals.
import type { Network } from "../../../bash/index.js";
import { httpExchange } from "../../net/net-stack.js";
import type { ProcessContext } from "../program.js";

export function containerNetwork(ctx: ProcessContext): Network | undefined {
  const net = ctx.net;
  if (!net) return undefined;
  const { stack, peer } = net;
  return {
    resolve(name) {
      const found = stack.resolve(peer, name);
      return found.ok ? found.address : undefined;
    },
    dial(address, port) {
      const connection = stack.connect(peer, address, port);
      if (!connection.ok) return connection;
      return { ok: true, exchange: (request) => httpExchange(connection, request) };
    },
    now: () => ctx.clock.now(),
    sleep: async (ms) => {
      await ctx.sleep(ms);
    },
    nameserver: () => (stack.usesEmbeddedDns(peer) ? "127.0.0.11" : "8.8.8.8"),
    rtt: (address) => (address.startsWith("127.") ? 0.041 : 0.083),
  };
}
