// docker inspect (any object), docker container inspect and docker image inspect: the daemon's
// JSON indented by four spaces, all of it on one line for `-f json`, or each object through a
// --format template, which sees the object as docker's Go types have it (inspect-types.ts).
import type { DockerClient } from "../../client/index.js";
import { ApiError } from "../../client/index.js";
import type { CommandDef, CommandContext } from "../command.js";
import { StatusError } from "../errors.js";
import { getString } from "../flags/flag-spec.js";
import { escapeHtmlInJson } from "../format/go-json.js";
import { DOCKER_FUNCS, TemplateError, parseTemplate, type Template } from "../format/index.js";
import { typedJson } from "../format/typed-json.js";
import { daemonMessage, templateFormatFlag } from "./common.js";
import { INSPECT_TYPES, type InspectKind } from "./inspect-types.js";

/** An object as the daemon sent it, and which kind of object it is. */
export interface Inspected {
  kind: InspectKind;
  value: unknown;
}

type Getter = (client: DockerClient, ref: string) => Promise<unknown>;

const getters: Record<InspectKind, Getter> = {
  container: (c, ref) => c.containerInspect(ref),
  image: (c, ref) => c.imageInspect(ref),
  network: (c, ref) => c.networkInspect(ref),
  volume: (c, ref) => c.volumeInspect(ref),
};

const isKind = (type: string): type is InspectKind => Object.prototype.hasOwnProperty.call(getters, type);

/** Looks refs up as one kind of object. */
export const lookupAs = (ctx: CommandContext, kind: InspectKind) => async (ref: string): Promise<Inspected> => ({
  kind,
  value: await getters[kind](ctx.client, ref),
});

const errorText = (error: unknown): string => (error instanceof Error ? error.message : String(error));

export interface InspectOptions {
  /**
   * Whether the command has the raw JSON to fall back on when the template fails against the
   * typed object (docker volume inspect has only the typed one).
   */
  rawFallback: boolean;
}

/**
 * TemplateInspector.Inspect: the template runs against the object decoded into docker's Go
 * types; when that fails (a field the type does not have, `.Id` where Go says ID, a nil
 * pointer), it runs again against the raw JSON decoded into maps, with missingkey=error, and
 * that run's error is the one reported.
 */
function executeInspect(template: Template, item: Inspected, options: InspectOptions): string {
  try {
    return template.execute(typedJson(item.value, INSPECT_TYPES[item.kind]));
  } catch (error) {
    if (!(error instanceof TemplateError)) throw error;
    if (!options.rawFallback) throw new Error(`template parsing error: ${error.message}`);
  }
  const raw: unknown = JSON.parse(JSON.stringify(item.value ?? null));
  try {
    return template.execute(raw, { missingKeyError: true, untypedJson: true });
  } catch (error) {
    throw new Error(`template parsing error: ${errorText(error)}`);
  }
}

export async function inspectAll(
  ctx: CommandContext,
  refs: string[],
  format: string,
  lookup: (ref: string) => Promise<Inspected>,
  options: InspectOptions = { rawFallback: true },
): Promise<number> {
  // The template is checked before anything is fetched; a bad one is exit status 64.
  let template: Template | undefined;
  try {
    // "json" (exactly) is not a template: it asks for the objects as one line of JSON.
    template = format && format !== "json" ? parseTemplate(format, DOCKER_FUNCS) : undefined;
  } catch (error) {
    throw new StatusError(64, `template parsing error: ${errorText(error)}`);
  }
  const found: unknown[] = [];
  const errors: string[] = [];
  let buffer = "";
  for (const ref of refs) {
    let item: Inspected;
    try {
      item = await lookup(ref);
    } catch (error) {
      errors.push(daemonMessage(error));
      continue;
    }
    found.push(item.value);
    if (template === undefined) continue;
    try {
      buffer += `${executeInspect(template, item, options)}\n`;
    } catch (error) {
      errors.push(errorText(error));
    }
  }
  if (template) {
    // The template inspector flushes one empty line when nothing was written.
    ctx.io.stdout(buffer === "" ? "\n" : buffer);
  } else if (format === "json") {
    ctx.io.stdout(`${escapeHtmlInJson(JSON.stringify(found))}\n`);
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
    if (type && !isKind(type)) throw new StatusError(1, `unknown type: "${type}": must be one of ${inspectTypes}`);
    const order: InspectKind[] = ["container", "image", "network", "volume"];
    const format = getString(flags, "format");
    // With --type, the daemon's own error is reported as it is.
    if (type && isKind(type)) return inspectAll(ctx, flags.args, format, lookupAs(ctx, type));
    return inspectAll(ctx, flags.args, format, async (ref) => {
      for (const kind of order) {
        try {
          return await lookupAs(ctx, kind)(ref);
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
    run: (ctx, flags) => inspectAll(ctx, flags.args, getString(flags, "format"), lookupAs(ctx, kind)),
  };
}
