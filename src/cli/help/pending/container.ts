// Container commands not implemented yet: attach, commit, cp, diff, export.
import { pending } from "./pending-command.js";

export const attach = pending({
  name: "attach",
  usage: "[OPTIONS] CONTAINER",
  description: "Connect the terminal to a running container's input and output",
  flags: [
    { name: "detach-keys", kind: "string", usage: "Key sequence that detaches from the container" },
    { name: "no-stdin", kind: "bool", usage: "Leave the container's STDIN alone" },
    { name: "sig-proxy", kind: "bool", defaultText: "true", usage: "Pass the signals the client receives on to the container" },
  ],
  args: { kind: "exact", n: 1 },
});

export const commit = pending({
  name: "commit",
  usage: "[OPTIONS] CONTAINER [REPOSITORY[:TAG]]",
  description: "Save a container's changes as a new image",
  flags: [
    { name: "author", short: "a", kind: "string", usage: 'Who made the image (e.g., "Jane Doe <jane@example.com>")' },
    { name: "change", short: "c", kind: "list", usage: "Dockerfile instruction to apply to the new image" },
    { name: "message", short: "m", kind: "string", usage: "Message to record with the commit" },
    { name: "pause", short: "p", kind: "bool", defaultText: "true", usage: "Pause the container while committing" },
  ],
  interspersed: false,
  args: { kind: "range", min: 1, max: 2 },
});

export const cp = pending({
  name: "cp",
  usage: "[OPTIONS] CONTAINER:SRC_PATH DEST_PATH|-\n\tdocker cp [OPTIONS] SRC_PATH|- CONTAINER:DEST_PATH",
  description: "Copy files and folders between a container and the host",
  flags: [
    { name: "archive", short: "a", kind: "bool", usage: "Keep the files' owners (uid and gid)" },
    { name: "follow-link", short: "L", kind: "bool", usage: "Copy what a symbolic link in SRC_PATH points to, not the link" },
    { name: "quiet", short: "q", kind: "bool", usage: "Print no progress (there is none anyway when no terminal is attached)" },
  ],
  args: { kind: "exact", n: 2 },
});

export const diff = pending({
  name: "diff",
  usage: "CONTAINER",
  description: "List the files a container has added, changed or deleted",
  flags: [],
  args: { kind: "exact", n: 1 },
});

export const exportCommand = pending({
  name: "export",
  usage: "[OPTIONS] CONTAINER",
  description: "Write a container's filesystem out as a tar archive",
  flags: [{ name: "output", short: "o", kind: "string", usage: "File to write to (STDOUT when not given)" }],
  args: { kind: "exact", n: 1 },
});
