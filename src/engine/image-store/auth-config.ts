// Registry credentials as the Engine API carries them (api/types/registry.AuthConfig): a JSON
// body for POST /auth, base64url JSON in the X-Registry-Auth header for pull, push and search.
import { base64Decode, base64Encode } from "./base64.js";

export interface AuthConfig {
  username?: string;
  password?: string;
  /** base64("username:password"), as config.json keeps it. */
  auth?: string;
  email?: string;
  serveraddress?: string;
  identitytoken?: string;
  registrytoken?: string;
}

/** Docker Hub's key in config.json and the server address `docker login` sends by default. */
export const indexServer = "https://index.docker.io/v1/";

// Go marshals the struct's fields in declaration order and drops the empty ones (omitempty).
const fieldOrder: (keyof AuthConfig)[] = ["username", "password", "auth", "email", "serveraddress", "identitytoken", "registrytoken"];

/** registry.EncodeAuthConfig: "e30=" ({}) when there is nothing to send. */
export function encodeAuthConfig(config: AuthConfig): string {
  const ordered: Record<string, string> = {};
  for (const key of fieldOrder) {
    const value = config[key];
    if (value) ordered[key] = value;
  }
  return base64Encode(JSON.stringify(ordered), "url");
}

/** registry.DecodeAuthConfig; undefined for a header that is not base64 JSON (callers ignore it, as dockerd does). */
export function decodeAuthConfig(header: string | undefined): AuthConfig | undefined {
  if (header === undefined || header === "") return {};
  const text = base64Decode(header.trim());
  if (text === undefined) return undefined;
  return authConfigFrom(safeJson(text));
}

/** The known string fields of a decoded body; anything else is dropped, as Go's decoder does. */
export function authConfigFrom(value: unknown): AuthConfig | undefined {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return undefined;
  const out: AuthConfig = {};
  for (const key of fieldOrder) {
    const field = (value as Record<string, unknown>)[key];
    if (typeof field === "string") out[key] = field;
  }
  // Go matches JSON keys case-insensitively: docker-py sends "Username"-style keys too.
  for (const [key, field] of Object.entries(value as Record<string, unknown>)) {
    const known = fieldOrder.find((k) => k === key.toLowerCase());
    if (known && out[known] === undefined && typeof field === "string") out[known] = field;
  }
  return out;
}

/** Username and password, from the fields or else from `auth` (base64 "user:password"). */
export function credentials(config: AuthConfig | undefined): { username: string; password: string } {
  let username = config?.username ?? "";
  let password = config?.password ?? "";
  if (!username && !password && config?.auth) {
    const decoded = base64Decode(config.auth) ?? "";
    const colon = decoded.indexOf(":");
    if (colon >= 0) {
      username = decoded.slice(0, colon);
      password = decoded.slice(colon + 1);
    }
  }
  return { username, password };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
