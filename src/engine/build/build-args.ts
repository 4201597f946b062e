// Build arguments as the legacy builder keeps them (builder/dockerfile/buildargs.go): values
// given with --build-arg are usable only once an ARG declares them (or for the proxy variables,
// always); ARGs before the first FROM are "meta" args, seen by FROM lines and by an ARG of the
// same name inside a stage; what nobody declared is reported at the end of the build.

const BUILTIN = new Set(["HTTP_PROXY", "http_proxy", "HTTPS_PROXY", "https_proxy", "FTP_PROXY", "ftp_proxy", "NO_PROXY", "no_proxy", "ALL_PROXY", "all_proxy"]);

export class BuildArgs {
  private allowed = new Map<string, string | undefined>();
  private readonly meta = new Map<string, string | undefined>();
  private readonly referenced = new Set<string>();

  /** `fromOptions`: --build-arg values; undefined where the client sent none (KEY alone). */
  constructor(private readonly fromOptions: ReadonlyMap<string, string | undefined>) {}

  clone(): BuildArgs {
    const copy = new BuildArgs(this.fromOptions);
    for (const [k, v] of this.allowed) copy.allowed.set(k, v);
    for (const [k, v] of this.meta) copy.meta.set(k, v);
    for (const k of this.referenced) copy.referenced.add(k);
    return copy;
  }

  /** A new stage sees the meta args but none of the previous stage's ARGs. */
  forStage(): BuildArgs {
    const copy = this.clone();
    copy.allowed = new Map();
    return copy;
  }

  mergeReferenced(other: BuildArgs): void {
    for (const k of other.referenced) this.referenced.add(k);
  }

  addArg(key: string, value: string | undefined): void {
    this.allowed.set(key, value);
    this.referenced.add(key);
  }

  addMetaArg(key: string, value: string | undefined): void {
    this.meta.set(key, value);
  }

  isReferencedOrNotBuiltin(key: string): boolean {
    return this.allowed.has(key) || !BUILTIN.has(key);
  }

  private value(key: string, source: ReadonlyMap<string, string | undefined>): string | undefined {
    const given = this.fromOptions.get(key);
    if (given !== undefined) return given;
    const fallback = source.get(key);
    if (fallback === undefined) return this.meta.get(key);
    return fallback;
  }

  private everyFrom(source: ReadonlyMap<string, string | undefined>): Map<string, string> {
    const out = new Map<string, string>();
    for (const key of new Set([...source.keys(), ...BUILTIN])) {
      const v = this.value(key, source);
      if (v !== undefined) out.set(key, v);
    }
    return out;
  }

  allAllowed(): Map<string, string> {
    return this.everyFrom(this.allowed);
  }

  allMeta(): Map<string, string> {
    return this.everyFrom(this.meta);
  }

  /** KEY=value for each allowed arg the config's Env does not already set (sorted: Go's map order is random). */
  filterAllowed(env: readonly string[]): string[] {
    const set = new Set(env.map((e) => e.split("=")[0] ?? ""));
    return [...this.allAllowed()].filter(([k]) => !set.has(k)).map(([k, v]) => `${k}=${v}`).sort();
  }

  /** The warning printed when --build-arg values were never declared. */
  unusedWarning(): string | undefined {
    const left = [...this.fromOptions.keys()].filter((k) => !BUILTIN.has(k) && !this.referenced.has(k)).sort();
    return left.length > 0 ? `[Warning] One or more build-args [${left.join(" ")}] were not consumed\n` : undefined;
  }
}
