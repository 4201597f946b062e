// docker port: the published host addresses of a container, naturally sorted
// (cli/command/container/port.go).
import type { CommandDef } from "../command.js";
import { StatusError } from "../errors.js";
import { joinHostPort, naturalCompare } from "../format/index.js";

export const port: CommandDef = {
  name: "port",
  usage: "CONTAINER [PRIVATE_PORT[/PROTO]]",
  description: "Show where a container's ports are published on the host",
  flags: [],
  args: { kind: "range", min: 1, max: 2 },
  async run({ io, client }, flags) {
    const [container = "", wanted] = flags.args;
    const c = await client.containerInspect(container);
    const ports = c.NetworkSettings.Ports;
    const out: string[] = [];
    if (wanted !== undefined) {
      const slash = wanted.indexOf("/");
      const number = slash < 0 ? wanted : wanted.slice(0, slash);
      const proto = (slash < 0 ? "" : wanted.slice(slash + 1)) || "tcp";
      if (!/^\d+$/.test(number) || Number(number) > 65535) {
        const reason = /^\d+$/.test(number) ? "value out of range" : "invalid syntax";
        throw new StatusError(1, `Error: invalid port (${number}): strconv.ParseUint: parsing "${number}": ${reason}`);
      }
      const frontends = ports[`${number}/${proto}`];
      if (!frontends) throw new StatusError(1, `Error: No public port '${wanted}' published for ${container}`);
      for (const f of frontends) out.push(joinHostPort(f.HostIp, f.HostPort));
    } else {
      for (const [from, frontends] of Object.entries(ports)) {
        for (const f of frontends ?? []) out.push(`${from} -> ${joinHostPort(f.HostIp, f.HostPort)}`);
      }
    }
    if (out.length > 0) io.stdout(`${out.sort(naturalCompare).join("\n")}\n`);
  },
};
