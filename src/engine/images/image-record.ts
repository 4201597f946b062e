// An image as the engine stores it: the fields `docker image inspect` shows, in Docker's names.

export interface HealthConfig {
  Test?: string[];
  Interval?: number;
  Timeout?: number;
  StartPeriod?: number;
  StartInterval?: number;
  Retries?: number;
}

/** The image's runtime defaults (inspect's Config), as in an OCI image config. */
export interface ImageConfig {
  User?: string;
  ExposedPorts?: Record<string, Record<string, never>>;
  Env?: string[];
  Entrypoint?: string[] | null;
  Cmd?: string[] | null;
  Volumes?: Record<string, Record<string, never>> | null;
  WorkingDir?: string;
  Labels?: Record<string, string> | null;
  StopSignal?: string;
  Healthcheck?: HealthConfig;
  ArgsEscaped?: boolean;
  OnBuild?: string[] | null;
  Shell?: string[];
  /** Built images: the image the last step started from (the builder's updateRunConfig). */
  Image?: string;
}

/** One line of `docker history`. */
export interface HistoryEntry {
  created: string;
  author?: string;
  created_by: string;
  comment?: string;
  empty_layer?: boolean;
}

export interface ImageRecord {
  /** "sha256:" + 64 hex: the digest of the image config. */
  Id: string;
  /** Familiar references, e.g. "alpine:latest", "localhost:5000/app:1". */
  RepoTags: string[];
  /** e.g. "alpine@sha256:<manifest digest>". */
  RepoDigests: string[];
  Parent: string;
  Comment: string;
  /** RFC 3339 with nanoseconds, e.g. "2025-02-14T03:28:36.000000000Z" (trailing zeros trimmed as Go does). */
  Created: string;
  DockerVersion: string;
  Author: string;
  Config: ImageConfig;
  Architecture: string;
  Variant?: string;
  Os: string;
  /** Uncompressed bytes of all layers. */
  Size: number;
  /** RootFS.Layers: the uncompressed layer digests ("sha256:..."), bottom first. */
  Layers: string[];
  History: HistoryEntry[];
  /**
   * Built by `docker build`: the step's container config, as the builder's cache compares it
   * (an image whose parent and key match is reused: "Using cache"). Never shown by inspect.
   */
  BuildCacheKey?: string;
}
