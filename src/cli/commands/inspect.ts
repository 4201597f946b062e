// docker inspect (any object), docker container inspect and docker image inspect: the daemon's
// JSON indented by four spaces, or each object through a --format template.
import type { DockerClient } from "../../client/index.js";
import { ApiError } from "../../client/index.js";
import type { CommandDef, CommandContext } from "../command.js";
import { StatusError } from "../errors.js";
import { getString } from "../flags/flag-spec.js";
import { escapeHtmlInJson } from "../format/go-json.js";
import { DOCKER_FUNCS, parseTemplate } from "../format/index.js";
import { daemonMessage, templateFormatFlag } from "./common.js";

type Getter = (client: DockerClient, ref: string) => Promise<unknown>;

const getters: Record<string, Getter> = {
  container: (c, ref) => c.containerInspect(ref),
  image: (c, ref) => c.imageInspect(ref),
  network: (c, ref) => c.networkInspect(ref),
  volume: (c, ref) => c.volumeInspect(ref),
};

export async function inspectAll(ctx: CommandContext, refs: string[], format: string, lookup: (ref: string) => Promise<unknown>): Promise<number> {
  // The template is checked before anything is fetched; a bad one is exit status 64.
  let template: ReturnType<typeof parseTemplate> | undefined;
  try {
    template = format ? parseTemplate(format, DOCKER_FUNCS) : undefined;
  } catch (error) {
    throw new StatusError(64, `template parsing error: ${error instanceof Error ? error.message : String(error)}`);
  }
  const found: unknown[] = [];
  const errors: string[] = [];
  for (const ref of refs) {
    try {
      found.push(await lookup(ref));
    } catch (error) {
      errors.push(daemonMessage(error));
    }
  }
  if (template) {
    for (const item of found) ctx.io.stdout(`${template.execute(item)}\n`);
    // The template inspector still flushes one empty line when nothing was found.
    if (found.length === 0) ctx.io.stdout("\n");
  } else {
    ctx.io.stdout(`${escapeHtmlInJson(JSON.stringify(found, null, 4))}\n`);
  }
  if (errors.length > 0) throw new StatusError(1, errors.join("\n"));
  return 0;
}

const imagePlatformFlag = {
  name: "platform",
  kind: "string",
  usage: 'Inspect just this platform variant, written "os[/arch[/variant]]" (e.g., "linux/arm64")',
} as const;

const sizeFlag = { name: "size", short: "s", kind: "bool", usage: "Add file sizes (containers only)" } as const;

// The types cli/command/system/inspect.go accepts, swarm ones included, in its error's order.
const inspectTypes = ["config", "container", "image", "network", "node", "plugin", "secret", "service", "task", "volume"]
  .map((t) => `"${t}"`)
  .join(", ");

export const inspect: CommandDef = {
  name: "inspect",
  usage: "[OPTIONS] NAME|ID [NAME|ID...]",
  description: "Show the full, low-level details of Docker objects",
  flags: [
    templateFormatFlag,
    sizeFlag,
    { name: "type", kind: "string", usage: "Only look at objects of this type" },
  ],
  args: { kind: "min", n: 1 },
  run(ctx, flags) {
    const type = getString(flags, "type");
    if (type && !getters[type]) throw new StatusError(1, `unknown type: "${type}": must be one of ${inspectTypes}`);
    const order = ["container", "image", "network", "volume"];
    const format = getString(flags, "format");
    // With --type, the daemon's own error is reported as it is.
    if (type) return inspectAll(ctx, flags.args, format, (ref) => getters[type]?.(ctx.client, ref) ?? Promise.resolve(undefined));
    return inspectAll(ctx, flags.args, format, async (ref) => {
      for (const kind of order) {
        try {
          return await getters[kind]?.(ctx.client, ref);
        } catch (error) {
          // Not this kind of object: try the next kind, as the CLI does.
          if (!(error instanceof ApiError && error.status === 404)) throw error;
        }
      }
      throw new Error(`Error: No such object: ${ref}`);
    });
  },
};

export function typedInspect(kind: "container" | "image"): CommandDef {
  return {
    name: "inspect",
    usage: `[OPTIONS] ${kind === "container" ? "CONTAINER [CONTAINER...]" : "IMAGE [IMAGE...]"}`,
    description: `Show the full details of one or more ${kind}s`,
    // image inspect --platform: API 1.49 and up, which our daemon speaks.
    flags: kind === "container" ? [templateFormatFlag, sizeFlag] : [templateFormatFlag, imagePlatformFlag],
    args: { kind: "min", n: 1 },
    run: (ctx, flags) => inspectAll(ctx, flags.args, getString(flags, "format"), (ref) => getters[kind]?.(ctx.client, ref) ?? Promise.resolve(undefined)),
  };
}
