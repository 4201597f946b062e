// getUIDGID (daemon/archive_tarcopyoptions_unix.go): the ids of a container's Config.User, read
// from the container's own /etc/passwd and /etc/group, for `docker cp -a`.
import { invalidParameter } from "../errors.js";
import type { ContainerFiles } from "./container-files.js";

async function table(files: ContainerFiles, path: string): Promise<string[][]> {
  try {
    const { path: real, node } = await files.resolve(path, true);
    if (node?.type !== "file") return [];
    return new TextDecoder()
      .decode(await files.read(real))
      .split("\n")
      .filter((line) => line !== "" && !line.startsWith("#"))
      .map((line) => line.split(":"));
  } catch {
    return [];
  }
}

/** ParseUint(…, 10, 32) within int32: a numeric id, or undefined for a name. */
function numericId(text: string): number | undefined {
  if (!/^\d+$/.test(text)) return undefined;
  const n = Number(text);
  return n <= 0x7fffffff ? n : undefined;
}

/** The ids `docker cp -a` gives copied files; undefined when the container runs as root by default. */
export async function containerUser(files: ContainerFiles, user: string): Promise<{ uid: number; gid: number } | undefined> {
  if (user === "") return undefined;
  const colon = user.indexOf(":");
  const userPart = colon < 0 ? user : user.slice(0, colon);
  const groupPart = colon < 0 ? "" : user.slice(colon + 1);
  let uid = 0;
  let gid = 0;
  if (userPart !== "") {
    const passwd = await table(files, "/etc/passwd");
    const id = numericId(userPart);
    const found = passwd.find((f) => (id === undefined ? f[0] === userPart : Number(f[2]) === id));
    if (!found && id === undefined) throw invalidParameter(`failed to look up user "${userPart}" in container: no matching entries in passwd file`);
    uid = found ? Number(found[2]) : (id ?? 0);
    gid = found ? Number(found[3]) : 0;
  }
  if (groupPart !== "") {
    const id = numericId(groupPart);
    if (id !== undefined) {
      gid = id;
    } else {
      const found = (await table(files, "/etc/group")).find((f) => f[0] === groupPart);
      if (!found) throw invalidParameter(`failed to look up group "${groupPart}" in container: no matching entries in group file`);
      gid = Number(found[2]);
    }
  }
  return { uid, gid };
}
