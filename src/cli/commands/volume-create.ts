// docker volume create (cli/command/volume/create.go): prints the volume's name.
import type { CommandDef } from "../command.js";
import { getList, getString } from "../flags/flag-spec.js";
import { keyValueMap } from "../opts/ipam.js";
import { validateLabel } from "../opts/validators.js";

export const volumeCreate: CommandDef = {
  name: "create",
  usage: "[OPTIONS] [VOLUME]",
  description: "Create a volume",
  flags: [
    { name: "driver", short: "d", kind: "string", usage: "Specify volume driver name", defaultText: '"local"' },
    { name: "label", kind: "list", validate: validateLabel, usage: "Set metadata for a volume" },
    { name: "name", kind: "string", usage: "Specify volume name", hidden: true },
    { name: "opt", short: "o", kind: "map", usage: "Set driver specific options", defaultText: "map[]" },
  ],
  args: { kind: "max", n: 1 },
  async run({ io, client }, flags) {
    let name = getString(flags, "name");
    const [positional] = flags.args;
    if (positional !== undefined) {
      if (name !== "") throw new Error("conflicting options: cannot specify a volume-name through both --name and as a positional arg");
      name = positional;
    }
    const volume = await client.volumeCreate({
      Name: name,
      Driver: flags.changed.has("driver") ? getString(flags, "driver") : "local",
      DriverOpts: keyValueMap(getList(flags, "opt")),
      Labels: keyValueMap(getList(flags, "label")),
    });
    io.stdout(`${volume.Name}\n`);
  },
};
