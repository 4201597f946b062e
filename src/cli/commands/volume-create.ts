// docker volume create (cli/command/volume/create.go): prints the volume's name.
import type { CommandDef } from "../command.js";
import { getList, getString, type FlagSpec } from "../flags/flag-spec.js";
import { keyValueMap } from "../opts/ipam.js";
import { validateLabel } from "../opts/validators.js";

const clusterVolumeFlags: FlagSpec[] = [
  { name: "availability", kind: "string", defaultText: '"active"', hidden: true, usage: 'Availability of the cluster volume ("active", "pause", "drain")' },
  { name: "group", kind: "string", hidden: true, usage: "Group of the cluster volume" },
  { name: "limit-bytes", kind: "bytes", hidden: true, usage: "Smallest size of the cluster volume, in bytes" },
  { name: "required-bytes", kind: "bytes", hidden: true, usage: "Largest size of the cluster volume, in bytes" },
  { name: "scope", kind: "string", defaultText: '"single"', hidden: true, usage: 'Access scope of the cluster volume ("single", "multi")' },
  { name: "secret", kind: "map", defaultText: "map[]", hidden: true, usage: "Secrets of the cluster volume" },
  { name: "sharing", kind: "string", defaultText: '"none"', hidden: true, usage: 'Access sharing of the cluster volume ("none", "readonly", "onewriter", "all")' },
  { name: "topology-preferred", kind: "list", hidden: true, usage: "Topology the cluster volume would rather be in" },
  { name: "topology-required", kind: "list", hidden: true, usage: "Topology the cluster volume must be reachable from" },
  { name: "type", kind: "string", defaultText: '"block"', hidden: true, usage: 'Access type of the cluster volume ("mount", "block")' },
];

export const volumeCreate: CommandDef = {
  name: "create",
  usage: "[OPTIONS] [VOLUME]",
  description: "Make a new volume",
  flags: [
    { name: "driver", short: "d", kind: "string", usage: "Volume driver", defaultText: '"local"' },
    { name: "label", kind: "list", validate: validateLabel, usage: "Metadata to set on the volume" },
    { name: "name", kind: "string", usage: "Name of the volume", hidden: true },
    { name: "opt", short: "o", kind: "map", usage: "Options for the volume driver", defaultText: "map[]" },
    // Cluster volumes: docker hides these from a daemon that is not a swarm manager.
    ...clusterVolumeFlags,
  ],
  args: { kind: "max", n: 1 },
  async run({ io, client }, flags) {
    let name = getString(flags, "name");
    const [positional] = flags.args;
    if (positional !== undefined) {
      if (name !== "") throw new Error("conflicting options: cannot specify a volume-name through both --name and as a positional arg");
      name = positional;
    }
    // volume.CreateOptions: every field omitempty, so what is empty is not sent at all (and the
    // daemon shows null, not {}, for labels and options nobody gave).
    const driver = flags.changed.has("driver") ? getString(flags, "driver") : "local";
    const driverOpts = keyValueMap(getList(flags, "opt"));
    const labels = keyValueMap(getList(flags, "label"));
    const volume = await client.volumeCreate({
      ...(driver !== "" ? { Driver: driver } : {}),
      ...(Object.keys(driverOpts).length > 0 ? { DriverOpts: driverOpts } : {}),
      ...(Object.keys(labels).length > 0 ? { Labels: labels } : {}),
      ...(name !== "" ? { Name: name } : {}),
    });
    io.stdout(`${volume.Name}\n`);
  },
};
