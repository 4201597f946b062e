// The terminal's files as the engine sees them for bind mounts. The host shell's filesystem
// exists once just-bash has loaded (after the first prompt), and is replaced by a reset, so
// every call asks for the current one.
import type { IFileSystem } from "just-bash";

type Method = keyof IFileSystem;

export function lazyFileSystem(current: () => Promise<IFileSystem>): IFileSystem {
  let last: IFileSystem | undefined;
  const forward =
    (name: Method) =>
    async (...args: unknown[]): Promise<unknown> => {
      const fs = await current();
      last = fs;
      const method = fs[name] as ((...a: unknown[]) => unknown) | undefined;
      if (typeof method !== "function") throw new Error(`ENOSYS: function not implemented, ${String(name)}`);
      return method.apply(fs, args);
    };
  return new Proxy({} as IFileSystem, {
    get(_target, property: Method) {
      if (property === "resolvePath") return (base: string, path: string) => (path.startsWith("/") ? path : `${base.replace(/\/$/, "")}/${path}`);
      if (property === "getAllPaths") return () => last?.getAllPaths() ?? [];
      return forward(property);
    },
  });
}
