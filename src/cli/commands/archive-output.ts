// Where `docker save` and `docker export` put their tar: stdout unless it is a terminal, or a
// file written as moby/sys/atomicwriter does (its checks first, mode 0600, written only when
// there is something to write). And the input side: a file or stdin, as bytes.
import { goDir } from "../../client/index.js";
import type { CliIo, HostFiles } from "../io.js";
import { pathError } from "./cp-paths.js";

export const refuseTerminal = "cowardly refusing to save to a terminal. Use the -o flag or redirect";

function hostFiles(io: CliIo): HostFiles {
  if (!io.hostFiles) throw new Error("this terminal cannot write host files");
  return io.hostFiles;
}

/** atomicwriter's validateDestination, with its texts; returns the file's absolute path. */
export async function validateOutputFile(io: CliIo, fileName: string): Promise<string> {
  if (fileName === "") throw new Error("file name is empty");
  const files = hostFiles(io);
  const dir = goDir(fileName);
  if (dir !== "" && dir !== "." && dir !== "..") {
    let info;
    try {
      info = await files.stat(files.abs(dir));
    } catch (error) {
      throw new Error(`invalid output path: ${pathError("stat", dir, error).message}`);
    }
    if (!info) throw new Error(`invalid output path: stat ${dir}: no such file or directory`);
    if (info.type !== "dir") throw new Error(`invalid output path: stat ${dir}: not a directory`);
  }
  const path = files.abs(fileName);
  const info = await files.lstat(path).catch((error: unknown) => Promise.reject(new Error(`failed to stat output path: ${pathError("lstat", fileName, error).message}`)));
  if (info?.type === "dir") throw new Error("cannot write to a directory");
  if (info?.type === "symlink") throw new Error("cannot write to a symbolic link directly");
  return path;
}

/**
 * Where `-o FILE` (or stdout) sends a tar: the file's checked path, or undefined for stdout,
 * which must not be a terminal. `what` words the failure ("export container", "save image").
 */
export async function outputTarget(io: CliIo, output: string, what: string): Promise<string | undefined> {
  if (output === "") {
    if (io.isTTY) throw new Error(refuseTerminal);
    return undefined;
  }
  try {
    return await validateOutputFile(io, output);
  } catch (error) {
    throw new Error(`failed to ${what}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

export async function writeOutputFile(io: CliIo, path: string, bytes: Uint8Array): Promise<void> {
  if (bytes.length === 0) return;
  try {
    await hostFiles(io).writeFile(path, bytes, 0o600);
  } catch (error) {
    throw pathError("open", path, error);
  }
}

export function writeStdoutBytes(io: CliIo, bytes: Uint8Array): void {
  if (io.stdoutBytes) io.stdoutBytes(bytes);
  else io.stdout(new TextDecoder().decode(bytes));
}

/** os.Open + read: the file as given (relative paths against the shell's directory). */
export async function readInputFile(io: CliIo, name: string): Promise<Uint8Array> {
  const files = hostFiles(io);
  try {
    const path = files.abs(name);
    const info = await files.stat(path);
    if (!info) throw Object.assign(new Error("missing"), { code: "ENOENT" });
    if (info.type === "dir") throw Object.assign(new Error("directory"), { code: "EISDIR" });
    return await files.readFile(path);
  } catch (error) {
    const code = (error as { code?: string }).code;
    // Opening a directory works; reading it is what fails.
    if (code === "EISDIR") throw new Error(`read ${name}: is a directory`);
    throw pathError("open", name, error);
  }
}

/** Everything on stdin, as bytes. */
export async function readStdin(io: CliIo): Promise<Uint8Array> {
  if (io.readStdinBytes) return io.readStdinBytes();
  if (!io.stdin) return new Uint8Array(0);
  const stream = io.stdin.open(false);
  let text = "";
  try {
    for await (const chunk of stream.data) text += chunk;
  } finally {
    stream.close();
  }
  return new TextEncoder().encode(text);
}
