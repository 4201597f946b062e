// docker login (cli/command/registry/login.go): stored credentials are tried first; otherwise
// the username and password (from -u/-p, --password-stdin or prompts on a terminal) go to the
// daemon's POST /auth and, once the registry accepts them, into config.json. Docker Hub's
// web-based login cannot start offline, so docker falls back to the command-line prompts.
import { ApiError, indexServer, type AuthConfig, type DockerClient } from "../../client/index.js";
import type { CommandDef } from "../command.js";
import { ConfigFile } from "../config/config-file.js";
import { convertToHostname, FileCredentialStore } from "../config/credentials.js";
import { getBool, getString, type ParsedFlags } from "../flags/flag-spec.js";
import type { CliIo } from "../io.js";
import { note } from "../output/note.js";
import { canPrompt, readAll, readInput } from "../output/prompt.js";

const registerSuggest =
  "Log in with your Docker ID or email address to push and pull images from Docker Hub. If you don't have a Docker ID, head over to https://hub.docker.com/ to create one.";
const patSuggest =
  "You can log in with your password or a Personal Access Token (PAT). Using a limited-scope PAT grants better security and is required for organizations using SSO. Learn more at https://docs.docker.com/go/access-tokens/";

export const login: CommandDef = {
  name: "login",
  usage: "[OPTIONS] [SERVER]",
  description: "Log in to a registry (Docker Hub unless a server is named)",
  flags: [
    { name: "password", short: "p", kind: "string", usage: "Password or personal access token" },
    { name: "password-stdin", kind: "bool", usage: "Read the password or personal access token from STDIN" },
    { name: "username", short: "u", kind: "string", usage: "User name" },
  ],
  args: { kind: "max", n: 1 },
  async run({ io, client }, flags) {
    verifyLoginFlags(flags);
    const [server = ""] = flags.args;
    const user = getString(flags, "username");
    let password = getString(flags, "password");
    if (password !== "") io.stderr("WARNING! Using --password via the CLI is insecure. Use --password-stdin.\n");
    if (getBool(flags, "password-stdin")) {
      password = (await readAll(io)).replace(/\n$/, "").replace(/\r$/, "");
    }
    const serverAddress = server !== "" && server !== "docker.io" ? server : indexServer;
    // GetDefaultAuthConfig: the stored credentials count only when none were given.
    const key = serverAddress === indexServer ? serverAddress : convertToHostname(serverAddress);
    const store = new FileCredentialStore(await ConfigFile.load(io), io);
    const stored: AuthConfig = { ...(user === "" && password === "" ? store.get(key) : {}), serveraddress: key };
    delete stored.identitytoken;
    if (stored.username && stored.password) {
      const status = await loginWithStoredCredentials(io, client, store, stored);
      if (status !== undefined) {
        io.stdout(`${status}\n`);
        return;
      }
    }
    const status = await loginUser(io, client, store, { user, password, defaultUsername: stored.username ?? "", serverAddress: key });
    io.stdout(`${status}\n`);
  },
};

function verifyLoginFlags(flags: ParsedFlags): void {
  if (flags.changed.has("password-stdin")) {
    if (flags.changed.has("password")) throw new Error("conflicting options: cannot specify both --password and --password-stdin");
    if (!flags.changed.has("username")) throw new Error("the --password-stdin option requires --username to be set");
  }
  if (flags.changed.has("username") && getString(flags, "username") === "") throw new Error("username is empty");
  if (flags.changed.has("password") && getString(flags, "password") === "") throw new Error("password is empty");
}

/** The status on success; undefined when the daemon refused them (docker then asks anew). */
async function loginWithStoredCredentials(io: CliIo, client: DockerClient, store: FileCredentialStore, auth: AuthConfig): Promise<string | undefined> {
  io.stderr(`Authenticating with existing credentials... [Username: ${auth.username ?? ""}]\n`);
  io.stderr(note("To login with a different account, run 'docker logout' followed by 'docker login'", io.isTTY));
  io.stderr("\n\n");
  let status: string | undefined;
  try {
    status = (await client.registryLogin(auth)).Status;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) io.stderr("Stored credentials invalid or expired\n");
    else io.stderr(`Login did not succeed, error: ${error instanceof ApiError ? `Error response from daemon: ${error.message}` : String(error)}\n`);
  }
  await store.store({ ...auth, serveraddress: auth.serveraddress ?? indexServer });
  return status;
}

interface LoginRequest {
  user: string;
  password: string;
  defaultUsername: string;
  serverAddress: string;
}

async function loginUser(io: CliIo, client: DockerClient, store: FileCredentialStore, request: LoginRequest): Promise<string> {
  const { user, password, serverAddress } = request;
  // cat | docker login: a prompt needs a terminal on stdin.
  if ((user === "" || password === "") && !canPrompt(io)) throw new Error("Error: Cannot perform an interactive login from a non TTY device");
  if (serverAddress === indexServer && user === "" && password === "" && !parseBool(io.env["DOCKER_CLI_DISABLE_OAUTH_LOGIN"], false)) {
    // The device-code flow needs login.docker.com, which the playground cannot reach.
    io.stderr("Failed to start web-based login - falling back to command line login...\n\n");
  }
  const auth = await promptUserForCredentials(io, request);
  const response = await client.registryLogin(auth);
  await store.store({ ...auth, serveraddress: serverAddress });
  return response.Status;
}

/** command.PromptUserForCredentials: asks for what -u and -p did not give. */
async function promptUserForCredentials(io: CliIo, request: LoginRequest): Promise<AuthConfig & { serveraddress: string }> {
  let user = request.user.trim();
  const isHub = request.serverAddress === indexServer;
  if (user === "") {
    if (isHub) {
      io.stdout(`${registerSuggest}\n`);
      if (parseBool(io.env["DOCKER_CLI_HINTS"], true)) io.stdout(`${patSuggest}\n\n`);
    }
    const defaultUsername = request.defaultUsername.trim();
    user = await readInput(io, defaultUsername === "" ? "Username: " : `Username (${defaultUsername}): `);
    if (user === "") user = defaultUsername;
    if (user === "") throw new Error("Error: Non-null Username Required");
  }
  let password = request.password.trim();
  if (password === "") {
    if (isHub) {
      io.stderr(note("A Personal Access Token (PAT) can be used instead.\nTo create a PAT, visit \x1b[4mhttps://app.docker.com/settings\x1b[0m\n\n", io.isTTY));
    }
    password = await readInput(io, "Password: ", { echo: false });
    io.stdout("\n");
    if (password === "") throw new Error("Error: Password Required");
  }
  return { username: user, password, serveraddress: request.serverAddress };
}

/** strconv.ParseBool, with docker's fallback when the variable is unset or not a boolean. */
function parseBool(value: string | undefined, fallback: boolean): boolean {
  if (value === undefined || value === "") return fallback;
  if (["1", "t", "T", "TRUE", "true", "True"].includes(value)) return true;
  if (["0", "f", "F", "FALSE", "false", "False"].includes(value)) return false;
  return fallback;
}
