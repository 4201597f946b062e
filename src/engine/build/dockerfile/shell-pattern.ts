// The shell patterns of `${VAR#pat}`, `${VAR%pat}` and `${VAR/pat/repl}`: `*` and `?` are
// wildcards, `\` escapes them; no bracket expressions. Translated to a regular expression
// as buildkit does, so shortest and longest matches come out the same.

const regexSpecials = "[]{}.+()|^$";

function toRegex(pattern: string, greedy: boolean, anchored: boolean): RegExp {
  const chars = Array.from(pattern);
  let out = anchored ? "^" : "";
  for (let i = 0; i < chars.length; i++) {
    const tok = chars[i] ?? "";
    if (tok === "*") {
      out += greedy ? "[^\\n]*" : "[^\\n]*?";
      continue;
    }
    if (tok === "?") {
      out += "[^\\n]";
      continue;
    }
    if (tok === "\\") {
      // An escaped } or / belongs to the ${} syntax, not to the pattern.
      const next = chars[i + 1];
      if (next === "}" || next === "/") continue;
      i++;
      if (next !== "*" && next !== "?" && next !== "\\") {
        throw new Error(`invalid escape '\\${next ?? "\ufffd"}'`);
      }
      out += `\\${next}`;
      continue;
    }
    out += regexSpecials.includes(tok) ? `\\${tok}` : tok;
  }
  return new RegExp(out, "u");
}

function compile(pattern: string, greedy: boolean, anchored: boolean): RegExp {
  try {
    return toRegex(pattern, greedy, anchored);
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    throw new Error(`invalid pattern (${pattern}) in substitution: ${why}`);
  }
}

export function trimPrefix(pattern: string, value: string, greedy: boolean): string {
  const match = compile(pattern, greedy, true).exec(value);
  return match ? value.slice(match.index + match[0].length) : value;
}

// A regular expression cannot find the shortest match that ends at the right, so both the
// value and the pattern are reversed (keeping each escape before the character it escapes).
function reversePattern(pattern: string): string {
  const chars = Array.from(pattern);
  const out: string[] = new Array<string>(chars.length);
  const last = chars.length - 1;
  for (let i = 0; i <= last; ) {
    const tok = chars[i] ?? "";
    const at = last - i;
    if (tok === "\\" && i !== last) {
      out[at - 1] = tok;
      out[at] = chars[i + 1] ?? "";
      i += 2;
    } else {
      out[at] = tok;
      i++;
    }
  }
  return out.join("");
}

const reverse = (s: string): string => Array.from(s).reverse().join("");

export function trimSuffix(pattern: string, value: string, greedy: boolean): string {
  return reverse(trimPrefix(reversePattern(pattern), reverse(value), greedy));
}

/** `${VAR/pat/repl}` (first match, replacement literal) and `${VAR//pat/repl}` (all matches). */
export function replacePattern(value: string, pattern: string, replacement: string, all: boolean): string {
  const re = compile(pattern, true, false);
  if (!all) {
    const match = re.exec(value);
    if (!match) return value;
    return value.slice(0, match.index) + replacement + value.slice(match.index + match[0].length);
  }
  const global = new RegExp(re.source, "gu");
  return value.replace(global, (whole) => goExpand(replacement, whole));
}

// Go's Regexp.ReplaceAllString reads $name and ${name} in the replacement: $0 is the match,
// other names refer to groups this pattern never has, so they vanish; $$ is a dollar.
function goExpand(template: string, whole: string): string {
  let out = "";
  let rest = template;
  while (rest !== "") {
    const at = rest.indexOf("$");
    if (at < 0) return out + rest;
    out += rest.slice(0, at);
    rest = rest.slice(at + 1);
    if (rest.startsWith("$")) {
      out += "$";
      rest = rest.slice(1);
      continue;
    }
    const braced = /^\{([A-Za-z0-9_]+)\}/.exec(rest);
    const bare = braced ? undefined : /^[A-Za-z0-9_]+/.exec(rest);
    const name = braced?.[1] ?? bare?.[0];
    if (name === undefined) {
      out += "$";
      continue;
    }
    rest = rest.slice((braced ?? bare)?.[0].length ?? 0);
    if (/^[0-9]+$/.test(name) && Number(name) === 0) out += whole;
  }
  return out;
}
