// docker logout (cli/command/registry/logout.go): forgets the stored credentials of a registry,
// Docker Hub's by default, also under the legacy keys a server could be saved with.
import { indexServer } from "../../client/index.js";
import type { CommandDef } from "../command.js";
import { ConfigFile } from "../config/config-file.js";
import { convertToHostname, FileCredentialStore } from "../config/credentials.js";

export const logout: CommandDef = {
  name: "logout",
  usage: "[SERVER]",
  description: "Log out of a registry",
  flags: [],
  args: { kind: "max", n: 1 },
  async run({ io }, flags) {
    const [server = ""] = flags.args;
    const serverAddress = server === "" ? indexServer : server;
    const hostname = server === "" ? serverAddress : convertToHostname(serverAddress);
    const keys = server === "" ? [serverAddress] : [serverAddress, hostname, `http://${hostname}`, `https://${hostname}`];
    io.stdout(`Removing login credentials for ${hostname}\n`);
    const store = new FileCredentialStore(await ConfigFile.load(io), io);
    const errors: [string, string][] = [];
    for (const key of keys) {
      try {
        await store.erase(key);
      } catch (error) {
        errors.push([key, error instanceof Error ? error.message : String(error)]);
      }
    }
    // Success if at least one removal worked; otherwise every failure is listed.
    if (errors.length === keys.length) {
      io.stderr("WARNING: could not erase credentials:\n");
      for (const [key, message] of errors) io.stderr(`${key}: ${message}\n`);
    }
  },
};
