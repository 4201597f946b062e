// Which stored credentials go with a registry, and how they travel to the daemon
// (command.ResolveAuthConfig, registrytypes.EncodeAuthConfig): Docker Hub's under
// https://index.docker.io/v1/, any other registry's under its host[:port].
import { encodeAuthConfig, indexServer } from "../../client/index.js";
import type { CliIo } from "../io.js";
import { ConfigFile } from "./config-file.js";
import { FileCredentialStore } from "./credentials.js";

/** getAuthConfigKey: the config.json key for a reference's domain. */
export function authConfigKey(domain: string): string {
  return domain === "docker.io" || domain === "index.docker.io" ? indexServer : domain;
}

/** The X-Registry-Auth value for a domain: "e30=" ({}) when nothing is stored. */
export async function registryAuthFor(io: CliIo, domain: string): Promise<string> {
  const config = await ConfigFile.load(io);
  return encodeAuthConfig(new FileCredentialStore(config, io).get(authConfigKey(domain)));
}
