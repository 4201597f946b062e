// Finding a container by what a user typed: full id, name (with or without the leading slash),
// or a unique id prefix, in the order the daemon's GetContainer tries them.
import { invalidParameter, notFound } from "../errors.js";
import type { ContainerRecord } from "./container-record.js";

export function lookupContainer(all: ContainerRecord[], ref: string): ContainerRecord {
  if (ref === "") throw invalidParameter('invalid name or ID supplied: ""');
  const exact = all.find((c) => c.Id === ref);
  if (exact) return exact;
  const name = ref.startsWith("/") ? ref : `/${ref}`;
  const byName = all.find((c) => c.Name === name);
  if (byName) return byName;
  const byPrefix = /^[a-f0-9]+$/.test(ref) ? all.filter((c) => c.Id.startsWith(ref)) : [];
  if (byPrefix.length > 1) throw invalidParameter(`multiple IDs found with provided prefix: ${ref}`);
  const only = byPrefix[0];
  if (!only) throw notFound(`No such container: ${ref}`);
  return only;
}
