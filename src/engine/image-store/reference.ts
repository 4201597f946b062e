// Image references as distribution/reference parses them: "alpine" is docker.io/library/alpine,
// "me/app:1" is docker.io/me/app, "localhost:5000/app" names another registry.
import { invalidParameter } from "../errors.js";

export interface ImageReference {
  /** Registry host, e.g. "docker.io" or "localhost:5000". */
  domain: string;
  /** Repository path within the registry, e.g. "library/alpine". */
  path: string;
  tag?: string;
  digest?: string;
}

const domainPart = /^(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)(?:\.(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?))*(?::[0-9]+)?$/;
const pathComponent = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const tagPattern = /^[\w][\w.-]{0,127}$/;
const digestPattern = /^[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}$/;

/** Parses a reference the way the CLI and daemon do; throws Docker's message on bad input. */
/** splitDockerDomain, then the part before any ":" (distribution/reference normalize.go). */
function remoteName(name: string): string {
  const slash = name.indexOf("/");
  const first = slash >= 0 ? name.slice(0, slash) : "";
  const official = slash < 0 || (!/[.:]/.test(first) && first !== "localhost" && first.toLowerCase() === first);
  let remainder = official ? name : name.slice(slash + 1);
  if (official && !remainder.includes("/")) remainder = `library/${remainder}`;
  const colon = remainder.indexOf(":");
  return colon >= 0 ? remainder.slice(0, colon) : remainder;
}

export function parseReference(text: string): ImageReference {
  if (/^[a-f0-9]{64}$/.test(text)) {
    throw invalidParameter(`invalid repository name (${text}), cannot specify 64-byte hexadecimal strings`);
  }
  let rest = text;
  let digest: string | undefined;
  const at = rest.indexOf("@");
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!digestPattern.test(digest)) throw invalidParameter("invalid reference format");
  }
  // ParseNormalizedNamed checks the case of the repository before anything else.
  const remote = remoteName(rest);
  if (remote.toLowerCase() !== remote) throw invalidParameter(`invalid reference format: repository name (${remote}) must be lowercase`);
  let tag: string | undefined;
  const lastColon = rest.lastIndexOf(":");
  if (lastColon > rest.lastIndexOf("/")) {
    tag = rest.slice(lastColon + 1);
    rest = rest.slice(0, lastColon);
    if (!tagPattern.test(tag)) throw invalidParameter("invalid reference format");
  }
  if (rest === "") throw invalidParameter("invalid reference format");
  let domain = "docker.io";
  let path = rest;
  const slash = rest.indexOf("/");
  const first = slash >= 0 ? rest.slice(0, slash) : "";
  if (slash >= 0 && (first.includes(".") || first.includes(":") || first === "localhost" || first !== first.toLowerCase())) {
    domain = first;
    path = rest.slice(slash + 1);
    if (!domainPart.test(domain)) throw invalidParameter("invalid reference format");
  }
  if (domain === "index.docker.io") domain = "docker.io";
  if (domain === "docker.io" && !path.includes("/")) path = `library/${path}`;
  if (path.split("/").some((c) => !pathComponent.test(c))) {
    if (path.toLowerCase().split("/").every((c) => pathComponent.test(c))) {
      throw invalidParameter(`invalid reference format: repository name (${path}) must be lowercase`);
    }
    throw invalidParameter("invalid reference format");
  }
  if (path.length > 255) throw invalidParameter("repository name must not be more than 255 characters");
  const ref: ImageReference = { domain, path };
  if (tag !== undefined) ref.tag = tag;
  if (digest !== undefined) ref.digest = digest;
  return ref;
}

/** The repository name as `docker images` shows it: docker.io/library/ dropped. */
export function familiarName(ref: ImageReference): string {
  if (ref.domain !== "docker.io") return `${ref.domain}/${ref.path}`;
  return ref.path.startsWith("library/") ? ref.path.slice("library/".length) : ref.path;
}

/** `name:tag` or `name@digest`, familiar, with `latest` added when neither is given. */
export function familiarString(ref: ImageReference, addLatest = true): string {
  const name = familiarName(ref);
  if (ref.digest) return ref.tag ? `${name}:${ref.tag}@${ref.digest}` : `${name}@${ref.digest}`;
  if (ref.tag) return `${name}:${ref.tag}`;
  return addLatest ? `${name}:latest` : name;
}

/** The canonical form the CLI prints after a pull, e.g. docker.io/library/alpine:latest. */
export function canonicalString(ref: ImageReference): string {
  const base = `${ref.domain}/${ref.path}`;
  if (ref.digest) return `${base}@${ref.digest}`;
  return `${base}:${ref.tag ?? "latest"}`;
}

export function withDefaultTag(ref: ImageReference): ImageReference {
  return ref.tag || ref.digest ? ref : { ...ref, tag: "latest" };
}
