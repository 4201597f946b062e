// docker tag / docker image tag: a new name for an existing image.
import { parseReference } from "../../client/index.js";
import type { CommandDef } from "../command.js";
import { StatusError } from "../errors.js";

export const tag: CommandDef = {
  name: "tag",
  usage: "SOURCE_IMAGE[:TAG] TARGET_IMAGE[:TAG]",
  description: "Give the image SOURCE_IMAGE another name, TARGET_IMAGE",
  flags: [],
  args: { kind: "exact", n: 2 },
  async run({ client }, flags) {
    const [source = "", target = ""] = flags.args;
    let ref;
    try {
      ref = parseReference(target);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new StatusError(1, `Error parsing reference: "${target}" is not a valid repository/tag: ${reason}`);
    }
    if (ref.digest) throw new StatusError(1, "refusing to create a tag with a digest reference");
    await client.imageTag(source, `${ref.domain}/${ref.path}`, ref.tag ?? "latest");
  },
};
