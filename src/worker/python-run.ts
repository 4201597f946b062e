// One run of CPython (just-bash's Emscripten build) over a copy of a container's files: the
// files are laid out in the interpreter's in-memory filesystem at their own paths, Python runs
// with the container's argv, environment and working directory, and at exit the tree is compared
// with what went in. Kept free of worker plumbing, so a Node test can run it as it is.
import type { PythonChange, PythonEntry, PythonRequest, PythonResult } from "../engine/index.js";
import type { CpythonModule, CreateCpython, EmscriptenFs } from "./python-emscripten.js";
import { linuxErrors } from "./python-errors.js";

export interface CpythonRuntime {
  create: CreateCpython;
  /** Compiled once by the caller and reused: instantiating a compiled module takes milliseconds. */
  wasm: WebAssembly.Module;
  /** The standard library as the build ships it, a zip that zipimport reads. */
  stdlib: Uint8Array;
}

export type PythonWrite = (stream: "stdout" | "stderr", text: string) => void;

// Where CPython looks for its standard library given PYTHONHOME=/usr/local, as in the official
// images. The zip is the runtime's, not the container's: it never goes back as a change.
const PREFIX = "/usr/local";
const STDLIB_ZIP = `${PREFIX}/lib/python313.zip`;
/** Emscripten's kernel-ish trees: never compared. */
const SKIPPED = new Set(["/dev", "/proc"]);
/** Emscripten's defaults, which a container environment replaces rather than extends. */
const EMSCRIPTEN_ENV = ["USER", "LOGNAME", "PATH", "PWD", "HOME", "LANG", "_"];
const UMASK = 0o022;

const S_IFMT = 0o170000;
const S_IFDIR = 0o040000;
const S_IFLNK = 0o120000;

export async function runCpython(runtime: CpythonRuntime, request: PythonRequest, write: PythonWrite): Promise<PythonResult> {
  const stdin = new TextEncoder().encode(request.stdin);
  let stdinAt = 0;
  const pending: Record<"stdout" | "stderr", number[]> = { stdout: [], stderr: [] };
  let runtimeOwn = new Set<string>();
  let laidOut: PythonEntry[] = [];
  const module = await runtime.create({
    noInitialRun: true,
    thisProgram: request.argv[0] ?? "python3",
    instantiateWasm(imports, done) {
      void WebAssembly.instantiate(runtime.wasm, imports).then((instance) => done(instance, runtime.wasm));
      return {};
    },
    stdin: () => (stdinAt < stdin.length ? (stdin[stdinAt++] ?? null) : null),
    stdout: (byte) => pending.stdout.push(byte),
    stderr: (byte) => pending.stderr.push(byte),
    preRun: [
      (m) => {
        m.FS.mkdirTree(`${PREFIX}/lib`);
        m.FS.writeFile(STDLIB_ZIP, runtime.stdlib);
        runtimeOwn = new Set(walk(m.FS).keys());
        laidOut = layOut(m.FS, request.files);
        setEnvironment(m, request.env);
        try {
          m.FS.chdir(request.cwd);
        } catch {
          m.FS.chdir("/");
        }
      },
    ],
  });
  emitPerWrite(module, pending, write, request.tty);
  let exitCode: number;
  try {
    exitCode = module.callMain(request.argv.slice(1));
  } catch (error) {
    write("stderr", `python3: the interpreter stopped: ${error instanceof Error ? error.message : String(error)}\n`);
    exitCode = 1;
  }
  return { exitCode, changes: changesOf(module.FS, laidOut, runtimeOwn) };
}

function setEnvironment(m: CpythonModule, env: Record<string, string>): void {
  for (const name of EMSCRIPTEN_ENV) m.ENV[name] = undefined;
  Object.assign(m.ENV, env);
  m.ENV["PYTHONHOME"] ??= PREFIX;
}

/** Writes the container's files; returns those that are there, the only ones compared at exit. */
function layOut(fs: EmscriptenFs, files: PythonEntry[]): PythonEntry[] {
  const laidOut: PythonEntry[] = [];
  for (const entry of files) {
    try {
      if (entry.kind === "symlink") {
        fs.symlink(entry.target, entry.path);
      } else {
        if (entry.kind === "file") fs.writeFile(entry.path, entry.data);
        else if (!exists(fs, entry.path)) fs.mkdir(entry.path, entry.mode);
        fs.chmod(entry.path, entry.mode);
        fs.utime(entry.path, entry.mtime, entry.mtime);
      }
      laidOut.push(entry);
    } catch {
      // A path the runtime keeps for itself (its stdlib zip, say): the runtime's wins, and the
      // container's entry is left alone at exit rather than taken for deleted.
    }
  }
  return laidOut;
}

