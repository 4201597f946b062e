// Docker events (`docker events`, GET /events): every action on an object is published with the
// attributes the daemon attaches. Listeners see them live; the last 256 are kept for --since, as
// dockerd's events service keeps them (daemon/events/events.go).
import type { Clock } from "../ports.js";

export type EventType = "container" | "image" | "network" | "volume" | "daemon" | "builder" | "plugin" | "service" | "node" | "secret" | "config";

/** events.Message, its keys in the order Go's encoder writes them. */
export interface DockerEvent {
  // Deprecated fields the daemon still fills for container and image events.
  status?: string;
  id?: string;
  from?: string;
  Type: EventType;
  Action: string;
  Actor: { ID: string; Attributes: Record<string, string> };
  scope: "local";
  /** Unix seconds. */
  time: number;
  timeNano: number;
}

export type EventListener = (event: DockerEvent) => void;

/** daemon/events eventsLimit. */
export const historyLimit = 256;

/**
 * Attributes sorted by key: Go encodes a map that way, and `docker events` lists them so. An
 * object already in order is kept as it is: events are never changed once published, so
 * publishers may hand the same attributes to several.
 */
function sorted(attributes: Record<string, string>): Record<string, string> {
  let previous: string | undefined;
  let inOrder = true;
  for (const key in attributes) {
    if (previous !== undefined && previous > key) {
      inOrder = false;
      break;
    }
    previous = key;
  }
  if (inOrder) return attributes;
  const out: Record<string, string> = {};
  for (const key of Object.keys(attributes).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))) out[key] = attributes[key] as string;
  return out;
}

export class EventBus {
  private readonly listeners = new Set<EventListener>();
  private readonly history: DockerEvent[] = [];

  constructor(private readonly clock: Clock) {}

  publish(type: EventType, action: string, id: string, attributes: Record<string, string> = {}): DockerEvent {
    const now = this.clock.now();
    const Actor = { ID: id, Attributes: sorted(attributes) };
    const time = Math.floor(now / 1000);
    const timeNano = Math.round(now * 1e6);
    let event: DockerEvent;
    if (type === "container" || type === "image") {
      // The deprecated fields first, as Go's encoder writes them; each only when it has a value.
      const from = type === "container" ? attributes["image"] : undefined;
      if (!id) event = { status: action, Type: type, Action: action, Actor, scope: "local", time, timeNano };
      else if (!from) event = { status: action, id, Type: type, Action: action, Actor, scope: "local", time, timeNano };
      else event = { status: action, id, from, Type: type, Action: action, Actor, scope: "local", time, timeNano };
    } else {
      event = { Type: type, Action: action, Actor, scope: "local", time, timeNano };
    }
    this.history.push(event);
    if (this.history.length > historyLimit) this.history.shift();
    for (const listener of [...this.listeners]) listener(event);
    return event;
  }

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** How many listeners are subscribed (`docker info`'s NEventsListener counts API streams). */
  get listenerCount(): number {
    return this.listeners.size;
  }

  /**
   * loadBufferedEvents: with neither bound nothing is replayed; otherwise the kept events from
   * `since` (inclusive; none = the oldest kept) up to `until` (inclusive; none = no bound).
   */
  buffered(sinceNanos: number | undefined, untilNanos: number | undefined, include: (e: DockerEvent) => boolean = () => true): DockerEvent[] {
    if (sinceNanos === undefined && untilNanos === undefined) return [];
    const out: DockerEvent[] = [];
    for (let i = this.history.length - 1; i >= 0; i--) {
      const e = this.history[i];
      if (!e) continue;
      if (sinceNanos !== undefined && e.timeNano < sinceNanos) break;
      if (untilNanos !== undefined && untilNanos > 0 && e.timeNano > untilNanos) continue;
      if (include(e)) out.unshift(e);
    }
    return out;
  }
}
