// ~/.docker/config.json as docker/cli reads and writes it (cli/config/configfile): where it lives
// (DOCKER_CONFIG, else $HOME/.docker), the fields it knows, credentials kept as base64
// "user:password" under "auths", and Go's json.MarshalIndent with tabs on save, no final newline.
import { base64Decode, base64Encode } from "../../client/index.js";
import type { CliIo } from "../io.js";

export interface StoredAuth {
  username?: string;
  password?: string;
  auth?: string;
  email?: string;
  serveraddress?: string;
  identitytoken?: string;
  registrytoken?: string;
}

// configfile.ConfigFile's JSON fields, in the struct's order (the order a save writes them).
const fields = [
  "auths", "HttpHeaders", "psFormat", "imagesFormat", "networksFormat", "pluginsFormat", "volumesFormat", "statsFormat",
  "detachKeys", "credsStore", "credHelpers", "serviceInspectFormat", "servicesFormat", "tasksFormat", "secretFormat",
  "configFormat", "nodesFormat", "pruneFilters", "proxies", "currentContext", "cliPluginsExtraDirs", "plugins", "aliases",
  "features", "experimental",
] as const;

export class ConfigFile {
  /** Registry key ("https://index.docker.io/v1/", "localhost:5000") → credentials, decoded. */
  readonly auths = new Map<string, StoredAuth>();
  private readonly other = new Map<string, unknown>();

  constructor(readonly filename: string) {}

  static async load(io: CliIo): Promise<ConfigFile> {
    const config = new ConfigFile(configFilename(io.env));
    let text: string | undefined;
    try {
      text = io.readFile ? await io.readFile(config.filename) : undefined;
    } catch {
      text = undefined; // No file yet: an empty configuration, as config.Load allows.
    }
    if (text === undefined || text.trim() === "") return config;
    try {
      config.parse(JSON.parse(text) as unknown);
    } catch (error) {
      // LoadDefaultConfigFile warns and goes on with what it could read.
      io.stderr(`WARNING: Error parsing config file (${config.filename}): ${jsonError(error, text)}\n`);
    }
    return config;
  }

  private parse(doc: unknown): void {
    if (doc === null || typeof doc !== "object" || Array.isArray(doc)) throw new Error("json: cannot unmarshal into Go value of type configfile.ConfigFile");
    for (const [key, value] of Object.entries(doc as Record<string, unknown>)) {
      const field = fields.find((f) => f.toLowerCase() === key.toLowerCase());
      if (!field || value === null) continue;
      if (field !== "auths") {
        this.other.set(field, value);
        continue;
      }
      for (const [address, entry] of Object.entries(value as Record<string, StoredAuth>)) {
        const auth: StoredAuth = { ...entry };
        if (auth.auth) {
          const decoded = base64Decode(auth.auth);
          if (decoded === undefined) throw new Error("illegal base64 data at input byte 0");
          const colon = decoded.indexOf(":");
          if (colon <= 0) throw new Error("Invalid auth configuration file");
          auth.username = decoded.slice(0, colon);
          auth.password = decoded.slice(colon + 1).replace(/^\0+|\0+$/g, "");
        }
        // Loaded entries keep the decoded fields only, and their key as server address.
        delete auth.auth;
        auth.serveraddress = address;
        this.auths.set(address, auth);
      }
    }
  }

  /** SaveToWriter: username and password folded into "auth", empty fields left out. */
  serialize(): string {
    const doc: Record<string, unknown> = {};
    for (const field of fields) {
      if (field === "auths") {
        const auths: Record<string, Record<string, string>> = {};
        for (const address of [...this.auths.keys()].sort()) {
          const a = this.auths.get(address) ?? {};
          const entry: Record<string, string> = {};
          const auth = a.username || a.password ? base64Encode(`${a.username ?? ""}:${a.password ?? ""}`) : "";
          if (auth) entry["auth"] = auth;
          if (a.email) entry["email"] = a.email;
          if (a.identitytoken) entry["identitytoken"] = a.identitytoken;
          if (a.registrytoken) entry["registrytoken"] = a.registrytoken;
          auths[address] = entry;
        }
        doc["auths"] = auths;
        continue;
      }
      const value = this.other.get(field);
      if (isEmpty(value)) continue;
      doc[field] = sortMaps(value);
    }
    // Go's encoder escapes <, > and & inside strings; outside strings JSON has none of them.
    return JSON.stringify(doc, null, "\t").replace(/</g, "\\u003c").replace(/>/g, "\\u003e").replace(/&/g, "\\u0026");
  }

  async save(io: CliIo): Promise<void> {
    if (!io.writeFile) throw new Error(`open ${this.filename}: read-only file system`);
    await io.writeFile(this.filename, this.serialize());
  }
}

/** config.Dir(): DOCKER_CONFIG, else ~/.docker. */
export function configFilename(env: Record<string, string>): string {
  const dir = env["DOCKER_CONFIG"] || `${env["HOME"] || "/root"}/.docker`;
  return `${dir.replace(/\/+$/, "")}/config.json`;
}

function isEmpty(value: unknown): boolean {
  if (value === undefined || value === null || value === "" || value === false) return true;
  if (Array.isArray(value)) return value.length === 0;
  return typeof value === "object" && Object.keys(value).length === 0;
}

/** Go writes map keys sorted. */
function sortMaps(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortMaps);
  if (value === null || typeof value !== "object") return value;
  const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(entries.map(([k, v]) => [k, sortMaps(v)]));
}

/** A JSON syntax error in encoding/json's words, as far as the position tells. */
function jsonError(error: unknown, text: string): string {
  const message = error instanceof Error ? error.message : String(error);
  if (/end of (JSON )?input|Unterminated/i.test(message)) return "unexpected EOF";
  const position = /position (\d+)/.exec(message)?.[1];
  const ch = position !== undefined ? text[Number(position)] : undefined;
  return ch !== undefined ? `invalid character '${ch}' looking for beginning of value` : message;
}
