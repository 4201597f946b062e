// Putting a package's files into a container and taking them out again, through the container's
// own filesystem (so they land in its writable layer: `docker diff` lists them and `docker
// commit` keeps them). Programs become executable stand-ins; libraries and data plain files.
import type { IFileSystem } from "just-bash";
import { programStub, type CatalogPackage } from "./package-catalog.js";

function parent(path: string): string {
  const slash = path.lastIndexOf("/");
  return slash <= 0 ? "/" : path.slice(0, slash);
}

function isProgram(path: string): boolean {
  return /\/(s?bin|libexec)\//.test(path) && !path.includes(".so");
}

async function exists(fs: IFileSystem, path: string): Promise<boolean> {
  try {
    await fs.lstat(path);
    return true;
  } catch {
    return false;
  }
}

export function filePaths(pkg: CatalogPackage): string[] {
  return pkg.files.map((f) => f.split(" -> ")[0] ?? f);
}

export async function installFiles(fs: IFileSystem, pkg: CatalogPackage): Promise<void> {
  for (const spec of pkg.files) {
    const [path = spec, target] = spec.split(" -> ");
    await fs.mkdir(parent(path), { recursive: true });
    // A file that was a link (busybox's /bin/ps) is replaced, not written through.
    if (await exists(fs, path)) await fs.rm(path, { force: true });
    if (target !== undefined) {
      await fs.symlink(target, path);
    } else if (isProgram(path)) {
      await fs.writeFile(path, programStub(path.slice(path.lastIndexOf("/") + 1), pkg));
      await fs.chmod(path, 0o755);
    } else if (path.includes(".so")) {
      await fs.writeFile(path, `\x7fELF\x02\x01\x01\x00 ${path.slice(path.lastIndexOf("/") + 1)} (${pkg.name} ${pkg.version}): shared library stand-in.\n`);
      await fs.chmod(path, 0o644);
    } else {
      await fs.writeFile(path, `# ${path} from ${pkg.name} ${pkg.version} (the playground keeps the file, not its contents)\n`);
    }
  }
}

export async function removeFiles(fs: IFileSystem, pkg: CatalogPackage): Promise<void> {
  for (const path of filePaths(pkg)) await fs.rm(path, { force: true });
}

export async function readOr(fs: IFileSystem, path: string, fallback = ""): Promise<string> {
  try {
    return await fs.readFile(path);
  } catch {
    return fallback;
  }
}

/** A short, stable hex name for a URL (apk names its cached indexes this way). */
export function shortHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h.toString(16).padStart(8, "0");
}
