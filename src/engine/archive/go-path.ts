// Go's path.Clean, path.Split and path.Base, which decide the names in Docker's archives and the
// paths its copy logic works on ("/etc/.", "dir/", "./x" each mean something).

/** path.Clean: "" → ".", no "." or ".." elements where avoidable, no double or trailing slash. */
export function goClean(path: string): string {
  if (path === "") return ".";
  const rooted = path.startsWith("/");
  const out: string[] = [];
  for (const part of path.split("/")) {
    if (part === "" || part === ".") continue;
    if (part === "..") {
      if (out.length > 0 && out[out.length - 1] !== "..") out.pop();
      else if (!rooted) out.push("..");
      continue;
    }
    out.push(part);
  }
  const joined = out.join("/");
  if (rooted) return `/${joined}`;
  return joined === "" ? "." : joined;
}

/** path.Split: everything up to and including the last slash, and the rest. */
export function goSplit(path: string): [dir: string, file: string] {
  const i = path.lastIndexOf("/");
  return [path.slice(0, i + 1), path.slice(i + 1)];
}

/** path.Base: the last element, trailing slashes ignored; "/" for the root, "." for "". */
export function goBase(path: string): string {
  if (path === "") return ".";
  const trimmed = path.replace(/\/+$/, "");
  if (trimmed === "") return "/";
  return trimmed.slice(trimmed.lastIndexOf("/") + 1);
}

/** path.Dir: the path without its last element, cleaned. */
export function goDir(path: string): string {
  const [dir] = goSplit(path);
  return goClean(dir);
}

/** path.Join: the elements joined by slashes and cleaned; empty elements ignored. */
export function goJoin(...parts: string[]): string {
  const kept = parts.filter((p) => p !== "");
  return kept.length === 0 ? "" : goClean(kept.join("/"));
}
