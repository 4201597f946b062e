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

/** Attributes sorted by key: Go encodes a map that way, and `docker events` lists them so. */
function sorted(attributes: Record<string, string>): Record<string, string> {
  const keys = Object.keys(attributes);
  // Callers mostly pass them in order already: check before sorting.
  for (let i = 1; i < keys.length; i++) {
    if ((keys[i - 1] as string) > (keys[i] as string)) {
      keys.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      break;
    }
  }
  const out: Record<string, string> = {};
  for (const key of keys) out[key] = attributes[key] as string;
  return out;
}

export class EventBus {
  private readonly listeners = new Set<EventListener>();
  private readonly history: DockerEvent[] = [];

  constructor(private readonly clock: Clock) {}

  publish(type: EventType, action: string, id: string, attributes: Record<string, string> = {}): DockerEvent {
    const now = this.clock.now();
    const event: DockerEvent = {} as DockerEvent;
    if (type === "container" || type === "image") {
      event.status = action;
      if (id) event.id = id;
      if (type === "container" && attributes["image"]) event.from = attributes["image"];
    }
    Object.assign(event, {
      Type: type,
      Action: action,
      Actor: { ID: id, Attributes: sorted(attributes) },
      scope: "local",
      time: Math.floor(now / 1000),
      timeNano: Math.round(now * 1e6),
    });
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
