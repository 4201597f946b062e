// .dockerignore as docker build reads it on the client side: the file's lines
// (moby/patternmatcher/ignorefile) and the matcher deciding what stays out of the context
// (moby/patternmatcher), with its three ways to match a path and its quirks kept.
import { goClean } from "../../client/index.js";

/** ignorefile.ReadAll: comments and blanks dropped, patterns cleaned, a leading "/" removed. */
export function readIgnoreFile(text: string): string[] {
  const patterns: string[] = [];
  // bufio.ScanLines: split on \n, a \r before it dropped.
  const lines = text.split("\n").map((line) => line.replace(/\r$/, ""));
  if (text.endsWith("\n")) lines.pop();
  lines.forEach((raw, index) => {
    const line = index === 0 ? raw.replace(/^\uFEFF/, "") : raw;
    if (line.startsWith("#")) return;
    let pattern = line.trim();
    if (pattern === "") return;
    const invert = pattern.startsWith("!");
    if (invert) pattern = pattern.slice(1).trim();
    if (pattern.length > 0) {
      pattern = goClean(pattern);
      if (pattern.length > 1 && pattern.startsWith("/")) pattern = pattern.slice(1);
    }
    patterns.push(invert ? `!${pattern}` : pattern);
  });
  return patterns;
}

const badPattern = "syntax error in pattern";

/** filepath.Match's syntax check: unterminated classes, empty ranges, a trailing backslash. */
function checkGlobSyntax(pattern: string): void {
  const chars = [...pattern];
  const escaped = (i: number): [number, boolean] => {
    // getEsc: one character of a class, possibly escaped; '-' and ']' cannot start it.
    const c = chars[i];
    if (c === undefined || c === "-" || c === "]") return [i, false];
    if (c === "\\") return chars[i + 1] === undefined ? [i, false] : [i + 2, true];
    return [i + 1, true];
  };
  for (let i = 0; i < chars.length; ) {
    const c = chars[i];
    if (c === "\\") {
      if (chars[i + 1] === undefined) throw new Error(badPattern);
      i += 2;
    } else if (c === "[") {
      i++;
      if (chars[i] === "^") i++;
      let ranges = 0;
      for (;;) {
        if (chars[i] === "]" && ranges > 0) {
          i++;
          break;
        }
        let ok;
        [i, ok] = escaped(i);
        if (!ok) throw new Error(badPattern);
        if (chars[i] === "-") {
          [i, ok] = escaped(i + 1);
          if (!ok) throw new Error(badPattern);
        }
        ranges++;
      }
    } else {
      i++;
    }
  }
}

type MatchType = "exact" | "prefix" | "suffix" | "regexp";

const regexpSpecials = new Set([...".+()|{}$"]);

class Pattern {
  private type?: MatchType;
  private regexp?: RegExp;

  constructor(
    readonly cleaned: string,
    readonly exclusion: boolean,
  ) {}

  /** Pattern.match: compiled on first use; a pattern Go's regexp rejects is a syntax error. */
  match(path: string): boolean {
    if (!this.type) this.compile();
    switch (this.type) {
      case "exact":
        return path === this.cleaned;
      case "prefix":
        return path.startsWith(this.cleaned.slice(0, -2));
      case "suffix": {
        const suffix = this.cleaned.slice(2);
        // "**/foo" matches "foo" too.
        return path.endsWith(suffix) || (suffix.startsWith("/") && path === suffix.slice(1));
      }
      default:
        return this.regexp?.test(path) ?? false;
    }
  }

  private compile(): void {
    const chars = [...this.cleaned];
    let source = "^";
    let type: MatchType = "exact";
    for (let step = 0, i = 0; i < chars.length; step++) {
      const c = chars[i++] ?? "";
      if (c === "*" && chars[i] === "*") {
        i++;
        // "**/" is "**": the slash is eaten.
        if (chars[i] === "/") i++;
        if (i < chars.length) {
          source += "(.*/)?";
          type = "regexp";
        } else if (type === "exact") {
          type = "prefix";
        } else {
          source += ".*";
          type = "regexp";
        }
        // A leading "**" makes a suffix match, unless a later wildcard needs the regexp.
        if (step === 0) type = "suffix";
      } else if (c === "*") {
        source += "[^/]*";
        type = "regexp";
      } else if (c === "?") {
        source += "[^/]";
        type = "regexp";
      } else if (regexpSpecials.has(c)) {
        source += `\\${c}`;
      } else if (c === "\\") {
        if (i < chars.length) {
          source += `\\${chars[i++] ?? ""}`;
          type = "regexp";
        } else {
          source += "\\";
        }
      } else if (c === "[" || c === "]") {
        source += c;
        type = "regexp";
      } else {
        source += c;
      }
    }
    this.type = type;
    if (type !== "regexp") return;
    try {
      this.regexp = new RegExp(`${source}$`);
    } catch {
      throw new Error(badPattern);
    }
  }
}

