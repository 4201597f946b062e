// The daemon's JSON progress messages for reading a layer (pkg/progress.Reader through
// streamformatter): an update once more than 1% (at most 512 kB) has been read in 32 kB reads,
// rate-limited to one per 100 ms, and always the last one; rendered as JSONProgress.String()
// renders them on a daemon without a terminal (width 200: with the bar).
import { humanSize } from "../image-store/units.js";

export interface ProgressMessage {
  status: string;
  progressDetail: { current: number; total: number };
  progress: string;
  id: string;
}

export function progressText(current: number, total: number): string {
  const percentage = Math.min(50, Math.floor(Math.floor((current / total) * 100) / 2));
  const bar = `[${"=".repeat(percentage)}>${" ".repeat(Math.max(0, 50 - percentage))}] `;
  const numbers = current > total ? humanSize(current).padStart(8) : `${humanSize(current).padStart(8)}/${humanSize(total)}`;
  return bar + numbers;
}

/** The updates a fast read of `total` bytes produces: the first past the threshold, then the end. */
export function readProgress(action: string, id: string, total: number): ProgressMessage[] {
  const chunk = 32 * 1024;
  const every = Math.min(512 * 1024, total > 0 ? Math.floor(0.01 * total) : 512 * 1024);
  const message = (current: number): ProgressMessage => ({ status: action, progressDetail: { current, total }, progress: progressText(current, total), id });
  let first = chunk;
  while (first <= every) first += chunk;
  return first < total ? [message(first), message(total)] : [message(total)];
}
