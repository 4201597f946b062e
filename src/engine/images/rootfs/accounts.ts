// /etc/passwd, /etc/group, /etc/shadow (and Debian's /etc/gshadow) as one value, so that a layer
// which adds a user (useradd, adduser) can write the whole files again, as the real layer does.
import type { Specs } from "./stub.js";

export interface Accounts {
  passwd: readonly string[];
  group: readonly string[];
  shadow: readonly string[];
  /** Debian and Ubuntu only. */
  gshadow?: readonly string[];
  /** /etc/shadow's mode and group: 0640 root:shadow on Debian and Alpine, 0600 on busybox, 0000 on Oracle Linux. */
  shadowMode: number;
  shadowGid: number;
}

export interface NewAccounts {
  passwd?: readonly string[];
  group?: readonly string[];
  shadow?: readonly string[];
  gshadow?: readonly string[];
}

/** The accounts after useradd/groupadd appended entries (they always append). */
export function withAccounts(base: Accounts, added: NewAccounts): Accounts {
  const out: Accounts = {
    ...base,
    passwd: [...base.passwd, ...(added.passwd ?? [])],
    group: [...base.group, ...(added.group ?? [])],
    shadow: [...base.shadow, ...(added.shadow ?? [])],
  };
  if (base.gshadow) out.gshadow = [...base.gshadow, ...(added.gshadow ?? [])];
  return out;
}

const text = (lines: readonly string[]): string => lines.map((l) => `${l}\n`).join("");

export function accountFiles(a: Accounts): Specs {
  const specs: Specs = {
    "/etc/passwd": text(a.passwd),
    "/etc/group": text(a.group),
    "/etc/shadow": { file: text(a.shadow), mode: a.shadowMode, uid: 0, gid: a.shadowGid },
  };
  if (a.gshadow) specs["/etc/gshadow"] = { file: text(a.gshadow), mode: a.shadowMode, uid: 0, gid: a.shadowGid };
  return specs;
}
