// buildkit's util/suggest: "unknown instruction: RUNN (did you mean RUN?)". The closest option
// within an edit distance of 2 wins; an exact match means the error is about something else.

function distance(a: string, b: string): number {
  const x = Array.from(a);
  const y = Array.from(b);
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const row = [i];
    for (let j = 1; j <= y.length; j++) {
      const sub = (prev[j - 1] ?? 0) + (x[i - 1] === y[j - 1] ? 0 : 1);
      row.push(Math.min(sub, (prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1));
    }
    prev = row;
  }
  return prev[y.length] ?? 0;
}

function matchCase(option: string, original: string): string {
  if (original === original.toLowerCase()) return option.toLowerCase();
  if (original === original.toUpperCase()) return option.toUpperCase();
  return option;
}

/**
 * The suggestion for `value`, or undefined. Go walks a map here, so ties fall to whichever
 * option comes first; callers pass their options in a fixed order to keep ours deterministic.
 */
export function suggest(value: string, options: readonly string[], caseSensitive: boolean): string | undefined {
  const val = caseSensitive ? value : value.toLowerCase();
  let match = "";
  let best = 3;
  for (const raw of options) {
    const option = caseSensitive ? raw : raw.toLowerCase();
    if (option === val) return undefined;
    const d = distance(val, option);
    if (d < best) {
      match = caseSensitive ? option : matchCase(option, value);
      best = d;
    }
  }
  return match === "" ? undefined : match;
}

/** suggest.WrapError: the message with " (did you mean X?)" when there is a close option. */
export function withSuggestion(message: string, value: string, options: readonly string[], caseSensitive: boolean): string {
  const match = suggest(value, options, caseSensitive);
  return match === undefined ? message : `${message} (did you mean ${match}?)`;
}
