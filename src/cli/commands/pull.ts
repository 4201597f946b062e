// docker pull: the daemon's progress stream, then the canonical reference.
import { canonicalString, parseReference } from "../../client/index.js";
import type { CommandDef } from "../command.js";
import { StatusError } from "../errors.js";
import { getBool } from "../flags/flag-spec.js";
import { daemonMessage } from "./common.js";
import { pullImage } from "./create-container.js";

export const pull: CommandDef = {
  name: "pull",
  usage: "[OPTIONS] NAME[:TAG|@DIGEST]",
  description: "Fetch an image from a registry",
  flags: [
    { name: "all-tags", short: "a", kind: "bool", usage: "Fetch every tag of the repository" },
    { name: "disable-content-trust", kind: "bool", defaultText: "true", usage: "Do not verify image signatures" },
    { name: "platform", kind: "string", usage: "Platform of the image, when the daemon supports several" },
    { name: "quiet", short: "q", kind: "bool", usage: "Print less while pulling" },
  ],
  args: { kind: "exact", n: 1 },
  async run({ io, client }, flags) {
    const [text = ""] = flags.args;
    let ref;
    try {
      ref = parseReference(text);
    } catch (error) {
      throw new StatusError(1, error instanceof Error ? error.message : String(error));
    }
    const quiet = getBool(flags, "quiet");
    // pull.go names the default tag only when not pulling every tag (-a).
    if (!ref.tag && !ref.digest && !quiet && !getBool(flags, "all-tags")) io.stdout("Using default tag: latest\n");
    try {
      await pullImage(client, text, io, io.stdout, quiet);
    } catch (error) {
      throw new StatusError(1, daemonMessage(error));
    }
    io.stdout(`${canonicalString(ref)}\n`);
  },
};
