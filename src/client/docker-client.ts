// A typed Engine API client, in the spirit of Docker's Go client and docker-py's APIClient:
// one method per operation, daemon errors raised as ApiError with the daemon's message.
import type { ApiRequest, ApiResponse, StdioChunk } from "../engine/index.js";
import { ApiError } from "./api-error.js";
import type { Transport } from "./transport.js";
import type {
  ContainerInspect,
  ContainerSummary,
  ImageInspect,
  ImageSummary,
  JsonMessage,
  NetworkInspect,
  ServerVersion,
  SystemEvent,
  SystemInfo,
  Volume,
  WaitResponse,
} from "./types.js";
import type { NetworkCreateRequest, NetworkEndpointConfig } from "./types.js";
import type { BuildCachePruneReport, DiskUsage, ImageBuildOptions, ImagesPruneReport } from "./types.js";
import type { ContainersPruneReport, ContainerStats, ContainerTop, ContainerUpdateConfig, ExecCreateOptions, ExecInspect } from "./types.js";
import type { AuthConfig } from "../engine/index.js";
import { base64Decode } from "../engine/index.js";
import type { PathStat } from "./types.js";
import type { AuthenticateOKBody, ImageHistoryItem, SearchResult } from "./types.js";

export const apiVersion = "1.50";

type Query = Record<string, string | number | boolean | undefined>;
export type Filters = Record<string, string[]>;

function encodeQuery(query: Query | undefined): Record<string, string> | undefined {
  if (!query) return undefined;
  const out: Record<string, string> = {};
  for (const k in query) {
    const v = query[k];
    if (v === undefined || v === false) continue;
    out[k] = v === true ? "1" : String(v);
  }
  return out;
}

function encodeFilters(filters: Filters | undefined): string | undefined {
  if (!filters || Object.keys(filters).length === 0) return undefined;
  // The CLI's map-of-sets form: {"label":{"a=b":true}}.
  const sets = Object.fromEntries(Object.entries(filters).map(([k, values]) => [k, Object.fromEntries(values.map((v) => [v, true]))]));
  return JSON.stringify(sets);
}

const seg = encodeURIComponent;

/** The body of a tar answer, as bytes whichever way the transport delivered it. */
function bytesOf(response: ApiResponse): Uint8Array {
  const body = response.body;
  if (body instanceof Uint8Array) return body;
  if (typeof body === "string") return new TextEncoder().encode(body);
  return new Uint8Array(0);
}

/** getContainerPathStatFromHeader: base64 JSON; a missing or broken header is the client's error. */
function pathStatOf(response: ApiResponse): PathStat {
  const header = Object.entries(response.headers ?? {}).find(([k]) => k.toLowerCase() === "x-docker-container-path-stat")?.[1] ?? "";
  const text = base64Decode(header);
  try {
    if (text === undefined || text === "") throw new Error("EOF");
    return JSON.parse(text) as PathStat;
  } catch (error) {
    throw new Error(`unable to decode container path stat header: ${error instanceof Error && error.message === "EOF" ? "EOF" : "invalid character"}`);
  }
}

function emptyStream<T>(): AsyncIterable<T> {
  return { [Symbol.asyncIterator]: () => ({ next: () => Promise.resolve({ value: undefined, done: true as const }) }) };
}

/** A response the daemon answered with an error, as the error the API client throws. */
function succeeded(response: ApiResponse): ApiResponse {
  if (response.status >= 400) {
    const message = (response.body as { message?: unknown } | undefined)?.message;
    throw new ApiError(response.status, typeof message === "string" ? message.trim() : `API returned a ${response.status} but provided no error-message`);
  }
  return response;
}

function bodyOf(response: ApiResponse): unknown {
  return response.body;
}

export class DockerClient {
  constructor(private readonly transport: Transport) {}

  // call and json are not async functions: a request is one promise from the transport and one
  // `then`, not an async frame per layer (the figure `npm run bench` measures runs through here).
  private call(
    method: string,
    path: string,
    query?: Query,
    body?: unknown,
    stdin?: AsyncIterable<string>,
    headers?: Record<string, string>,
    queryLists?: Record<string, string[]>,
  ): Promise<ApiResponse> {
    const request: ApiRequest = { method, path: `/v${apiVersion}${path}` };
    if (query) request.query = encodeQuery(query) ?? {};
    if (queryLists) request.queryLists = queryLists;
    if (body !== undefined) request.body = body;
    if (stdin) request.stdin = stdin;
    if (headers) request.headers = headers;
    return this.transport.request(request).then(succeeded);
  }

