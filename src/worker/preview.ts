// The preview pane's request: a GET to a port published on the playground's host, as a browser
// on that host would send it, answered by whatever container listens behind the port.
import { httpExchange, type NetStack } from "../engine/index.js";
import type { PreviewResponse } from "../protocol/index.js";

const decoder = new TextDecoder();

export async function previewGet(stack: NetStack, port: number, path: string): Promise<PreviewResponse> {
  const connection = stack.connectPublished("127.0.0.1", port);
  if (!connection.ok) return { ok: false, error: `Nothing answers on localhost:${port}. Publish a port with docker run -p ${port}:80 …` };
  const response = await httpExchange(connection, {
    method: "GET",
    path: path.startsWith("/") ? path : `/${path}`,
    headers: {
      host: `localhost:${port}`,
      "user-agent": "Mozilla/5.0 (playground preview)",
      accept: "text/html,application/xhtml+xml,*/*;q=0.8",
    },
    body: "",
  });
  if (response.status === 0) return { ok: false, error: `localhost:${port} closed the connection without an HTTP answer.` };
  const contentType = response.headers.find(([name]) => name.toLowerCase() === "content-type")?.[1] ?? "application/octet-stream";
  const body = typeof response.body === "string" ? response.body : decoder.decode(response.body);
  return { ok: true, status: response.status, reason: response.reason, contentType, body };
}
