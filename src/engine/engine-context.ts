// What every engine service is given: the record store, the injected ports and the event bus.
import type { EventBus } from "./events/event-bus.js";
import type { Clock, IdSource } from "./ports.js";
import type { RecordStore } from "./state/record-store.js";

export interface EngineContext {
  readonly store: RecordStore;
  readonly clock: Clock;
  readonly ids: IdSource;
  readonly events: EventBus;
}
