// docker 28.2.2 without the buildx plugin (as ours is) warns before every builder command that
// the legacy builder is on its way out (cmd/docker/builder.go, processBuilder).

const buildxMissingWarning = `DEPRECATED: The legacy builder is deprecated and will be removed in a future release.
            Install the buildx component to build images with BuildKit:
            https://docs.docker.com/go/buildx/`;

const buildkitDisabledWarning = `DEPRECATED: The legacy builder is deprecated and will be removed in a future release.
            BuildKit is currently disabled; enable it by removing the DOCKER_BUILDKIT=0
            environment-variable.`;

/** What docker prints on stderr before running `args` (the words after the global flags). */
export function legacyBuilderNotice(args: readonly string[], env: Readonly<Record<string, string>>): string {
  const [first, second] = args;
  const forwarded = first === "builder" || first === "build" || (first === "image" && second === "build");
  if (!forwarded) return "";
  const buildkit = env.DOCKER_BUILDKIT;
  // DOCKER_BUILDKIT=1 asks for buildx, which fails instead; that belongs to `docker build`.
  if (buildkit !== undefined && buildkit !== "" && ["0", "f", "F", "false", "FALSE", "False"].includes(buildkit)) {
    return `${buildkitDisabledWarning}\n\n`;
  }
  return buildkit === undefined || buildkit === "" ? `${buildxMissingWarning}\n\n` : "";
}
