// docker push (cli/command/image/push.go): the daemon's progress stream, rendered like pull's,
// with the credentials stored for the reference's registry in X-Registry-Auth.
import { canonicalString, parseReference, type ImageReference } from "../../client/index.js";
import type { CommandDef } from "../command.js";
import { registryAuthFor } from "../config/registry-auth.js";
import { StatusError } from "../errors.js";
import { getBool } from "../flags/flag-spec.js";
import { displayJsonMessages } from "../output/json-messages.js";
import { daemonMessage } from "./common.js";

export const push: CommandDef = {
  name: "push",
  usage: "[OPTIONS] NAME[:TAG]",
  description: "Send an image to a registry",
  flags: [
    { name: "all-tags", short: "a", kind: "bool", usage: "Push every tag of the repository" },
    { name: "disable-content-trust", kind: "bool", defaultText: "true", usage: "Do not sign the image" },
    {
      name: "platform",
      kind: "string",
      usage:
        "Push only this platform's manifest, as a single-platform image. The image index is not pushed, so the other manifests (attestations included) are lost.\n'os[/arch[/variant]]': the platform (e.g. linux/arm64)",
    },
    { name: "quiet", short: "q", kind: "bool", usage: "Print less while pushing" },
  ],
  args: { kind: "exact", n: 1 },
  async run({ io, client }, flags) {
    const [text = ""] = flags.args;
    let ref: ImageReference;
    try {
      ref = parseReference(text);
    } catch (error) {
      throw new StatusError(1, error instanceof Error ? error.message : String(error));
    }
    const all = getBool(flags, "all-tags");
    const quiet = getBool(flags, "quiet");
    if (all && (ref.tag !== undefined || ref.digest !== undefined)) throw new StatusError(1, "tag can't be used with --all-tags/-a");
    if (!all && ref.tag === undefined && ref.digest === undefined) {
      ref = { ...ref, tag: "latest" };
      if (!quiet) io.stdout("Using default tag: latest\n");
    }
    // The client refuses digests before asking the daemon (client/image_push.go).
    if (ref.digest !== undefined) throw new StatusError(1, "cannot push a digest reference");
    const registryAuth = await registryAuthFor(io, ref.domain);
    try {
      const messages = await client.imagePush(`${ref.domain}/${ref.path}`, ref.tag, registryAuth);
      await displayJsonMessages(messages, quiet ? () => undefined : io.stdout, io.isTTY, io.columns);
    } catch (error) {
      throw new StatusError(error instanceof StatusError ? error.status : 1, error instanceof StatusError ? error.message : daemonMessage(error));
    }
    if (quiet) io.stdout(`${ref.tag ? canonicalString(ref) : `${ref.domain}/${ref.path}`}\n`);
  },
};
