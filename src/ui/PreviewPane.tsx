// The preview: the page a container serves on a published port, as a browser on the playground's
// host would show it. The page runs in a sandboxed frame with no access to this app; its links
// come back here as messages, so following one fetches the next page through the engine.
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { JSX } from "react";
import type { PreviewResponse } from "../protocol/index.js";
import { fetchPreview } from "./session.js";
import { usePlayground } from "./store.js";

/** Published TCP ports of running containers, lowest first. */
function usePublishedPorts(): number[] {
  const containers = usePlayground((s) => s.world.containers);
  return useMemo(() => {
    const ports = new Set<number>();
    for (const c of containers) {
      if (c.state !== "running") continue;
      for (const p of c.ports) if (p.hostPort > 0 && p.protocol === "tcp") ports.add(p.hostPort);
    }
    return [...ports].sort((a, b) => a - b);
  }, [containers]);
}

// Sent along with the page: turns link clicks into requests to the preview pane.
const linkScript = `<script>document.addEventListener("click",function(e){var a=e.target&&e.target.closest&&e.target.closest("a[href]");if(!a)return;var h=a.getAttribute("href");if(/^[a-z]+:/i.test(h)&&!/^https?:\\/\\/localhost/i.test(h))return;e.preventDefault();parent.postMessage({previewLink:h},"*");});</script>`;

function frameDocument(response: PreviewResponse): string {
  if (!response.ok) return `<!doctype html><p style="font-family:sans-serif;color:#555">${escapeHtml(response.error)}</p>`;
  if (response.contentType.startsWith("text/html")) return response.body + linkScript;
  return `<!doctype html><pre style="white-space:pre-wrap">${escapeHtml(response.body)}</pre>`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c] ?? c);
}

/** Where a link leads, relative to the page it is on. */
function follow(current: string, href: string): string {
  const absolute = href.replace(/^https?:\/\/localhost(:\d+)?/i, "");
  if (absolute.startsWith("/")) return absolute;
  const base = current.slice(0, current.lastIndexOf("/") + 1);
  return `${base}${absolute}`;
}

export function PreviewPane(): JSX.Element {
  const ports = usePublishedPorts();
  const [port, setPort] = useState<number | undefined>(undefined);
  const [path, setPath] = useState("/");
  const [response, setResponse] = useState<{ answer: PreviewResponse; serial: number } | undefined>(undefined);
  const frame = useRef<HTMLIFrameElement>(null);
  const active = port !== undefined && ports.includes(port) ? port : ports[0];

  const load = useCallback(
    (target: number | undefined, at: string) => {
      if (target === undefined) return;
      void fetchPreview(target, at).then((answer) => setResponse((last) => ({ answer, serial: (last?.serial ?? 0) + 1 })));
    },
    [],
  );

  useEffect(() => load(active, path), [active, path, load]);

  useEffect(() => {
    const onMessage = (event: MessageEvent<{ previewLink?: string }>) => {
      if (event.source !== frame.current?.contentWindow || typeof event.data?.previewLink !== "string") return;
      setPath((current) => follow(current, event.data.previewLink ?? "/"));
    };
    window.addEventListener("message", onMessage);
    return () => window.removeEventListener("message", onMessage);
  }, []);

  if (active === undefined) {
    return (
      <div className="preview-empty" data-testid="preview-empty">
        No published ports yet. Try <code>docker run -d -p 8080:80 nginx</code>, then come back here.
      </div>
    );
  }
  return (
    <div className="preview" data-testid="preview">
      <form
        className="preview-bar"
        onSubmit={(e) => {
          e.preventDefault();
          load(active, path);
        }}
      >
        <label>
          <span className="visually-hidden">Port</span>
          <select value={active} onChange={(e) => setPort(Number(e.target.value))} aria-label="Published port">
            {ports.map((p) => (
              <option key={p} value={p}>
                localhost:{p}
              </option>
            ))}
          </select>
        </label>
        <input aria-label="Path" value={path} onChange={(e) => setPath(e.target.value || "/")} spellCheck={false} />
        <button type="submit">Reload</button>
        {response?.answer.ok && (
          <span className="preview-status" data-testid="preview-status">
            {response.answer.status} {response.answer.reason}
          </span>
        )}
      </form>
      {/* Each answer gets a fresh frame, its document set as it is created: changing srcdoc on a
          live frame races the navigation still in flight, and Chromium can keep the empty page. */}
      {response ? (
        <iframe
          key={response.serial}
          ref={frame}
          title={`Page served on localhost:${active}`}
          sandbox="allow-scripts"
          srcDoc={frameDocument(response.answer)}
          data-testid="preview-frame"
        />
      ) : (
        <div className="preview-loading" data-testid="preview-loading">
          Loading localhost:{active}…
        </div>
      )}
    </div>
  );
}
