// How a container's command becomes a running program, as runc's exec does it: a name without a
// slash is looked up along $PATH in the container's own files, a path is taken as it is. A file
// that is missing, not executable or a directory fails the start with runc's words and the exit
// code the daemon reports (127 not found, 126 cannot execute). What is found then runs as:
// one of our programs (by its name, so busybox's applet links work), a `#!` script through the
// shell, or else as a command of just-bash over the container's files.
import type { LayeredFs } from "../fs/layered-fs.js";
import type { Program } from "./program.js";
import { nativeProgram, resolveProgram } from "./programs/index.js";
import { lazyProgram } from "./programs/lazy.js";

/** A command with no program of its own, run by just-bash (fetched with the shell). */
const command = lazyProgram(() => import("./programs/shell.js").then((m) => m.command));
const scriptProgram = (text: string) => lazyProgram(() => import("./programs/shell.js").then((m) => m.scriptProgram(text)));

const ENTRYPOINTS = new Set(["docker-entrypoint.sh", "entrypoint.sh"]);

export const DEFAULT_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

export type Resolution =
  | { ok: true; program: Program; argv: string[] }
  /** `reason` is what follows `exec: "NAME": ` in runc's message. */
  | { ok: false; exitCode: 126 | 127; reason: string };

function pathOf(env: string[]): string {
  const entry = env.find((e) => e.startsWith("PATH="));
  return entry ? entry.slice(5) : DEFAULT_PATH;
}

function executable(root: LayeredFs, path: string, mounted?: MountedProbe): "yes" | "missing" | "denied" {
  // A file on a volume or bind mount is looked up there, not in the root under it.
  const onMount = mounted?.(path);
  if (onMount !== undefined) return onMount;
  try {
    const { entry } = root.resolve(path, true, "stat");
    if (!entry) return "missing";
    if (entry.type !== "file" || (entry.mode & 0o111) === 0) return "denied";
    return "yes";
  } catch {
    return "missing";
  }
}

/** True when the image carries no files at all (an image known only by its records). */
function hasNoFiles(root: LayeredFs | undefined): boolean {
  return !root || root.empty;
}

/** What a mount says of a path: undefined when the path is not under a mount point. */
export type MountedProbe = (path: string) => "yes" | "missing" | "denied" | undefined;

export function resolveCommand(argv: string[], env: string[], root: LayeredFs | undefined, cwd = "/", mounted?: MountedProbe): Resolution {
  const name = argv[0] ?? "";
  if (name === "") return { ok: false, exitCode: 127, reason: "executable file not found in $PATH" };
  if (hasNoFiles(root) || !root) {
    const found = resolveProgram(argv);
    return found ? { ok: true, ...found } : { ok: false, exitCode: 127, reason: "executable file not found in $PATH" };
  }
  let path: string | undefined;
  if (name.includes("/")) {
    const absolute = name.startsWith("/") ? name : `${cwd.replace(/\/$/, "")}/${name}`;
    const state = executable(root, absolute, mounted);
    if (state === "missing") return { ok: false, exitCode: 127, reason: `stat ${name}: no such file or directory` };
    if (state === "denied") return { ok: false, exitCode: 126, reason: "permission denied" };
    path = absolute;
  } else {
    for (const dir of pathOf(env).split(":")) {
      const candidate = `${dir === "" ? "." : dir.replace(/\/$/, "")}/${name}`;
      if (executable(root, candidate, mounted) === "yes") {
        path = candidate;
        break;
      }
    }
    if (!path) return { ok: false, exitCode: 127, reason: "executable file not found in $PATH" };
  }
  const program = nativeProgram(argv);
  if (program) return { ok: true, ...program };
  // An image's entrypoint script ends in `exec "$@"`: what it runs may be a command of the shell
  // (`docker run nginx cat /etc/nginx/nginx.conf`), found along PATH as the script would.
  if (ENTRYPOINTS.has(name.slice(name.lastIndexOf("/") + 1)) && argv.length > 1) return resolveCommand(argv.slice(1), env, root, cwd, mounted);
  const text = root.readText(path);
  // A script: the shell runs its text (the interpreter line is a comment to it).
  if (text?.startsWith("#!")) return { ok: true, program: scriptProgram(text), argv };
  return { ok: true, program: command, argv };
}
