// The credentials store docker uses when no credential helper is configured: the "auths" of
// config.json in plain text (cli/config/credentials/file_store.go), with its warning saying so.
import type { CliIo } from "../io.js";
import type { ConfigFile, StoredAuth } from "./config-file.js";

export function unencryptedWarning(filename: string): string {
  return `\nWARNING! Your credentials are stored unencrypted in '${filename}'.\nConfigure a credential helper to remove this warning. See\nhttps://docs.docker.com/go/credential-store/\n\n`;
}

/** credentials.ConvertToHostname: "https://host:5000/v2/" → "host:5000". */
export function convertToHostname(address: string): string {
  const match = /^[a-z][a-z0-9+.-]*:\/\/([^/?#]+)/i.exec(address);
  if (match?.[1]) return match[1].replace(/^[^@]*@/, "");
  return address.split("/")[0] ?? address;
}

const keys: (keyof StoredAuth)[] = ["username", "password", "auth", "email", "serveraddress", "identitytoken", "registrytoken"];

export class FileCredentialStore {
  constructor(
    private readonly config: ConfigFile,
    private readonly io: CliIo,
  ) {}

  /** The credentials for a server, also found under a legacy key with a scheme or path. */
  get(serverAddress: string): StoredAuth {
    const exact = this.config.auths.get(serverAddress);
    if (exact) return { ...exact };
    for (const [address, auth] of this.config.auths) if (convertToHostname(address) === serverAddress) return { ...auth };
    return {};
  }

  /** Saves unless nothing changed; warns about plain-text storage when a password was written. */
  async store(auth: StoredAuth & { serveraddress: string }): Promise<void> {
    const old = this.config.auths.get(auth.serveraddress);
    if (old && keys.every((k) => (old[k] ?? "") === (auth[k] ?? ""))) return;
    this.config.auths.set(auth.serveraddress, auth);
    try {
      await this.config.save(this.io);
    } catch (error) {
      throw new Error(`Error saving credentials: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (auth.password) this.io.stderr(unencryptedWarning(this.config.filename));
  }

  /** Idempotent: the file is written only if there was something to remove. */
  async erase(serverAddress: string): Promise<void> {
    if (!this.config.auths.has(serverAddress)) return;
    this.config.auths.delete(serverAddress);
    await this.config.save(this.io);
  }
}
