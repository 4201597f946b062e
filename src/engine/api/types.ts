// The Engine API as plain values: a request is method + path + query + body, a response is a
// status with a JSON body or a stream. In-process callers use these directly; the Node daemon
// turns them into HTTP.

export interface ApiRequest {
  method: string;
  /** e.g. "/v1.50/containers/json" or "/containers/json". */
  path: string;
  query?: Record<string, string | undefined>;
  /**
   * Every value of the query keys that may repeat (`names` of /images/get, `changes` of import),
   * as url.Values holds them; `query` keeps only the first, as url.Values.Get reads it.
   */
  queryLists?: Record<string, string[]>;
  headers?: Record<string, string>;
  /** Parsed JSON body, or raw bytes for tar uploads. */
  body?: unknown;
  /**
   * The body's bytes as they arrived, whatever its Content-Type: docker's client labels any raw
   * upload text/plain (cp's PUT, import), and a tar must not go through a text decoder.
   */
  rawBody?: Uint8Array;
  /**
   * What the caller types into a hijacked connection (attach, exec start with stdin): the
   * container's stdin. Ends when the caller closes its write side (stdin EOF, half-close).
   */
  stdin?: AsyncIterable<string>;
}

export interface StdioChunk {
  stream: "stdout" | "stderr";
  data: string;
}

export type ApiStream =
  /** Newline-delimited JSON: pull progress, events, the wait result. */
  | { kind: "json-lines"; messages: AsyncIterable<unknown> }
  /** Container output: multiplexed frames without a TTY, raw with one. */
  | { kind: "stdio"; tty: boolean; chunks: AsyncIterable<StdioChunk> };

export interface ApiResponse {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
  stream?: ApiStream;
}

export type ApiHandler = (request: ApiRequest) => Promise<ApiResponse>;
