// Docker events (`docker events`, GET /events): every action on an object is published with the
// attributes the daemon attaches. Listeners see them live; a bounded history serves `--since`.
import type { Clock } from "../ports.js";

export type EventType = "container" | "image" | "network" | "volume" | "daemon" | "builder";

export interface DockerEvent {
  Type: EventType;
  Action: string;
  Actor: { ID: string; Attributes: Record<string, string> };
  scope: "local";
  /** Unix seconds. */
  time: number;
  timeNano: number;
  // Legacy fields the daemon still sends for container and image events.
  status?: string;
  id?: string;
  from?: string;
}

export type EventListener = (event: DockerEvent) => void;

const historyLimit = 1024;

export class EventBus {
  private readonly listeners = new Set<EventListener>();
  private readonly history: DockerEvent[] = [];

  constructor(private readonly clock: Clock) {}

  publish(type: EventType, action: string, id: string, attributes: Record<string, string> = {}): DockerEvent {
    const now = this.clock.now();
    const event: DockerEvent = {
      Type: type,
      Action: action,
      Actor: { ID: id, Attributes: attributes },
      scope: "local",
      time: Math.floor(now / 1000),
      timeNano: Math.round(now * 1e6),
    };
    if (type === "container" || type === "image") {
      event.status = action;
      event.id = id;
      if (attributes["image"] !== undefined) event.from = attributes["image"];
    }
    this.history.push(event);
    if (this.history.length > historyLimit) this.history.shift();
    for (const listener of this.listeners) listener(event);
    return event;
  }

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  since(unixNanos: number): DockerEvent[] {
    return this.history.filter((e) => e.timeNano >= unixNanos);
  }
}
