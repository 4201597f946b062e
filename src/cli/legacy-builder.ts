// docker 28.2.2 without the buildx plugin (as ours is) warns before every builder command that
// the legacy builder is on its way out (cmd/docker/builder.go, processBuilder), and refuses to
// run one at all when DOCKER_BUILDKIT asks for BuildKit or is not a boolean.
import { StatusError } from "./errors.js";

const buildxMissingWarning = `DEPRECATED: The legacy builder is deprecated and will be removed in a future release.
            Install the buildx component to build images with BuildKit:
            https://docs.docker.com/go/buildx/`;

const buildkitDisabledWarning = `DEPRECATED: The legacy builder is deprecated and will be removed in a future release.
            BuildKit is currently disabled; enable it by removing the DOCKER_BUILDKIT=0
            environment-variable.`;

const buildxMissingError = `ERROR: BuildKit is enabled but the buildx component is missing or broken.
       Install the buildx component to build images with BuildKit:
       https://docs.docker.com/go/buildx/`;

/** strconv.ParseBool's words. */
function parseBool(text: string): boolean | undefined {
  if (["1", "t", "T", "true", "TRUE", "True"].includes(text)) return true;
  if (["0", "f", "F", "false", "FALSE", "False"].includes(text)) return false;
  return undefined;
}

/**
 * What docker prints on stderr before running `args` (the words after the global flags). Throws
 * where processBuilder fails, before the command (even its --help) runs.
 */
export function legacyBuilderNotice(args: readonly string[], env: Readonly<Record<string, string>>): string {
  // DOCKER_BUILDKIT is read before docker knows whether the command builds: `docker ps` fails too.
  const buildkit = env.DOCKER_BUILDKIT;
  const enabled = buildkit === undefined || buildkit === "" ? undefined : parseBool(buildkit);
  if (buildkit !== undefined && buildkit !== "" && enabled === undefined) {
    throw new StatusError(1, `DOCKER_BUILDKIT environment variable expects boolean value: strconv.ParseBool: parsing ${JSON.stringify(buildkit)}: invalid syntax`);
  }
  const [first, second] = args;
  const forwarded = first === "builder" || first === "build" || (first === "image" && second === "build");
  if (!forwarded) return "";
  if (enabled === undefined) return `${buildxMissingWarning}\n\n`;
  // BuildKit asked for, and buildx missing: the command fails.
  if (enabled) throw new StatusError(1, buildxMissingError);
  return `${buildkitDisabledWarning}\n\n`;
}
