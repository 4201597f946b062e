// The Status column of `docker ps`, computed by the daemon at list time (container/state.go).
import type { ContainerRecord } from "./container-record.js";

/** go-units HumanDuration, which the daemon uses for "Up 2 minutes" and "Exited (0) 3 seconds ago". */
export function humanDuration(ms: number): string {
  const seconds = ms / 1000;
  if (Math.floor(seconds) < 1) return "Less than a second";
  if (Math.floor(seconds) === 1) return "1 second";
  if (seconds < 60) return `${Math.floor(seconds)} seconds`;
  const minutes = seconds / 60;
  if (Math.floor(minutes) === 1) return "About a minute";
  if (minutes < 60) return `${Math.floor(minutes)} minutes`;
  const hours = Math.floor(seconds / 3600 + 0.5);
  if (hours === 1) return "About an hour";
  if (hours < 48) return `${hours} hours`;
  if (hours < 24 * 7 * 2) return `${Math.floor(hours / 24)} days`;
  if (hours < 24 * 30 * 2) return `${Math.floor(hours / 24 / 7)} weeks`;
  if (hours < 24 * 365 * 2) return `${Math.floor(hours / 24 / 30)} months`;
  return `${Math.floor(seconds / 3600 / 24 / 365)} years`;
}

export function stateString(c: ContainerRecord, now: number): string {
  const s = c.State;
  if (s.Running) {
    if (s.Paused) return `Up ${humanDuration(now - s.StartedAt)} (Paused)`;
    if (s.Restarting) return `Restarting (${s.ExitCode}) ${humanDuration(now - s.FinishedAt)} ago`;
    const health = s.Health ? ` (${s.Health.Status === "starting" ? "health: starting" : s.Health.Status})` : "";
    return `Up ${humanDuration(now - s.StartedAt)}${health}`;
  }
  if (s.Status === "removing") return "Removal In Progress";
  if (s.Dead) return "Dead";
  if (s.StartedAt === 0) return "Created";
  if (s.FinishedAt === 0) return "";
  return `Exited (${s.ExitCode}) ${humanDuration(now - s.FinishedAt)} ago`;
}
