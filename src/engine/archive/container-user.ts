// Users and groups of a tree, read from its own /etc/passwd and /etc/group: getUIDGID
// (daemon/archive_tarcopyoptions_unix.go) for `docker cp -a`, and the builder's COPY --chown.
// The two read the files alike and differ in what a number may be and in how they fail.
import { invalidParameter } from "../errors.js";
import type { ContainerFiles } from "./container-files.js";

export interface IdLookup {
  /** The text of a file of the tree, undefined when it is missing or unreadable. */
  read: (path: string) => string | undefined | Promise<string | undefined>;
  /** The largest id a number may give; a larger number is taken for a name. */
  maxId: number;
  /** The error for a name the tree's passwd or group file has no line for. */
  notFound: (kind: "user" | "group", name: string) => Error;
}

/**
 * A user (/etc/passwd) or group (/etc/group) of the tree: a number matches a line by its id and
 * stands without one; a name must have its line. The line's fields come back with the id.
 */
export async function lookupId(lookup: IdLookup, kind: "user" | "group", name: string): Promise<{ id: number; fields: string[] | undefined }> {
  const text = await lookup.read(kind === "user" ? "/etc/passwd" : "/etc/group");
  const lines = (text ?? "")
    .split("\n")
    .filter((line) => line !== "" && !line.startsWith("#"))
    .map((line) => line.split(":"));
  const number = /^\d+$/.test(name) && Number(name) <= lookup.maxId ? Number(name) : undefined;
  const fields = lines.find((f) => (number === undefined ? f[0] === name : Number(f[2]) === number));
  if (number !== undefined) return { id: number, fields };
  if (!fields) throw lookup.notFound(kind, name);
  return { id: Number(fields[2] ?? 0), fields };
}

async function readText(files: ContainerFiles, path: string): Promise<string | undefined> {
  try {
    const { path: real, node } = await files.resolve(path, true);
    if (node?.type !== "file") return undefined;
    return new TextDecoder().decode(await files.read(real));
  } catch {
    return undefined;
  }
}

/** The ids `docker cp -a` gives copied files; undefined when the container runs as root by default. */
export async function containerUser(files: ContainerFiles, user: string): Promise<{ uid: number; gid: number } | undefined> {
  if (user === "") return undefined;
  const lookup: IdLookup = {
    read: (path) => readText(files, path),
    // ParseUint(…, 10, 32) kept within int32.
    maxId: 0x7fffffff,
    notFound: (kind, name) =>
      invalidParameter(`failed to look up ${kind} "${name}" in container: no matching entries in ${kind === "user" ? "passwd" : "group"} file`),
  };
  const colon = user.indexOf(":");
  const userPart = colon < 0 ? user : user.slice(0, colon);
  const groupPart = colon < 0 ? "" : user.slice(colon + 1);
  let uid = 0;
  let gid = 0;
  if (userPart !== "") {
    // The user's own line gives the group too; a number with no line gets group 0.
    const found = await lookupId(lookup, "user", userPart);
    uid = found.id;
    gid = found.fields ? Number(found.fields[3]) : 0;
  }
  if (groupPart !== "") gid = (await lookupId(lookup, "group", groupPart)).id;
  return { uid, gid };
}
