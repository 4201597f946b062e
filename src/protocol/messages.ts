// The messages between the worker (which owns the engine, the shell and persistence) and the UI.
// The UI sends keystrokes and requests; the worker sends terminal bytes and views of engine state.
// Bump PROTOCOL_VERSION whenever a message changes shape: both sides check it on connect.

export const PROTOCOL_VERSION = 2;

/** A container as the panels and the graph show it; computed by the worker from the Engine API. */
export interface ContainerView {
  id: string;
  name: string;
  image: string;
  command: string;
  /** Docker's State: created, running, paused, restarting, removing, exited, dead. */
  state: string;
  /** Docker's Status text at the time of the view, e.g. "Up 2 minutes". */
  status: string;
  created: number;
  ports: PortView[];
  networks: { name: string; ipAddress: string }[];
  mounts: { type: string; name: string; destination: string }[];
}

export interface PortView {
  hostIp: string;
  hostPort: number;
  containerPort: number;
  protocol: string;
}

export interface ImageView {
  id: string;
  tags: string[];
  size: number;
  created: number;
}

export interface VolumeView {
  name: string;
  driver: string;
  mountpoint: string;
}

export interface NetworkView {
  id: string;
  name: string;
  driver: string;
  subnet: string;
  gateway: string;
}

export interface WorldView {
  containers: ContainerView[];
  images: ImageView[];
  volumes: VolumeView[];
  networks: NetworkView[];
}

/** One change to the world: a record put (added or changed) or removed, keyed by id (volumes: name). */
export type WorldChange =
  | { kind: "container"; id: string; value: ContainerView | null }
  | { kind: "image"; id: string; value: ImageView | null }
  | { kind: "volume"; id: string; value: VolumeView | null }
  | { kind: "network"; id: string; value: NetworkView | null };

/** A page for the preview pane, or why there is none. */
export type PreviewResponse =
  | { ok: true; status: number; reason: string; contentType: string; body: string }
  | { ok: false; error: string };

/** How loading the saved playground went. */
export type RestoreOutcome =
  | { status: "fresh" }
  | { status: "ok" }
  | { status: "too-new"; found: number; supported: number }
  | { status: "corrupt"; reason: string };

export type UiToWorker =
  | { type: "hello"; protocolVersion: number; cols: number; rows: number }
  | { type: "input"; data: string }
  | { type: "resize"; cols: number; rows: number }
  /** Type a command into the terminal on the learner's behalf, visibly, then run it. */
  | { type: "run-command"; command: string }
  | { type: "reset" }
  /** The preview pane asks for a page from a port published on the playground's host. */
  | { type: "http-get"; id: number; port: number; path: string };

export type WorkerToUi =
  | { type: "ready"; protocolVersion: number; world: WorldView; restore: RestoreOutcome }
  | { type: "version-mismatch"; workerVersion: number; uiVersion: number }
  | { type: "output"; data: string }
  | { type: "world-changed"; changes: WorldChange[] }
  | { type: "reset-done"; world: WorldView }
  | { type: "http-response"; id: number; response: PreviewResponse }
  | { type: "fatal"; message: string };
