// What docker build prints around the daemon's messages: the context upload's progress line
// (pkg/progress behind streamformatter's raw formatter), the image ID the aux message carries,
// and --iidfile, removed before the build and written after it.
import type { JsonMessage } from "../../client/index.js";
import { humanSize } from "../format/index.js";
import type { CliIo, HostFiles } from "../io.js";
import { pathError } from "./cp-paths.js";

const action = "Sending build context to Docker daemon";
const updateEvery = 512 * 1024;
/** io.Copy's buffer: how the archiver writes a file's data into the pipe the upload reads. */
const copyBuffer = 32 * 1024;

/**
 * The reads the upload makes of the tar pipe, one per write of go-archive's tar writer: each
 * header block, a file's data in io.Copy's chunks, its padding, and the two closing blocks.
 */
function pipeReads(archive: Uint8Array): number[] {
  const reads: number[] = [];
  let at = 0;
  while (at + 512 <= archive.length) {
    const header = archive.subarray(at, at + 512);
    if (header.every((b) => b === 0)) break;
    const field = new TextDecoder().decode(header.subarray(124, 136)).replace(/[\0 ]+$/, "").trim();
    const size = /^[0-7]+$/.test(field) ? parseInt(field, 8) : 0;
    reads.push(512);
    for (let left = Math.min(size, archive.length - at - 512); left > 0; left -= copyBuffer) reads.push(Math.min(left, copyBuffer));
    const padding = Math.min((512 - (size % 512)) % 512, Math.max(0, archive.length - at - 512 - size));
    if (padding > 0) reads.push(padding);
    at += 512 + size + padding;
  }
  if (at < archive.length) reads.push(archive.length - at);
  return reads;
}

/**
 * The progress of sending the context (progress.Reader with streamformatter's raw formatter).
 * Without a terminal only the last update is printed (lastProgressOutput). On one, an update
 * once more than 512 kB went since the last, at most one per 100 ms: a context this playground
 * sends goes in less, so only the first of them shows. The last update ends with "\r\n".
 */
export function uploadProgress(archive: Uint8Array, terminal: boolean): string {
  const line = (current: number) => `${action} ${humanSize(current).padStart(8)}\r`;
  let out = "";
  if (terminal) {
    let current = 0;
    for (const read of pipeReads(archive)) {
      current += read;
      if (current > updateEvery) {
        out += line(current);
        break;
      }
    }
  }
  return `${out}${line(archive.length)}\r\n`;
}

/** The messages as they come, with the image ID of the aux message ({"ID": "sha256:…"}) kept aside. */
export async function* withImageId(messages: AsyncIterable<JsonMessage>, found: (id: string) => void): AsyncIterable<JsonMessage> {
  for await (const message of messages) {
    const id = (message.aux as { ID?: unknown } | null | undefined)?.ID;
    if (typeof id === "string") found(id);
    yield message;
  }
}

function hostFiles(io: CliIo): HostFiles {
  if (!io.hostFiles) throw new Error("this terminal cannot write host files");
  return io.hostFiles;
}

/** os.Remove of the old --iidfile, so that a failed build leaves none behind. */
export async function removeIidFile(io: CliIo, name: string): Promise<void> {
  const files = hostFiles(io);
  const path = files.abs(name);
  const info = await files.lstat(path).catch(() => undefined);
  if (!info) return;
  if (info.type === "dir" && (await files.readdir(path)).length > 0) {
    throw new Error(`Removing image ID file: remove ${name}: directory not empty`);
  }
  await files.remove(path);
}

export async function writeIidFile(io: CliIo, name: string, id: string): Promise<void> {
  if (id === "") throw new Error(`Server did not provide an image ID. Cannot write ${name}`);
  const files = hostFiles(io);
  try {
    // os.WriteFile's 0666 under the usual umask of 022.
    await files.writeFile(files.abs(name), new TextEncoder().encode(id), 0o644);
  } catch (error) {
    throw pathError("open", name, error);
  }
}
