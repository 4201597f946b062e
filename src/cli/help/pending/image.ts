// Image commands not implemented yet: build, history, import, load, prune, push, save.
import { tableFormatHelp } from "../flag-help.js";
import { pending } from "./pending-command.js";

const platformVariant = (verb: string) => `${verb} just this platform variant, written "os[/arch[/variant]]" (e.g., "linux/arm64")`;

export const build = pending({
  name: "build",
  usage: "[OPTIONS] PATH | URL | -",
  description: "Build an image from a Dockerfile and a context",
  flags: [
    { name: "add-host", kind: "list", usage: 'Extra host-to-IP mapping ("host:ip")' },
    { name: "build-arg", kind: "list", usage: "Build-time variable" },
    { name: "cache-from", kind: "list", typeName: "strings", usage: "Images the build may reuse layers from" },
    { name: "cgroup-parent", kind: "string", usage: 'Parent cgroup of the "RUN" steps' },
    { name: "compress", kind: "bool", usage: "Send the build context gzip-compressed" },
    { name: "cpu-period", kind: "int", usage: "CPU CFS (Completely Fair Scheduler) period for the build" },
    { name: "cpu-quota", kind: "int", usage: "CPU CFS (Completely Fair Scheduler) quota for the build" },
    { name: "cpu-shares", short: "c", kind: "int", usage: "Relative CPU weight" },
    { name: "cpuset-cpus", kind: "string", usage: "CPUs the build may run on (0-3, 0,1)" },
    { name: "cpuset-mems", kind: "string", usage: "Memory nodes the build may use (0-3, 0,1)" },
    { name: "disable-content-trust", kind: "bool", defaultText: "true", usage: "Do not verify image signatures" },
    { name: "file", short: "f", kind: "string", usage: 'Dockerfile to use (PATH/Dockerfile if not given)' },
    { name: "force-rm", kind: "bool", usage: "Remove intermediate containers even when a step fails" },
    { name: "iidfile", kind: "string", usage: "File to write the new image's ID to" },
    { name: "isolation", kind: "string", usage: "Isolation technology for the build's containers" },
    { name: "label", kind: "list", usage: "Metadata to set on the image" },
    { name: "memory", short: "m", kind: "bytes", usage: "Cap on memory use" },
    { name: "memory-swap", kind: "string", typeName: "bytes", usage: "Memory plus swap limit; -1 lifts the swap limit" },
    { name: "network", kind: "string", defaultText: '"default"', usage: "Network mode of the RUN steps" },
    { name: "no-cache", kind: "bool", usage: "Build every step afresh, without the cache" },
    { name: "platform", kind: "string", usage: "Platform to build for, when the daemon supports several" },
    { name: "pull", kind: "bool", usage: "Always pull newer versions of the base images" },
    { name: "quiet", short: "q", kind: "bool", usage: "Print only the image ID once the build succeeds" },
    { name: "rm", kind: "bool", defaultText: "true", usage: "Clean up intermediate containers when the build succeeds" },
    { name: "security-opt", kind: "list", typeName: "strings", usage: "Security option for the build's containers" },
    { name: "shm-size", kind: "bytes", usage: 'How big "/dev/shm" is' },
    { name: "squash", kind: "bool", hidden: true, usage: "Squash the new layers into one" },
    { name: "tag", short: "t", kind: "list", usage: 'Name and tag for the image, as "name:tag"' },
    { name: "target", kind: "string", usage: "Build stage to stop at" },
    { name: "ulimit", kind: "list", typeName: "ulimit", defaultText: "[]", usage: "Ulimits for the build's containers" },
  ],
  args: { kind: "exact", n: 1 },
});

export const history = pending({
  name: "history",
  usage: "[OPTIONS] IMAGE",
  description: "Show the layers an image was built from",
  flags: [
    { name: "format", kind: "string", usage: tableFormatHelp },
    { name: "human", short: "H", kind: "bool", defaultText: "true", usage: "Show sizes and dates in a friendly form" },
    { name: "no-trunc", kind: "bool", usage: "Print values in full" },
    { name: "platform", kind: "string", usage: platformVariant("Show the history of") },
    { name: "quiet", short: "q", kind: "bool", usage: "Print the layer IDs only" },
  ],
  args: { kind: "exact", n: 1 },
});

export const importCommand = pending({
  name: "import",
  usage: "[OPTIONS] file|URL|- [REPOSITORY[:TAG]]",
  description: "Create a filesystem image from a tarball",
  flags: [
    { name: "change", short: "c", kind: "list", usage: "Dockerfile instruction to apply to the new image" },
    { name: "message", short: "m", kind: "string", usage: "Commit message for the imported image" },
    { name: "platform", kind: "string", usage: "Platform of the image, when the daemon supports several" },
  ],
  args: { kind: "min", n: 1 },
});

export const load = pending({
  name: "load",
  usage: "[OPTIONS]",
  description: "Load images from a tar archive or from STDIN",
  flags: [
    { name: "input", short: "i", kind: "string", usage: "Tar archive to read (STDIN when not given)" },
    { name: "platform", kind: "string", usage: platformVariant("Load") },
    { name: "quiet", short: "q", kind: "bool", usage: "Print nothing while loading" },
  ],
  args: { kind: "none" },
});

export const imagePrune = pending({
  name: "prune",
  usage: "[OPTIONS]",
  description: "Delete images that nothing uses",
  flags: [
    { name: "all", short: "a", kind: "bool", usage: "Delete every unused image, not only the dangling ones" },
    { name: "filter", kind: "filter", usage: 'Only prune what matches (e.g. "until=<timestamp>")' },
    { name: "force", short: "f", kind: "bool", usage: "Skip the confirmation prompt" },
  ],
  args: { kind: "none" },
});

export const push = pending({
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
});

export const save = pending({
  name: "save",
  usage: "[OPTIONS] IMAGE [IMAGE...]",
  description: "Write images to a tar archive (on STDOUT unless told otherwise)",
  flags: [
    { name: "output", short: "o", kind: "string", usage: "File to write to (STDOUT when not given)" },
    { name: "platform", kind: "string", usage: platformVariant("Save") },
  ],
  args: { kind: "min", n: 1 },
});
