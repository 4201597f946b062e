// Where docker build finds its context and Dockerfile on the host (cli/command/image/build/
// context.go): a local directory and the Dockerfile's path inside it, with docker's error texts.
import { goClean, goJoin } from "../../client/index.js";
import type { HostFiles } from "../io.js";
import { evalSymlinks, pathError } from "./cp-paths.js";

export const defaultDockerfileName = "Dockerfile";

/** An error of context preparation, printed after "unable to prepare context: ". */
export class PrepareContextError extends Error {}

/** filepath.EvalSymlinks' own words: a file in the middle of the path is just ENOTDIR. */
async function evalSymlinksGo(files: HostFiles, path: string): Promise<string> {
  try {
    return await evalSymlinks(files, path);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(/^lstat .*: not a directory$/.test(message) ? "not a directory" : message);
  }
}

/** filepath.Rel for two clean absolute paths. */
export function goRel(base: string, target: string): string {
  const from = base.split("/").filter(Boolean);
  const to = target.split("/").filter(Boolean);
  let common = 0;
  while (common < from.length && common < to.length && from[common] === to[common]) common++;
  const parts = [...from.slice(common).map(() => ".."), ...to.slice(common)];
  return parts.length > 0 ? parts.join("/") : ".";
}

/** ResolveAndValidateContextPath: the directory made absolute, its symlinks followed. */
async function resolveContextDir(files: HostFiles, given: string): Promise<string> {
  let dir = files.abs(given);
  try {
    dir = await evalSymlinksGo(files, dir);
  } catch (error) {
    throw new PrepareContextError(`unable to evaluate symlinks in context path: ${(error as Error).message}`);
  }
  let info;
  try {
    info = await files.lstat(dir);
  } catch (error) {
    throw new PrepareContextError(`unable to stat context directory ${JSON.stringify(dir)}: ${pathError("lstat", dir, error).message}`);
  }
  if (info?.type !== "dir") throw new PrepareContextError(`context must be a directory: ${dir}`);
  return dir;
}

/** getDockerfileRelPath: "Dockerfile" (or "dockerfile", if only that exists) unless -f says otherwise. */
async function dockerfileRelPath(files: HostFiles, contextDir: string, given: string): Promise<string> {
  if (given === "-") return given;
  let dockerfile = given;
  if (dockerfile === "") {
    dockerfile = goJoin(contextDir, defaultDockerfileName);
    const alternative = goJoin(contextDir, defaultDockerfileName.toLowerCase());
    if (!(await files.lstat(dockerfile).catch(() => undefined)) && (await files.lstat(alternative).catch(() => undefined))) dockerfile = alternative;
  }
  if (!dockerfile.startsWith("/")) dockerfile = goJoin(contextDir, dockerfile);
  try {
    dockerfile = await evalSymlinksGo(files, dockerfile);
  } catch (error) {
    throw new PrepareContextError(`unable to evaluate symlinks in Dockerfile path: ${(error as Error).message}`);
  }
  if (!(await files.lstat(dockerfile).catch(() => undefined))) throw new PrepareContextError(`Cannot locate Dockerfile: ${JSON.stringify(dockerfile)}`);
  return goRel(contextDir, dockerfile);
}

/**
 * GetContextFromLocalDir: the context's absolute path and the Dockerfile relative to it. A -f
 * path is relative to the shell's directory, not the context's.
 */
export async function contextFromLocalDir(files: HostFiles, dir: string, dockerfileName: string): Promise<{ contextDir: string; relDockerfile: string }> {
  const contextDir = await resolveContextDir(files, dir);
  const given = dockerfileName !== "" && dockerfileName !== "-" ? goClean(files.abs(dockerfileName)) : dockerfileName;
  return { contextDir, relDockerfile: await dockerfileRelPath(files, contextDir, given) };
}

/** isLocalDir: os.Stat succeeds (a file counts; it fails later as "not a directory"). */
export async function isLocalPath(files: HostFiles, path: string): Promise<boolean> {
  try {
    return (await files.stat(files.abs(path))) !== undefined;
  } catch {
    return false;
  }
}

/** urlutil.IsURL and IsGitURL: the remote contexts docker build accepts. */
export function isUrl(text: string): boolean {
  return text.startsWith("http://") || text.startsWith("https://");
}

export function isGitUrl(text: string): boolean {
  if (isUrl(text) && /\.git(?:#.+)?$/.test(text)) return true;
  return ["git://", "github.com/", "git@"].some((prefix) => text.startsWith(prefix));
}
