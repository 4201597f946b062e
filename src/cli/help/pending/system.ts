// volume update: swarm managers only, so hidden here; listed so docker volume --help matches.
import { pending } from "./pending-command.js";

export const volumeUpdate = pending({
  name: "update",
  usage: "[OPTIONS] [VOLUME]",
  description: "Change a cluster volume",
  // Swarm managers only: docker hides it from nodes outside a swarm.
  flags: [{ name: "availability", kind: "string", defaultText: '"active"', hidden: true, usage: 'Availability of the cluster volume ("active", "pause", "drain")' }],
  args: { kind: "exact", n: 1 },
});
