// The simulated Docker Hub's accounts and permissions. It has one account, documented in the
// README: `learner` with password `playground`. Anyone may pull; pushing needs that login and a
// repository in the account's own namespace; official images (library/...) take no pushes.
import { EngineError } from "../errors.js";
import { credentials, type AuthConfig } from "./auth-config.js";

export const hubAccount = { username: "learner", password: "playground" } as const;

/** The registry endpoint dockerd talks to for Docker Hub (registry.DefaultV2Registry). */
export const hubEndpoint = "https://registry-1.docker.io";

/** Host names that mean Docker Hub in a server address or a reference's domain. */
export function isHubHost(host: string): boolean {
  return ["docker.io", "index.docker.io", "registry-1.docker.io", "registry.hub.docker.com"].includes(host);
}

/** Who the credentials make the caller: the account, nobody (none sent), or refused (wrong ones). */
export type HubIdentity = { user: string } | { anonymous: true } | { rejected: true };

export function hubIdentity(config: AuthConfig | undefined): HubIdentity {
  const { username, password } = credentials(config);
  if (!username && !password) return { anonymous: true };
  return username === hubAccount.username && password === hubAccount.password ? { user: username } : { rejected: true };
}

/** What the Hub's token service answers for wrong credentials. */
export const incorrectCredentials = "unauthorized: incorrect username or password";

/** POST /auth against the Hub: "Login Succeeded", or the 401 dockerd relays from the token service. */
export function hubLogin(config: AuthConfig): string {
  if ("user" in hubIdentity(config)) return "Login Succeeded";
  throw new EngineError("unauthorized", `Get "${hubEndpoint}/v2/": ${incorrectCredentials}`);
}

/** Whether an identity may push to a repository path ("learner/app"). */
export function mayPushToHub(identity: HubIdentity, path: string): boolean {
  if (!("user" in identity)) return false;
  const namespace = path.split("/")[0];
  return namespace !== "library" && namespace === identity.user;
}
