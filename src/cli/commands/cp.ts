// docker cp (cli/command/container/cp.go): CONTAINER:PATH on one side, a host path or "-" (a tar
// on stdin or stdout) on the other. The archive work is in cp-archive.ts and cp-paths.ts; here
// are the two directions, the symlink and trailing-slash rules, and the line a terminal gets on
// stderr when it is done.
import { goClean, goDir, goJoin, type DockerClient, type PathStat } from "../../client/index.js";
import type { CommandDef } from "../command.js";
import { getBool } from "../flags/flag-spec.js";
import { humanSizeWithPrecision } from "../format/index.js";
import type { CliIo, HostFiles } from "../io.js";
import { copyTo, prepareArchiveCopy, rebaseArchiveEntries, tarResource } from "./cp-archive.js";
import { copyInfoSourcePath, getRebaseName, preserveTrailing, splitPathDirEntry, type CopyInfo } from "./cp-paths.js";

const MODE_DIR = 2 ** 31;
const MODE_SYMLINK = 2 ** 27;
const MODE_DEVICE = 2 ** 26;
const MODE_IRREGULAR = 2 ** 19;

/** Go's os.FileMode bit tests on a mode that may exceed 31 bits. */
const has = (mode: number, bit: number) => Math.floor(mode / bit) % 2 === 1;

interface CopyConfig {
  followLink: boolean;
  copyUIDGID: boolean;
  quiet: boolean;
  sourcePath: string;
  destPath: string;
  container: string;
}

/** splitCpArg: "name:path" names a container, unless the part before ":" looks like a local path. */
export function splitCpArg(arg: string): [container: string, path: string] {
  if (arg.startsWith("/")) return ["", arg];
  const colon = arg.indexOf(":");
  if (colon < 0 || arg.startsWith(".")) return ["", arg];
  return [arg.slice(0, colon), arg.slice(colon + 1)];
}

function hostFilesOf(io: CliIo): HostFiles {
  if (!io.hostFiles) throw new Error("docker cp: this terminal has no host files to copy to or from");
  return io.hostFiles;
}

/**
 * copyProgress draws only when stderr is a terminal, and asks a *streams.Out wrapper for its
 * file descriptor through an interface the wrapper does not have: 28.2.2 never draws it. What
 * remains is the closing line, printed even when the copy then fails.
 */
function progress(io: CliIo, quiet: boolean): (size: number, target: string) => void {
  if (quiet) return () => undefined;
  return (size, target) => io.stderr(`Successfully copied ${humanSizeWithPrecision(size, 3)} to ${target}\n`);
}

function writeStdout(io: CliIo, bytes: Uint8Array): void {
  if (io.stdoutBytes) io.stdoutBytes(bytes);
  else io.stdout(new TextDecoder().decode(bytes));
}

async function copyFromContainer(client: DockerClient, io: CliIo, config: CopyConfig): Promise<void> {
  let dstPath = config.destPath;
  let srcPath = config.sourcePath;
  const files = dstPath === "-" ? undefined : hostFilesOf(io);
  if (files) {
    dstPath = preserveTrailing(files.abs(dstPath), dstPath);
    // ValidateOutputPath: the directory must exist; what is there must be a directory or a file.
    const dir = goDir(goClean(dstPath));
    if (dir !== "." && !(await files.stat(dir).catch(() => undefined))) throw new Error(`invalid output path: directory ${JSON.stringify(dir)} does not exist`);
  }
  let rebaseName = "";
  if (config.followLink) {
    const stat = await client.containerStatPath(config.container, srcPath).catch(() => undefined);
    if (stat && has(stat.mode, MODE_SYMLINK)) {
      let linkTarget = stat.linkTarget;
      if (!linkTarget.startsWith("/")) linkTarget = goJoin(splitPathDirEntry(srcPath)[0], linkTarget);
      [srcPath, rebaseName] = getRebaseName(srcPath, linkTarget);
    }
  }
  const { content, stat } = await client.copyFromContainer(config.container, srcPath);
  if (!files) {
    writeStdout(io, content);
    return;
  }
  const srcInfo: CopyInfo = { path: srcPath, exists: true, isDir: has(stat.mode, MODE_DIR), rebaseName };
  const archive = rebaseName ? rebaseArchiveEntries(content, splitPathDirEntry(srcInfo.path)[1], rebaseName) : content;
  const done = progress(io, config.quiet);
  try {
    await copyTo(files, archive, srcInfo, dstPath);
  } finally {
    done(content.length, dstPath);
  }
}

