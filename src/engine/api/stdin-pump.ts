// A hijacked connection's input, fed to a container or exec process: it is scanned for the
// detach sequence (Ctrl-P Ctrl-Q unless --detach-keys says otherwise), which ends the
// connection but leaves the process running, as dockerd's attach does.

const DEFAULT_DETACH = "ctrl-p,ctrl-q";

/** "ctrl-p,ctrl-q" → "\x10\x11"; letters, digits and @[\\]^_ may follow "ctrl-". */
export function detachKeys(spec: string | undefined): string {
  const keys: string[] = [];
  for (const key of (spec || DEFAULT_DETACH).split(",")) {
    const lower = key.toLowerCase();
    if (lower.startsWith("ctrl-") && key.length === 6) {
      const ch = key.charCodeAt(5);
      const upper = ch >= 97 && ch <= 122 ? ch - 32 : ch;
      if (upper >= 64 && upper <= 95) keys.push(String.fromCharCode(upper - 64));
      else return detachKeys(DEFAULT_DETACH);
    } else if (key.length === 1) {
      keys.push(key);
    } else {
      return detachKeys(DEFAULT_DETACH);
    }
  }
  return keys.join("");
}

export interface StdinTarget {
  write(data: string): void;
  /** The detach sequence was typed. */
  detached(): void;
  /** The writer closed its side (EOF). */
  ended(): void;
  /** True once the connection is gone for another reason: stop reading. */
  stopped(): boolean;
}

export async function pumpStdin(stdin: AsyncIterable<string>, keys: string, target: StdinTarget): Promise<void> {
  let matched = "";
  try {
    for await (const data of stdin) {
      if (target.stopped()) return;
      let out = "";
      for (const ch of data) {
        if (keys && ch === keys[matched.length]) {
          matched += ch;
          if (matched === keys) {
            if (out) target.write(out);
            target.detached();
            return;
          }
          continue;
        }
        // A partial sequence that did not complete is ordinary input after all.
        out += matched + ch;
        matched = "";
      }
      if (out) target.write(out);
    }
  } catch {
    // The connection broke: as for EOF.
  }
  if (matched) target.write(matched);
  target.ended();
}