  private json<T>(method: string, path: string, query?: Query, body?: unknown): Promise<T> {
    return this.call(method, path, query, body).then(bodyOf) as Promise<T>;
  }

  // The daemon's streams are handed through as they are, not wrapped in async generators: a
  // generator cannot be closed while it waits for the next item, and Ctrl-C must close it.
  private messages<T>(response: ApiResponse): AsyncIterable<T> {
    return response.stream?.kind === "json-lines" ? (response.stream.messages as AsyncIterable<T>) : emptyStream<T>();
  }

  private chunks(response: ApiResponse): AsyncIterable<StdioChunk> {
    return response.stream?.kind === "stdio" ? response.stream.chunks : emptyStream<StdioChunk>();
  }

  // System
  async ping(): Promise<boolean> {
    return (await this.call("GET", "/_ping")).status === 200;
  }
  version = () => this.json<ServerVersion>("GET", "/version");
  info = () => this.json<SystemInfo>("GET", "/info");
  async events(options: { since?: string; until?: string; filters?: Filters } = {}): Promise<AsyncIterable<SystemEvent>> {
    const response = await this.call("GET", "/events", { since: options.since, until: options.until, filters: encodeFilters(options.filters) });
    return this.messages<SystemEvent>(response);
  }

  // Containers
  containerList = (options: { all?: boolean; limit?: number; size?: boolean; filters?: Filters } = {}) =>
    this.json<ContainerSummary[]>("GET", "/containers/json", { all: options.all, limit: options.limit, size: options.size, filters: encodeFilters(options.filters) });
  containerCreate = (body: Record<string, unknown>, name?: string) =>
    this.json<{ Id: string; Warnings: string[] | null }>("POST", "/containers/create", { name }, body);
  containerInspect = (id: string) => this.json<ContainerInspect>("GET", `/containers/${seg(id)}/json`);
  async containerStart(id: string): Promise<void> {
    await this.call("POST", `/containers/${seg(id)}/start`);
  }
  async containerStop(id: string, options: { timeout?: number; signal?: string } = {}): Promise<void> {
    await this.call("POST", `/containers/${seg(id)}/stop`, { t: options.timeout, signal: options.signal });
  }
  async containerRestart(id: string, options: { timeout?: number; signal?: string } = {}): Promise<void> {
    await this.call("POST", `/containers/${seg(id)}/restart`, { t: options.timeout, signal: options.signal });
  }
  async containerKill(id: string, signal?: string): Promise<void> {
    await this.call("POST", `/containers/${seg(id)}/kill`, { signal });
  }
  async containerRemove(id: string, options: { force?: boolean; volumes?: boolean } = {}): Promise<void> {
    await this.call("DELETE", `/containers/${seg(id)}`, { force: options.force, v: options.volumes });
  }
  /**
   * Registers a wait: resolves once the daemon accepted it (as the CLI does before start), with
   * `result` resolving when the condition holds.
   */
  async containerWait(id: string, condition: "not-running" | "next-exit" | "removed" = "not-running"): Promise<{ result: Promise<WaitResponse> }> {
    const response = await this.call("POST", `/containers/${seg(id)}/wait`, { condition });
    const result = (async () => {
      for await (const message of this.messages<WaitResponse>(response)) return message;
      return { StatusCode: -1, Error: { Message: "wait ended without a status" } };
    })();
    return { result };
  }
  /** Attaches to a container's output, and with `input` feeds its stdin (hijacked). */
  async containerAttach(
    id: string,
    options: { stdout?: boolean; stderr?: boolean; stdin?: boolean; input?: AsyncIterable<string>; detachKeys?: string } = {},
  ): Promise<{ tty: boolean; output: AsyncIterable<StdioChunk> }> {
    const query = { stream: true, stdout: options.stdout ?? true, stderr: options.stderr ?? true, stdin: options.stdin, detachKeys: options.detachKeys };
    const response = await this.call("POST", `/containers/${seg(id)}/attach`, query, undefined, options.input);
    return { tty: response.stream?.kind === "stdio" && response.stream.tty, output: this.chunks(response) };
  }
  async containerLogs(
    id: string,
    options: { follow?: boolean; stdout?: boolean; stderr?: boolean; since?: string; until?: string; timestamps?: boolean; tail?: string; details?: boolean },
  ): Promise<{ tty: boolean; output: AsyncIterable<StdioChunk> }> {
    const response = await this.call("GET", `/containers/${seg(id)}/logs`, { ...options, tail: options.tail ?? "all" });
    return { tty: response.stream?.kind === "stdio" && response.stream.tty, output: this.chunks(response) };
  }