async function copyToContainer(client: DockerClient, io: CliIo, config: CopyConfig): Promise<void> {
  let srcPath = config.sourcePath;
  const dstPath = config.destPath;
  const files = srcPath === "-" ? undefined : hostFilesOf(io);
  if (files) srcPath = preserveTrailing(files.abs(srcPath), srcPath);
  const dstInfo: CopyInfo = { path: dstPath, exists: false, isDir: false, rebaseName: "" };
  let dstStat: PathStat | undefined = await client.containerStatPath(config.container, dstPath).catch(() => undefined);
  if (dstStat && has(dstStat.mode, MODE_SYMLINK)) {
    let linkTarget = dstStat.linkTarget;
    if (!linkTarget.startsWith("/")) linkTarget = goJoin(splitPathDirEntry(dstPath)[0], linkTarget);
    dstInfo.path = linkTarget;
    dstStat = await client.containerStatPath(config.container, linkTarget).catch(() => undefined);
  }
  const mode = dstStat?.mode ?? 0;
  if (has(mode, MODE_DEVICE)) throw new Error(`destination "${config.container}:${dstPath}" must be a directory or a regular file: got a device`);
  if (has(mode, MODE_IRREGULAR)) throw new Error(`destination "${config.container}:${dstPath}" must be a directory or a regular file: got an irregular file`);
  if (dstStat) {
    dstInfo.exists = true;
    dstInfo.isDir = has(mode, MODE_DIR);
  }
  let content: Uint8Array;
  let resolvedDstPath: string;
  let counted = 0;
  if (!files) {
    resolvedDstPath = dstInfo.path;
    if (!dstInfo.isDir) throw new Error(`destination "${config.container}:${dstPath}" must be a directory`);
    content = io.readStdinBytes ? await io.readStdinBytes() : new Uint8Array(0);
  } else {
    const srcInfo = await copyInfoSourcePath(files, srcPath, config.followLink);
    const prepared = prepareArchiveCopy(await tarResource(files, srcInfo), srcInfo, dstInfo);
    resolvedDstPath = prepared.dstDir;
    content = prepared.content;
    counted = content.length;
  }
  const options = { allowOverwriteDirWithFile: false, copyUIDGID: config.copyUIDGID };
  const done = progress(io, config.quiet);
  try {
    await client.copyToContainer(config.container, resolvedDstPath, content, options);
  } finally {
    done(counted, `${config.container}:${dstInfo.path}`);
  }
}

export const cp: CommandDef = {
  name: "cp",
  usage: "[OPTIONS] CONTAINER:SRC_PATH DEST_PATH|-\n\tdocker cp [OPTIONS] SRC_PATH|- CONTAINER:DEST_PATH",
  description: "Copy files and folders between a container and the host",
  flags: [
    { name: "archive", short: "a", kind: "bool", usage: "Keep the files' owners (uid and gid)" },
    { name: "follow-link", short: "L", kind: "bool", usage: "Copy what a symbolic link in SRC_PATH points to, not the link" },
    { name: "quiet", short: "q", kind: "bool", usage: "Print no progress (there is none anyway when no terminal is attached)" },
  ],
  args: { kind: "exact", n: 2 },
  async run({ io, client }, flags) {
    const [source = "", destination = ""] = flags.args;
    if (source === "") throw new Error("source can not be empty");
    if (destination === "") throw new Error("destination can not be empty");
    // Without -q, progress shows only on a terminal.
    const quiet = flags.changed.has("quiet") ? getBool(flags, "quiet") : !io.isTTY;
    const [srcContainer, sourcePath] = splitCpArg(source);
    const [destContainer, destPath] = splitCpArg(destination);
    const config = { followLink: getBool(flags, "follow-link"), copyUIDGID: getBool(flags, "archive"), quiet, sourcePath, destPath, container: destContainer || srcContainer };
    if (srcContainer && destContainer) throw new Error("copying between containers is not supported");
    if (srcContainer) return copyFromContainer(client, io, config);
    if (destContainer) return copyToContainer(client, io, config);
    throw new Error("must specify at least one container source");
  },
};
