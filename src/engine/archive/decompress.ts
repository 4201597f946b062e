// compression.DecompressStream, as the daemon applies it to every archive it is handed (docker
// load, import, cp's PUT): gzip is detected by its magic bytes and inflated with the runtime's
// DecompressionStream (browsers and Node 20 both have one); anything else is taken as a plain
// tar. The engine's lib has no DOM or stream types, so the few members used are declared here.

interface StreamReader {
  read(): Promise<{ done: boolean; value?: Uint8Array }>;
}
interface StreamWriter {
  write(chunk: Uint8Array): Promise<void>;
  close(): Promise<void>;
}
interface DecompressionStreamLike {
  readonly readable: { getReader(): StreamReader };
  readonly writable: { getWriter(): StreamWriter };
}
type DecompressionStreamConstructor = new (format: "gzip") => DecompressionStreamLike;

export type Compression = "none" | "gzip" | "bzip2" | "xz" | "zstd";

/** compression.Detect: by the first bytes of the stream. */
export function detectCompression(bytes: Uint8Array): Compression {
  const starts = (...magic: number[]) => magic.every((b, i) => bytes[i] === b);
  if (starts(0x1f, 0x8b, 0x08)) return "gzip";
  if (starts(0x42, 0x5a, 0x68)) return "bzip2";
  if (starts(0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00)) return "xz";
  if (starts(0x28, 0xb5, 0x2f, 0xfd)) return "zstd";
  return "none";
}

export async function gunzip(bytes: Uint8Array): Promise<Uint8Array> {
  const Stream = (globalThis as { DecompressionStream?: DecompressionStreamConstructor }).DecompressionStream;
  if (!Stream) throw new Error("gzip: this runtime cannot decompress");
  const stream = new Stream("gzip");
  const writer = stream.writable.getWriter();
  // The writes settle as the reader drains them; their failure is the reader's failure too.
  writer.write(bytes).then(() => writer.close()).catch(() => undefined);
  const reader = stream.readable.getReader();
  const chunks: Uint8Array[] = [];
  let length = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (value) {
        chunks.push(value);
        length += value.length;
      }
    }
  } catch {
    // Go's gzip reader on a cut or corrupt stream.
    throw new Error("unexpected EOF");
  }
  const out = new Uint8Array(length);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

/** The archive's bytes, inflated when gzip-compressed. */
export async function decompress(bytes: Uint8Array): Promise<Uint8Array> {
  const kind = detectCompression(bytes);
  if (kind === "gzip") return gunzip(bytes);
  if (kind !== "none") throw new Error(`unsupported compression format ${kind}`);
  return bytes;
}