  async containerPause(id: string): Promise<void> {
    await this.call("POST", `/containers/${seg(id)}/pause`);
  }
  async containerUnpause(id: string): Promise<void> {
    await this.call("POST", `/containers/${seg(id)}/unpause`);
  }
  async containerRename(id: string, name: string): Promise<void> {
    await this.call("POST", `/containers/${seg(id)}/rename`, { name });
  }
  containerUpdate = (id: string, config: ContainerUpdateConfig) => this.json<{ Warnings: string[] | null }>("POST", `/containers/${seg(id)}/update`, undefined, config);
  containerTop = (id: string, psArgs?: string) => this.json<ContainerTop>("GET", `/containers/${seg(id)}/top`, { ps_args: psArgs || undefined });
  containerStats = (id: string) => this.json<ContainerStats>("GET", `/containers/${seg(id)}/stats`, { stream: "0" });
  containersPrune = (filters?: Filters) => this.json<ContainersPruneReport>("POST", "/containers/prune", { filters: encodeFilters(filters) });
  containerExecCreate = (id: string, options: ExecCreateOptions) => this.json<{ Id: string }>("POST", `/containers/${seg(id)}/exec`, undefined, options);
  /** Starts an exec instance attached (hijacked), or detached with `detach`. */
  async containerExecStart(execId: string, options: { detach?: boolean; tty?: boolean; input?: AsyncIterable<string> } = {}): Promise<{ tty: boolean; output: AsyncIterable<StdioChunk> }> {
    const response = await this.call("POST", `/exec/${seg(execId)}/start`, undefined, { Detach: options.detach ?? false, Tty: options.tty ?? false }, options.input);
    return { tty: response.stream?.kind === "stdio" && response.stream.tty, output: this.chunks(response) };
  }
  containerResize = (id: string, width: number, height: number) => this.call("POST", `/containers/${seg(id)}/resize`, { h: height, w: width }).then(() => undefined);
  execResize = (execId: string, width: number, height: number) => this.call("POST", `/exec/${seg(execId)}/resize`, { h: height, w: width }).then(() => undefined);
  containerChanges = (id: string) => this.json<{ Path: string; Kind: 0 | 1 | 2 }[] | null>("GET", `/containers/${seg(id)}/changes`);
  /** POST /commit; `reference` is "repo[:tag]" (the daemon checks it), empty for an untagged image. */
  containerCommit = (id: string, options: { reference?: string; comment?: string; author?: string; changes?: string[]; pause?: boolean; config?: unknown } = {}) => {
    let repo = options.reference ?? "";
    let tag = "";
    const colon = repo.lastIndexOf(":");
    if (colon > repo.lastIndexOf("/")) {
      tag = repo.slice(colon + 1);
      repo = repo.slice(0, colon);
    }
    const query = {
      container: id,
      repo: repo || undefined,
      tag: tag || undefined,
      comment: options.comment || undefined,
      author: options.author || undefined,
      pause: options.pause ?? true,
      changes: options.changes && options.changes.length > 0 ? options.changes.join("\n") : undefined,
    };
    return this.json<{ Id: string }>("POST", "/commit", query, options.config ?? {});
  };
  containerExecInspect = (execId: string) => this.json<ExecInspect>("GET", `/exec/${seg(execId)}/json`);

  // Images
  async imagePull(fromImage: string, tag: string | undefined, platform?: string): Promise<AsyncIterable<JsonMessage>> {
    const response = await this.call("POST", "/images/create", { fromImage, tag, platform });
    return this.messages<JsonMessage>(response);
  }
  imageList = (options: { all?: boolean; filters?: Filters; digests?: boolean } = {}) =>
    this.json<ImageSummary[]>("GET", "/images/json", { all: options.all, digests: options.digests, filters: encodeFilters(options.filters) });
  imageInspect = (name: string) => this.json<ImageInspect>("GET", `/images/${name}/json`);
  imageRemove = (name: string, options: { force?: boolean; noprune?: boolean } = {}) =>
    this.json<{ Untagged?: string; Deleted?: string }[]>("DELETE", `/images/${name}`, { force: options.force, noprune: options.noprune });
  async imageTag(name: string, repo: string, tag?: string): Promise<void> {
    await this.call("POST", `/images/${name}/tag`, { repo, tag });
  }
  imageHistory = (name: string) => this.json<ImageHistoryItem[]>("GET", `/images/${name}/history`);