function exists(fs: EmscriptenFs, path: string): boolean {
  try {
    fs.lstat(path);
    return true;
  } catch {
    return false;
  }
}

/**
 * Python's own buffering decides when it writes (line by line on a terminal, 8 kB blocks in a
 * pipe, as in a container); each write is passed on as one piece, so output keeps its order and
 * streams while a long script runs.
 */
function emitPerWrite(module: CpythonModule, pending: Record<"stdout" | "stderr", number[]>, write: PythonWrite, tty: boolean): void {
  const streams = [
    [1, "stdout"],
    [2, "stderr"],
  ] as const;
  for (const [fd, name] of streams) {
    const stream = module.FS.getStream(fd);
    if (!stream) continue;
    const decoder = new TextDecoder();
    const ops = stream.stream_ops;
    stream.stream_ops = {
      ...ops,
      write(...args) {
        const written = ops.write(...args);
        const bytes = pending[name].splice(0);
        const text = decoder.decode(Uint8Array.from(bytes), { stream: true });
        if (text) write(name, name === "stderr" ? linuxErrors(text) : text);
        return written;
      },
    };
    // isatty() is true for a stream with a tty: Python then line-buffers and colours tracebacks.
    // (The build has no os.get_terminal_size, so shutil falls back to 80x24 as in a pipe.)
    if (tty) stream.tty = { ops: {} };
  }
}

type Found = { kind: "dir" | "file"; mode: number; mtime: number } | { kind: "symlink"; target: string };

function walk(fs: EmscriptenFs, dir = "/", into = new Map<string, Found>()): Map<string, Found> {
  for (const name of fs.readdir(dir)) {
    if (name === "." || name === "..") continue;
    const path = dir === "/" ? `/${name}` : `${dir}/${name}`;
    if (SKIPPED.has(path)) continue;
    const stat = fs.lstat(path);
    const type = stat.mode & S_IFMT;
    if (type === S_IFLNK) {
      into.set(path, { kind: "symlink", target: fs.readlink(path) });
      continue;
    }
    into.set(path, { kind: type === S_IFDIR ? "dir" : "file", mode: stat.mode & 0o7777, mtime: stat.mtime.getTime() });
    if (type === S_IFDIR) walk(fs, path, into);
  }
  return into;
}

const sameBytes = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((byte, i) => byte === b[i]);

/** What differs between the tree now and the container's files that went in. */
export function changesOf(fs: EmscriptenFs, before: PythonEntry[], runtimeOwn: ReadonlySet<string>): PythonChange[] {
  const was = new Map(before.map((entry) => [entry.path, entry]));
  const now = walk(fs);
  const changes: PythonChange[] = [];
  for (const [path, found] of now) {
    const old = was.get(path);
    if (!old && runtimeOwn.has(path)) continue;
    if (old && old.kind !== found.kind) changes.push({ path, kind: "deleted" });
    if (found.kind === "symlink") {
      if (old?.kind !== "symlink" || old.target !== found.target) changes.push({ path, kind: "symlink", target: found.target });
      continue;
    }
    const mode = old?.kind === found.kind ? found.mode : found.mode & ~UMASK;
    const mtime = found.mtime;
    if (found.kind === "dir") {
      if (old?.kind !== "dir" || old.mode !== mode) changes.push({ path, kind: "dir", mode, mtime });
      continue;
    }
    const data = fs.readFile(path);
    if (old?.kind !== "file" || old.mode !== mode || !sameBytes(old.data, data)) changes.push({ path, kind: "file", mode, mtime, data });
  }
  const gone = before.filter((entry) => !now.has(entry.path));
  const goneSet = new Set(gone.map((entry) => entry.path));
  for (const entry of gone) {
    const parent = entry.path.slice(0, entry.path.lastIndexOf("/"));
    if (!goneSet.has(parent)) changes.push({ path: entry.path, kind: "deleted" });
  }
  return changes;
}
