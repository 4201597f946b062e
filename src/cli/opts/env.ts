// -e and --env-file: "VAR=value" as given, a bare "VAR" taken from the invoking shell (dropped
// when unset), as opts.ValidateEnv does.

export function resolveEnv(entries: string[], env: Record<string, string>): string[] {
  const out: string[] = [];
  for (const entry of entries) {
    if (entry.includes("=")) {
      if (entry.startsWith("=")) throw new Error(`invalid environment variable: ${entry}`);
      out.push(entry);
    } else if (env[entry] !== undefined) {
      out.push(`${entry}=${env[entry]}`);
    }
  }
  return out;
}

/** An env file: one VAR=value per line, # comments and blank lines skipped. */
export function parseEnvFile(text: string, env: Record<string, string>): string[] {
  const lines = text.split(/\r?\n/).map((l) => l.trimStart()).filter((l) => l && !l.startsWith("#"));
  return resolveEnv(lines, env);
}

export function parseLabels(entries: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of entries) {
    const eq = entry.indexOf("=");
    if (eq < 0) out[entry] = "";
    else out[entry.slice(0, eq)] = entry.slice(eq + 1);
  }
  return out;
}

/** A label file (--label-file): one label per line, # comments and blank lines skipped. */
export function parseLabelFile(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith("#"));
}
