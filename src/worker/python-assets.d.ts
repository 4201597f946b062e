// The CPython build inside just-bash (vendor/cpython-emscripten), reached through the
// "just-bash-cpython" alias of vite.config.ts, since the package's exports do not list it.

declare module "just-bash-cpython/python.cjs" {
  /** Emscripten's module factory; python-emscripten.ts types what is used of it. */
  const createModule: unknown;
  export default createModule;
}

/** Vite emits the file as an asset and the import is its URL. */
declare module "just-bash-cpython/*?url" {
  const url: string;
  export default url;
}
