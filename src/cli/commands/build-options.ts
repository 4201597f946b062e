// docker build's flags (cli/command/image/build.go) with the checks pflag runs as each value is
// set, and their translation into the options of POST /build.
import { parseReference, type ImageBuildOptions } from "../../client/index.js";
import { getBool, getList, getString, type FlagSpec, type ParsedFlags } from "../flags/flag-spec.js";
import { parseLabels } from "../opts/env.js";
import { validateEnv, validateExtraHost, validateLabel, type FlagValidator } from "../opts/validators.js";

/** validateTag: the name must parse as an image reference. */
const validateTag: FlagValidator = (value) => {
  try {
    parseReference(value);
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
};

const ulimitNames = new Set(["core", "cpu", "data", "fsize", "locks", "memlock", "msgqueue", "nice", "nofile", "nproc", "rss", "rtprio", "rttime", "sigpending", "stack"]);

/** units.ParseUlimit: name=soft[:hard]. */
const validateUlimit: FlagValidator = (value) => {
  const [name = "", limits, ...extra] = value.split("=");
  if (limits === undefined || extra.length > 0) return `invalid ulimit argument: ${value}`;
  if (!ulimitNames.has(name)) return `invalid ulimit type: ${name}`;
  const parts = limits.split(":");
  if (parts.length > 2) return `too many limit value arguments - ${limits}, can only have up to two, \`soft[:hard]\``;
  const numbers: number[] = [];
  for (const part of parts) {
    if (!/^[+-]?\d+$/.test(part)) return `strconv.ParseInt: parsing ${JSON.stringify(part)}: invalid syntax`;
    numbers.push(Number(part));
  }
  const [soft = 0, hard = soft] = numbers;
  if (soft > hard) return `ulimit soft limit must be less than or equal to hard limit: ${soft} > ${hard}`;
  return undefined;
};

/** opts.MemSwapBytes: a size, or -1 for no limit. */
const validateMemorySwap: FlagValidator = (value) => (value === "-1" || /^(\d+(\.\d+)*) ?[kmgtp]?i?b?$/i.test(value) ? undefined : `invalid size: '${value}'`);

export const buildFlags: FlagSpec[] = [
  { name: "add-host", kind: "list", validate: validateExtraHost, usage: 'Extra host-to-IP mapping ("host:ip")' },
  { name: "build-arg", kind: "list", validate: validateEnv, usage: "Build-time variable" },
  { name: "cache-from", kind: "list", typeName: "strings", usage: "Images the build may reuse layers from" },
  { name: "cgroup-parent", kind: "string", usage: 'Parent cgroup of the "RUN" steps' },
  { name: "compress", kind: "bool", usage: "Send the build context gzip-compressed" },
  { name: "cpu-period", kind: "int", usage: "CPU CFS (Completely Fair Scheduler) period for the build" },
  { name: "cpu-quota", kind: "int", usage: "CPU CFS (Completely Fair Scheduler) quota for the build" },
  { name: "cpu-shares", short: "c", kind: "int", usage: "Relative CPU weight" },
  { name: "cpuset-cpus", kind: "string", usage: "CPUs the build may run on (0-3, 0,1)" },
  { name: "cpuset-mems", kind: "string", usage: "Memory nodes the build may use (0-3, 0,1)" },
  { name: "disable-content-trust", kind: "bool", defaultText: "true", usage: "Do not verify image signatures" },
  { name: "file", short: "f", kind: "string", usage: "Dockerfile to use (PATH/Dockerfile if not given)" },
  { name: "force-rm", kind: "bool", usage: "Remove intermediate containers even when a step fails" },
  { name: "iidfile", kind: "string", usage: "File to write the new image's ID to" },
  { name: "isolation", kind: "string", usage: "Isolation technology for the build's containers" },
  { name: "label", kind: "list", validate: validateLabel, usage: "Metadata to set on the image" },
  { name: "memory", short: "m", kind: "bytes", usage: "Cap on memory use" },
  { name: "memory-swap", kind: "string", typeName: "bytes", validate: validateMemorySwap, usage: "Memory plus swap limit; -1 lifts the swap limit" },
  { name: "network", kind: "string", defaultText: '"default"', usage: "Network mode of the RUN steps" },
  { name: "no-cache", kind: "bool", usage: "Build every step afresh, without the cache" },
  { name: "platform", kind: "string", usage: "Platform to build for, when the daemon supports several" },
  { name: "pull", kind: "bool", usage: "Always pull newer versions of the base images" },
  { name: "quiet", short: "q", kind: "bool", usage: "Print only the image ID once the build succeeds" },
  { name: "rm", kind: "bool", defaultText: "true", usage: "Clean up intermediate containers when the build succeeds" },
  { name: "security-opt", kind: "list", typeName: "strings", usage: "Security option for the build's containers" },
  { name: "shm-size", kind: "bytes", usage: 'How big "/dev/shm" is' },
  { name: "squash", kind: "bool", hidden: true, usage: "Squash the new layers into one" },
  { name: "tag", short: "t", kind: "list", validate: validateTag, usage: 'Name and tag for the image, as "name:tag"' },
  { name: "target", kind: "string", usage: "Build stage to stop at" },
  { name: "ulimit", kind: "list", typeName: "ulimit", defaultText: "[]", validate: validateUlimit, usage: "Ulimits for the build's containers" },
];

/**
 * opts.ConvertKVStringsToMapWithNil over the --build-arg values as ValidateEnv left them: a bare
 * KEY set in the environment became KEY=value; one that is not stays without a value.
 */
export function buildArgs(values: readonly string[], env: Readonly<Record<string, string>>): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  for (const value of values) {
    const eq = value.indexOf("=");
    if (eq >= 0) out[value.slice(0, eq)] = value.slice(eq + 1);
    else out[value] = env[value] ?? null;
  }
  return out;
}

/** imageBuildOptions: what the request carries, besides the context and the Dockerfile's path. */
export function imageBuildOptions(flags: ParsedFlags, env: Readonly<Record<string, string>>): ImageBuildOptions {
  // A name without a value, unset in the environment, travels as null: the Dockerfile's
  // default applies, and the daemon still counts it among the arguments given.
  const args = buildArgs(getList(flags, "build-arg"), env);
  const network = flags.values.get("network");
  return {
    tags: getList(flags, "tag"),
    buildArgs: args,
    labels: parseLabels(getList(flags, "label")),
    noCache: getBool(flags, "no-cache"),
    pull: getBool(flags, "pull"),
    quiet: getBool(flags, "quiet"),
    remove: flags.values.get("rm") !== false,
    forceRemove: getBool(flags, "force-rm"),
    target: getString(flags, "target"),
    networkMode: typeof network === "string" ? network : "default",
    platform: flags.changed.has("platform") ? getString(flags, "platform") : (env.DOCKER_DEFAULT_PLATFORM ?? ""),
    extraHosts: getList(flags, "add-host"),
  };
}
