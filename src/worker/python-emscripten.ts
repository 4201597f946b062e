// What python-run uses of the CPython build's Emscripten module (vendor/cpython-emscripten in
// just-bash), typed here because the build ships no typings. Only the members used are declared.

export interface EmscriptenStat {
  mode: number;
  mtime: Date;
}

export interface EmscriptenStreamOps {
  write(...args: unknown[]): number;
}

export interface EmscriptenStream {
  stream_ops: EmscriptenStreamOps;
  /** Present on a terminal: what isatty() checks. */
  tty?: { ops: object };
}

export interface EmscriptenFs {
  mkdir(path: string, mode?: number): void;
  mkdirTree(path: string): void;
  writeFile(path: string, data: Uint8Array): void;
  readFile(path: string): Uint8Array;
  symlink(target: string, path: string): void;
  readlink(path: string): string;
  readdir(path: string): string[];
  lstat(path: string): EmscriptenStat;
  chmod(path: string, mode: number): void;
  utime(path: string, atime: number, mtime: number): void;
  chdir(path: string): void;
  getStream(fd: number): EmscriptenStream | null;
}

export interface CpythonModule {
  FS: EmscriptenFs;
  /** Read once, when main starts: a key set to undefined removes Emscripten's default. */
  ENV: Record<string, string | undefined>;
  /** Runs main(); returns the exit status (sys.exit's, 1 for an uncaught exception). */
  callMain(args: string[]): number;
}

export interface CpythonOptions {
  noInitialRun: boolean;
  thisProgram: string;
  instantiateWasm(imports: WebAssembly.Imports, done: (instance: WebAssembly.Instance, module: WebAssembly.Module) => void): object;
  /** A byte of input, null at its end. Given as callbacks, the standard streams are not terminals. */
  stdin(): number | null;
  stdout(byte: number): void;
  stderr(byte: number): void;
  preRun: ((module: CpythonModule) => void)[];
}

export type CreateCpython = (options: CpythonOptions) => Promise<CpythonModule>;