/** What MatchesUsingParentResults keeps per directory for the entries below it. */
export type MatchInfo = readonly boolean[];

export class PatternMatcher {
  readonly patterns: Pattern[] = [];
  readonly exclusions: boolean;

  /** patternmatcher.New: the errors are Go's ("illegal exclusion pattern", bad syntax). */
  constructor(patterns: readonly string[]) {
    let exclusions = false;
    for (const raw of patterns) {
      let pattern = raw.trim();
      if (pattern === "") continue;
      pattern = goClean(pattern);
      const exclusion = pattern.startsWith("!");
      if (exclusion) {
        if (pattern.length === 1) throw new Error('illegal exclusion pattern: "!"');
        pattern = pattern.slice(1);
        exclusions = true;
      }
      checkGlobSyntax(pattern);
      this.patterns.push(new Pattern(pattern, exclusion));
    }
    this.exclusions = exclusions;
  }

  /** The deprecated Matches: only the parent as deep as the pattern is checked. */
  matches(file: string): boolean {
    const parent = parentDirs(file);
    let matched = false;
    for (const pattern of this.patterns) {
      if (pattern.exclusion !== matched) continue;
      let match = pattern.match(file);
      const depth = pattern.cleaned.split("/").length;
      if (!match && parent && depth <= parent.length) match = safeMatch(pattern, parent.slice(0, depth).join("/"));
      if (match) matched = !pattern.exclusion;
    }
    return matched;
  }

  /** MatchesOrParentMatches: the file, or any directory above it. */
  matchesOrParentMatches(file: string): boolean {
    const parent = parentDirs(file);
    let matched = false;
    for (const pattern of this.patterns) {
      if (pattern.exclusion !== matched) continue;
      let match = pattern.match(file);
      if (!match && parent) match = parent.some((_, i) => safeMatch(pattern, parent.slice(0, i + 1).join("/")));
      if (match) matched = !pattern.exclusion;
    }
    return matched;
  }

  /** MatchesUsingParentResults, as the tarballer walks the context with its parent's results. */
  matchesUsingParentResults(file: string, parentInfo: MatchInfo): [boolean, MatchInfo] {
    if (parentInfo.length !== 0 && parentInfo.length !== this.patterns.length) throw new Error("wrong number of values in parentMatched");
    const info: boolean[] = this.patterns.map(() => false);
    let matched = false;
    this.patterns.forEach((pattern, i) => {
      let match = parentInfo[i] ?? false;
      if (!match) {
        if (pattern.exclusion !== matched) return;
        match = pattern.match(file);
        const parent = parentDirs(file);
        if (!match && parentInfo.length === 0 && parent) match = parent.some((_, j) => safeMatch(pattern, parent.slice(0, j + 1).join("/")));
      }
      info[i] = match;
      if (match) matched = !pattern.exclusion;
    });
    return [matched, info];
  }
}

/** A parent's match ignores the pattern's error, as patternmatcher does (`match, _ =`). */
function safeMatch(pattern: Pattern, path: string): boolean {
  try {
    return pattern.match(path);
  } catch {
    return false;
  }
}

/** filepath.Dir split into its names; undefined when the file is at the top ("."). */
function parentDirs(file: string): string[] | undefined {
  const cut = file.lastIndexOf("/");
  if (cut < 0) return undefined;
  const dir = goClean(file.slice(0, cut) || "/");
  return dir === "." ? undefined : dir.split("/");
}

/** patternmatcher.Matches (the package function): a bad pattern matches nothing. */
function matchesPatterns(file: string, patterns: readonly string[]): boolean {
  try {
    const cleaned = goClean(file);
    return cleaned !== "." && new PatternMatcher(patterns).matches(cleaned);
  } catch {
    return false;
  }
}

/**
 * TrimBuildFilesFromExcludes: the Dockerfile and .dockerignore stay in the context even when
 * ignored (the daemon needs them, and drops them from what COPY sees itself).
 */
export function trimBuildFilesFromExcludes(excludes: readonly string[], dockerfile: string, dockerfileFromStdin: boolean): string[] {
  const out = [...excludes];
  if (matchesPatterns(".dockerignore", out)) out.push("!.dockerignore");
  if (matchesPatterns(dockerfile, out) && !dockerfileFromStdin) out.push(`!${dockerfile}`);
  return out;
}