  // Registries: credentials travel base64url-encoded in X-Registry-Auth (encodeAuthConfig).
  registryLogin = (auth: AuthConfig) => this.json<AuthenticateOKBody>("POST", "/auth", undefined, auth);
  /** POST /images/{name}/push: `name` is the full repository name; no tag pushes every tag. */
  async imagePush(name: string, tag: string | undefined, registryAuth: string): Promise<AsyncIterable<JsonMessage>> {
    const response = await this.call("POST", `/images/${name}/push`, { tag }, undefined, undefined, { "X-Registry-Auth": registryAuth });
    return this.messages<JsonMessage>(response);
  }
  async imageSearch(term: string, options: { limit?: number; filters?: Filters; registryAuth?: string } = {}): Promise<SearchResult[]> {
    const query = { term, limit: options.limit && options.limit > 0 ? options.limit : undefined, filters: encodeFilters(options.filters) };
    const headers = options.registryAuth ? { "X-Registry-Auth": options.registryAuth } : undefined;
    return (await this.call("GET", "/images/search", query, undefined, undefined, headers)).body as SearchResult[];
  }

  // Networks and volumes
  networkList = (filters?: Filters) => this.json<NetworkInspect[]>("GET", "/networks", { filters: encodeFilters(filters) });
  networkInspect = (id: string) => this.json<NetworkInspect>("GET", `/networks/${seg(id)}`);
  async networkRemove(id: string): Promise<void> {
    await this.call("DELETE", `/networks/${seg(id)}`);
  }
  networkCreate = (body: NetworkCreateRequest) => this.json<{ Id: string; Warning: string }>("POST", "/networks/create", undefined, body);
  async networkConnect(id: string, container: string, endpointConfig?: NetworkEndpointConfig): Promise<void> {
    await this.call("POST", `/networks/${seg(id)}/connect`, undefined, { Container: container, EndpointConfig: endpointConfig ?? null });
  }
  async networkDisconnect(id: string, container: string, force = false): Promise<void> {
    await this.call("POST", `/networks/${seg(id)}/disconnect`, undefined, { Container: container, Force: force });
  }
  networksPrune = (filters?: Filters) => this.json<{ NetworksDeleted: string[] | null }>("POST", "/networks/prune", { filters: encodeFilters(filters) });
  volumesPrune = (filters?: Filters) => this.json<{ VolumesDeleted: string[] | null; SpaceReclaimed: number }>("POST", "/volumes/prune", { filters: encodeFilters(filters) });
  volumeList = (filters?: Filters) => this.json<{ Volumes: Volume[] | null; Warnings: string[] | null }>("GET", "/volumes", { filters: encodeFilters(filters) });
  volumeInspect = (name: string) => this.json<Volume>("GET", `/volumes/${seg(name)}`);
  volumeCreate = (body: { Name?: string; Driver?: string; DriverOpts?: Record<string, string>; Labels?: Record<string, string> }) =>
    this.json<Volume>("POST", "/volumes/create", undefined, body);
  async volumeRemove(name: string, force = false): Promise<void> {
    await this.call("DELETE", `/volumes/${seg(name)}`, { force });
  }

