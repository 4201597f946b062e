// Renders the daemon's JSON progress stream as jsonmessage.DisplayJSONMessagesStream does: on a
// terminal one line per layer redrawn in place; through a pipe, plain lines without the bars.
import type { JsonMessage } from "../../client/index.js";
import { humanSize } from "../format/index.js";
import { StatusError } from "../errors.js";

function progressString(detail: JsonMessage["progressDetail"], width: number): string {
  const current = detail?.current ?? 0;
  const total = detail?.total ?? 0;
  if (current <= 0 && total <= 0) return "";
  if (total <= 0) return humanSize(current).padStart(8);
  const half = Math.min(50, Math.floor(Math.floor((current / total) * 100) / 2));
  const bar = width > 110 ? `[${"=".repeat(half)}>${" ".repeat(Math.max(0, 50 - half))}] ` : "";
  const numbers = current > total ? "" : `${humanSize(current).padStart(8)}/${humanSize(total)}`;
  return bar + numbers;
}

export async function displayJsonMessages(
  messages: AsyncIterable<JsonMessage>,
  write: (text: string) => void,
  isTerminal: boolean,
  width: number,
): Promise<void> {
  let ids = new Map<string, number>();
  for await (const m of messages) {
    if (m.error || m.errorDetail) {
      const code = m.errorDetail?.code;
      throw new StatusError(code && code > 0 ? code : 1, m.errorDetail?.message ?? m.error ?? "");
    }
    // Aux messages (a push's {"Tag","Digest","Size"}) go to a callback, never to the screen.
    if (m.aux !== undefined) continue;
    let diff = 0;
    const tracked = m.id !== undefined && m.id !== "" && m.progressDetail !== undefined;
    if (tracked && m.id) {
      let line = ids.get(m.id);
      if (line === undefined) {
        line = ids.size;
        ids.set(m.id, line);
        if (isTerminal) write("\n");
      }
      diff = ids.size - line;
      if (isTerminal && diff > 0) write(`\x1b[${diff}A`);
    } else {
      ids = new Map();
    }
    write(render(m, isTerminal, width));
    if (m.id && isTerminal && diff > 0) write(`\x1b[${diff}B`);
  }
}

function render(m: JsonMessage, isTerminal: boolean, width: number): string {
  let out = "";
  let endl = "";
  const progress = progressString(m.progressDetail, width);
  if (isTerminal && !m.stream && m.progressDetail !== undefined) {
    out += "\x1b[2K\r";
    endl = "\r";
  } else if (m.progressDetail !== undefined && progress !== "") {
    return "";
  }
  if (m.id) out += `${m.id}: `;
  if (m.progressDetail !== undefined && isTerminal) out += `${m.status ?? ""} ${progress}${endl}`;
  else if (m.stream) out += `${m.stream}${endl}`;
  else out += `${m.status ?? ""}${endl}\n`;
  return out;
}
