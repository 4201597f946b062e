// docker inspect (any object), docker container inspect and docker image inspect: the daemon's
// JSON indented by four spaces, or each object through a --format template.
import type { DockerClient } from "../../client/index.js";
import { ObjectNotFoundError } from "../../client/index.js";
import type { CommandDef, CommandContext } from "../command.js";
import { StatusError } from "../errors.js";
import { getString } from "../flags/flag-spec.js";
import { escapeHtmlInJson } from "../format/go-json.js";
import { DOCKER_FUNCS, parseTemplate } from "../format/index.js";
import { daemonMessage, formatFlag } from "./common.js";

type Getter = (client: DockerClient, ref: string) => Promise<unknown>;

const getters: Record<string, Getter> = {
  container: (c, ref) => c.containerInspect(ref),
  image: (c, ref) => c.imageInspect(ref),
  network: (c, ref) => c.networkInspect(ref),
  volume: (c, ref) => c.volumeInspect(ref),
};

export async function inspectAll(ctx: CommandContext, refs: string[], format: string, lookup: (ref: string) => Promise<unknown>): Promise<number> {
  const found: unknown[] = [];
  const errors: string[] = [];
  for (const ref of refs) {
    try {
      found.push(await lookup(ref));
    } catch (error) {
      errors.push(daemonMessage(error));
    }
  }
  if (format) {
    const template = parseTemplate(format, DOCKER_FUNCS);
    for (const item of found) ctx.io.stdout(`${template.execute(item)}\n`);
  } else {
    ctx.io.stdout(`${escapeHtmlInJson(JSON.stringify(found, null, 4))}\n`);
  }
  if (errors.length > 0) throw new StatusError(1, errors.join("\n"));
  return 0;
}

const sizeFlag = { name: "size", short: "s", kind: "bool", usage: "Display total file sizes if the type is container" } as const;

export const inspect: CommandDef = {
  name: "inspect",
  usage: "[OPTIONS] NAME|ID [NAME|ID...]",
  description: "Return low-level information on Docker objects",
  flags: [
    { ...formatFlag, short: "f" },
    sizeFlag,
    { name: "type", kind: "string", usage: "Only inspect objects of the given type" },
  ],
  args: { kind: "min", n: 1 },
  run(ctx, flags) {
    const type = getString(flags, "type");
    if (type && !getters[type]) throw new StatusError(1, `"${type}" is not a valid value for --type`);
    const order = type ? [type] : ["container", "image", "network", "volume"];
    return inspectAll(ctx, flags.args, getString(flags, "format"), async (ref) => {
      for (const kind of order) {
        try {
          return await getters[kind]?.(ctx.client, ref);
        } catch (error) {
          if (!(error instanceof ObjectNotFoundError)) throw error;
        }
      }
      throw new Error(type ? `Error: No such ${type}: ${ref}` : `Error: No such object: ${ref}`);
    });
  },
};

export function typedInspect(kind: "container" | "image"): CommandDef {
  return {
    name: "inspect",
    usage: `[OPTIONS] ${kind === "container" ? "CONTAINER [CONTAINER...]" : "IMAGE [IMAGE...]"}`,
    description: `Display detailed information on one or more ${kind}s`,
    flags: kind === "container" ? [{ ...formatFlag, short: "f" }, sizeFlag] : [{ ...formatFlag, short: "f" }],
    args: { kind: "min", n: 1 },
    run: (ctx, flags) => inspectAll(ctx, flags.args, getString(flags, "format"), (ref) => getters[kind]?.(ctx.client, ref) ?? Promise.resolve(undefined)),
  };
}