  // System: disk usage and the prunes beyond containers, networks and volumes
  systemDf = (type?: "container" | "image" | "volume" | "build-cache") => this.json<DiskUsage>("GET", "/system/df", type ? { type } : undefined);
  imagesPrune = (filters?: Filters) => this.json<ImagesPruneReport>("POST", "/images/prune", { filters: encodeFilters(filters) });
  buildPrune = (options: { all?: boolean; keepStorage?: number; filters?: Filters } = {}) =>
    this.json<BuildCachePruneReport>("POST", "/build/prune", { all: options.all, "keep-storage": options.keepStorage || undefined, filters: encodeFilters(options.filters) });
  // Archives: docker cp, export, save, load and import. Tarballs travel as bytes.
  /** HEAD /containers/{id}/archive: what is at a path, from the X-Docker-Container-Path-Stat header. */
  async containerStatPath(id: string, path: string): Promise<PathStat> {
    return pathStatOf(await this.call("HEAD", `/containers/${seg(id)}/archive`, { path }));
  }
  /** GET /containers/{id}/archive: a tar of the path, and its stat. */
  async copyFromContainer(id: string, path: string): Promise<{ content: Uint8Array; stat: PathStat }> {
    const response = await this.call("GET", `/containers/${seg(id)}/archive`, { path });
    return { content: bytesOf(response), stat: pathStatOf(response) };
  }
  /** PUT /containers/{id}/archive: extracts a tar into a directory of the container. */
  async copyToContainer(id: string, path: string, content: Uint8Array, options: { allowOverwriteDirWithFile?: boolean; copyUIDGID?: boolean } = {}): Promise<void> {
    const query = { path, noOverwriteDirNonDir: options.allowOverwriteDirWithFile ? undefined : "true", copyUIDGID: options.copyUIDGID ? "true" : undefined };
    await this.call("PUT", `/containers/${seg(id)}/archive`, query, content);
  }
  containerExport = async (id: string) => bytesOf(await this.call("GET", `/containers/${seg(id)}/export`, {}));
  /** GET /images/get?names=…: a docker-save archive of the images. */
  imageSave = async (names: string[]) => bytesOf(await this.call("GET", "/images/get", {}, undefined, undefined, undefined, { names }));
  async imageLoad(input: Uint8Array, quiet = false): Promise<AsyncIterable<JsonMessage>> {
    return this.messages<JsonMessage>(await this.call("POST", "/images/load", { quiet: quiet ? "1" : "0" }, input, undefined, { "Content-Type": "application/x-tar" }));
  }
  /**
   * POST /build: builds an image from a tar of the build context (the Dockerfile inside it, at
   * `dockerfile`), with the legacy builder's JSON stream: {"stream": "Step 1/3 : …"}, pull
   * progress for FROM, {"aux": {"ID": …}}, and errors in-stream as {"errorDetail": …}.
   */
  async imageBuild(context: Uint8Array, options: ImageBuildOptions = {}): Promise<AsyncIterable<JsonMessage>> {
    const json = (value: Record<string, string | null> | undefined) => (value && Object.keys(value).length > 0 ? JSON.stringify(value) : undefined);
    const query = {
      dockerfile: options.dockerfile,
      q: options.quiet ? "1" : undefined,
      nocache: options.noCache ? "1" : undefined,
      // The API's default is to remove intermediate containers; the CLI always says so.
      rm: options.remove === false ? "0" : "1",
      forcerm: options.forceRemove ? "1" : undefined,
      pull: options.pull ? "1" : undefined,
      target: options.target || undefined,
      networkmode: options.networkMode || undefined,
      platform: options.platform || undefined,
      buildargs: json(options.buildArgs),
      labels: json(options.labels),
      extrahosts: options.extraHosts?.length ? JSON.stringify(options.extraHosts) : undefined,
      version: "1",
    };
    const lists = options.tags && options.tags.length > 0 ? { t: options.tags } : undefined;
    return this.messages<JsonMessage>(await this.call("POST", "/build", query, context, undefined, { "Content-Type": "application/x-tar" }, lists));
  }
  /** POST /images/create?fromSrc=…: a one-layer image from a tarball (`source`) or a URL the daemon fetches. */
  async imageImport(
    source: { sourceName: string; source?: Uint8Array },
    ref: string,
    options: { message?: string; changes?: string[]; platform?: string } = {},
  ): Promise<AsyncIterable<JsonMessage>> {
    const query = { fromSrc: source.sourceName, repo: ref || undefined, message: options.message || undefined, platform: options.platform?.toLowerCase() || undefined };
    const changes = options.changes && options.changes.length > 0 ? { changes: options.changes } : undefined;
    return this.messages<JsonMessage>(await this.call("POST", "/images/create", query, source.source, undefined, undefined, changes));
  }

  /** GET /containers/{id}/stats?stream=1: a frame per second until the container goes away. */
  async containerStatsStream(id: string): Promise<AsyncIterable<ContainerStats>> {
    return this.messages<ContainerStats>(await this.call("GET", `/containers/${seg(id)}/stats`, { stream: "1" }));
  }
}
