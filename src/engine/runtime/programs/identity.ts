// id, whoami and groups: who the process runs as, from Config.User (or exec --user) and the
// image's /etc/passwd and /etc/group, as runc resolves them: a name or uid found in passwd gives
// its primary group, a uid that is not there runs with gid 0, and supplementary groups are those
// that list the user as a member. Busybox and coreutils differ only in their error messages.
import type { ProcessContext } from "../program.js";
import { flavourOf, readText } from "./container-facts.js";

interface Account {
  name: string;
  uid: number;
  gid: number;
  home: string;
}

interface Group {
  name: string;
  gid: number;
  members: string[];
}

export interface Identity {
  uid: number;
  gid: number;
  user: string | undefined;
  group: string | undefined;
  /** Primary group first, then the supplementary ones in numeric order. */
  groups: { gid: number; name: string | undefined }[];
  home: string;
}

function parsePasswd(text: string): Account[] {
  return text.split("\n").flatMap((line) => {
    const [name = "", , uid = "", gid = "", , home = "/"] = line.split(":");
    return name && /^\d+$/.test(uid) ? [{ name, uid: Number(uid), gid: Number(gid), home }] : [];
  });
}

function parseGroups(text: string): Group[] {
  return text.split("\n").flatMap((line) => {
    const [name = "", , gid = "", members = ""] = line.split(":");
    return name && /^\d+$/.test(gid) ? [{ name, gid: Number(gid), members: members.split(",").filter(Boolean) }] : [];
  });
}

/** The account files of the container, parsed. */
export async function accountsOf(ctx: ProcessContext): Promise<{ passwd: Account[]; groups: Group[] }> {
  return { passwd: parsePasswd((await readText(ctx, "/etc/passwd")) ?? ""), groups: parseGroups((await readText(ctx, "/etc/group")) ?? "") };
}

/** Resolves "name", "uid", "name:group" or "uid:gid" ("" is root) against the account files. */
export async function identityOf(ctx: ProcessContext, spec = ctx.user): Promise<Identity> {
  const { passwd, groups } = await accountsOf(ctx);
  const [userPart = "", groupPart] = (spec || "root").split(":");
  const account = /^\d+$/.test(userPart) ? passwd.find((a) => a.uid === Number(userPart)) : passwd.find((a) => a.name === userPart);
  const uid = account?.uid ?? (/^\d+$/.test(userPart) ? Number(userPart) : 0);
  let gid = account?.gid ?? 0;
  if (groupPart !== undefined && groupPart !== "") {
    gid = /^\d+$/.test(groupPart) ? Number(groupPart) : (groups.find((g) => g.name === groupPart)?.gid ?? 0);
  }
  const nameOfGroup = (id: number) => groups.find((g) => g.gid === id)?.name;
  const extra = account ? groups.filter((g) => g.members.includes(account.name) && g.gid !== gid).map((g) => g.gid) : [];
  const ids = [gid, ...[...new Set(extra)].sort((a, b) => a - b)];
  return {
    uid,
    gid,
    user: account?.name,
    group: nameOfGroup(gid),
    groups: ids.map((id) => ({ gid: id, name: nameOfGroup(id) })),
    home: account?.home ?? "/",
  };
}

interface Out {
  stdout: string;
  stderr: string;
  exitCode: number;
}

const named = (id: number, name: string | undefined) => (name === undefined ? String(id) : `${id}(${name})`);

export async function id(ctx: ProcessContext, args: string[]): Promise<Out> {
  const flags = new Set<string>();
  const operands: string[] = [];
  for (const arg of args) {
    if (arg.startsWith("-") && arg.length > 1) for (const f of arg.slice(1)) flags.add(f);
    else operands.push(arg);
  }
  const busybox = flavourOf(ctx, "id") === "busybox";
  let who: Identity;
  if (operands[0] !== undefined) {
    const { passwd } = await accountsOf(ctx);
    if (!passwd.some((a) => a.name === operands[0] || String(a.uid) === operands[0])) {
      return { stdout: "", stderr: busybox ? `id: unknown user ${operands[0]}\n` : `id: '${operands[0]}': no such user\n`, exitCode: 1 };
    }
    who = await identityOf(ctx, operands[0]);
  } else {
    who = await identityOf(ctx);
  }
  const names = flags.has("n");
  if (flags.has("u")) return { stdout: `${names ? (who.user ?? who.uid) : who.uid}\n`, stderr: "", exitCode: 0 };
  if (flags.has("g")) return { stdout: `${names ? (who.group ?? who.gid) : who.gid}\n`, stderr: "", exitCode: 0 };
  if (flags.has("G")) return { stdout: `${who.groups.map((g) => (names ? (g.name ?? g.gid) : g.gid)).join(" ")}\n`, stderr: "", exitCode: 0 };
  const line = `uid=${named(who.uid, who.user)} gid=${named(who.gid, who.group)} groups=${who.groups.map((g) => named(g.gid, g.name)).join(",")}\n`;
  return { stdout: line, stderr: "", exitCode: 0 };
}

export async function whoami(ctx: ProcessContext): Promise<Out> {
  const who = await identityOf(ctx);
  if (who.user !== undefined) return { stdout: `${who.user}\n`, stderr: "", exitCode: 0 };
  const busybox = flavourOf(ctx, "whoami") === "busybox";
  return { stdout: "", stderr: busybox ? `whoami: unknown uid ${who.uid}\n` : `whoami: cannot find name for user ID ${who.uid}\n`, exitCode: 1 };
}

export async function groups(ctx: ProcessContext, args: string[]): Promise<Out> {
  const user = args.find((a) => !a.startsWith("-"));
  const who = await identityOf(ctx, user);
  const list = who.groups.map((g) => g.name ?? String(g.gid)).join(" ");
  // coreutils names the user when asked about one: "root : root".
  const prefix = user !== undefined && flavourOf(ctx, "groups") === "gnu" ? `${user} : ` : "";
  return { stdout: `${prefix}${list}\n`, stderr: "", exitCode: 0 };
}
