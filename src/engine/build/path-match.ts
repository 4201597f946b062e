// Go's filepath.Match on "/"-separated names: `*` and `?` never cross a slash, `[...]` classes
// with ranges and `^` negation, `\` escapes. COPY's wildcards match each context path with it.

/** Whether `name` matches `pattern`; a malformed pattern matches nothing (Go returns ErrBadPattern). */
export function goMatch(pattern: string, name: string): boolean {
  const source = toRegExp(pattern);
  return source !== undefined && new RegExp(`^${source}$`, "s").test(name);
}

export function hasWildcards(path: string): boolean {
  for (let i = 0; i < path.length; i++) {
    const ch = path[i];
    if (ch === "\\") i++;
    else if (ch === "*" || ch === "?" || ch === "[") return true;
  }
  return false;
}

const escape = (ch: string) => ch.replace(/[.*+?^${}()|[\]\\/-]/g, "\\$&");

function toRegExp(pattern: string): string | undefined {
  let out = "";
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i] ?? "";
    if (ch === "*") out += "[^/]*";
    else if (ch === "?") out += "[^/]";
    else if (ch === "\\") {
      const next = pattern[++i];
      if (next === undefined) return undefined;
      out += escape(next);
    } else if (ch === "[") {
      let j = i + 1;
      let cls = "";
      if (pattern[j] === "^") {
        cls += "^";
        j++;
      }
      let first = true;
      for (; j < pattern.length && (pattern[j] !== "]" || first); j++) {
        first = false;
        let c = pattern[j] ?? "";
        if (c === "\\") c = pattern[++j] ?? "";
        if (c === "" || c === "/") return undefined;
        cls += escape(c);
        if (pattern[j + 1] === "-" && pattern[j + 2] !== "]" && pattern[j + 2] !== undefined) {
          let hi = pattern[j + 2] ?? "";
          j += 2;
          if (hi === "\\") hi = pattern[++j] ?? "";
          cls += `-${escape(hi)}`;
        }
      }
      if (pattern[j] !== "]") return undefined;
      // Never "/" inside a class, as Go's Match.
      out += cls.startsWith("^") ? `[${cls}/]` : `(?:(?!/)[${cls}])`;
      i = j;
    } else out += escape(ch);
  }
  return out;
}
