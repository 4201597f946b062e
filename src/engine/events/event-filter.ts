// Which events a `filters` argument lets through, as moby's daemon/events/filter.go decides:
// keys are not validated, object keys match an actor's id or name by prefix on every event type,
// image matches exactly (with or without the tag), labels match the actor's attributes.
import { familiarName, parseReference } from "../image-store/reference.js";
import type { DockerEvent, EventType } from "./event-bus.js";

export type EventFilters = Map<string, string[]>;

/** Args.ExactMatch: no values means no filtering. */
function exact(filters: EventFilters, key: string, source: string): boolean {
  const values = filters.get(key);
  return !values || values.length === 0 || values.includes(source);
}

/** Args.FuzzyMatch: an exact value or a prefix. */
function fuzzy(filters: EventFilters, key: string, source: string): boolean {
  const values = filters.get(key);
  return !values || values.length === 0 || values.some((v) => source.startsWith(v));
}

/** The repository without its tag ("alpine:3" → "alpine"), or the text itself if it is no reference. */
function stripTag(image: string): string {
  try {
    return familiarName(parseReference(image));
  } catch {
    return image;
  }
}

/** The object types matched by id or name prefix (fuzzyMatchName), on events of any type. */
const fuzzyTypes: EventType[] = ["daemon", "container", "plugin", "volume", "network", "service", "node", "secret", "config"];

/** Args.MatchKVList over the actor's attributes. */
function labels(filters: EventFilters, attributes: Record<string, string>): boolean {
  const wanted = filters.get("label");
  if (!wanted || wanted.length === 0) return true;
  if (Object.keys(attributes).length === 0) return false;
  return wanted.every((w) => {
    const eq = w.indexOf("=");
    const key = eq < 0 ? w : w.slice(0, eq);
    if (!Object.hasOwn(attributes, key)) return false;
    return eq < 0 || attributes[key] === w.slice(eq + 1);
  });
}

function matchesEvent(filters: EventFilters, action: string): boolean {
  // moby#25798: bare health_status, exec_create or exec_start match "exec_create: ls" by prefix.
  const bare = (filters.get("event") ?? []).some((v) => v === "health_status" || v === "exec_create" || v === "exec_start");
  return bare ? fuzzy(filters, "event", action) : exact(filters, "event", action);
}

function matchesImage(filters: EventFilters, e: DockerEvent): boolean {
  const id = e.Actor.ID;
  const name = e.Actor.Attributes[e.Type === "image" ? "name" : "image"] ?? "";
  return exact(filters, "image", id) || exact(filters, "image", name) || exact(filters, "image", stripTag(id)) || exact(filters, "image", stripTag(name));
}

export function includeEvent(filters: EventFilters, e: DockerEvent): boolean {
  if (filters.size === 0) return true;
  if (!matchesEvent(filters, e.Action)) return false;
  if (!exact(filters, "type", e.Type)) return false;
  if (!exact(filters, "scope", e.scope)) return false;
  for (const type of fuzzyTypes) {
    if (!fuzzy(filters, type, e.Actor.ID) && !fuzzy(filters, type, e.Actor.Attributes["name"] ?? "")) return false;
  }
  if (!matchesImage(filters, e)) return false;
  return labels(filters, e.Actor.Attributes);
}
