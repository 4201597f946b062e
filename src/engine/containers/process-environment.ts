// The environment a container's process sees (container.CreateDaemonEnvironment).
import type { ContainerRecord } from "./container-record.js";

const DEFAULT_PATH = "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

/** The config's Env with PATH defaulted, HOSTNAME, TERM for a TTY, and HOME. */
export function processEnvironment(c: ContainerRecord): string[] {
  const config = c.Config.Env;
  let hasPath = false;
  let hasHome = false;
  for (const e of config) {
    if (e.startsWith("PATH=")) hasPath = true;
    else if (e.startsWith("HOME=")) hasHome = true;
  }
  const env: string[] = [];
  if (!hasPath) env.push(DEFAULT_PATH);
  env.push(`HOSTNAME=${c.Config.Hostname}`);
  if (c.Config.Tty) env.push("TERM=xterm");
  for (const e of config) if (!e.startsWith("HOSTNAME=")) env.push(e);
  if (!hasHome) env.push("HOME=/root");
  return env;
}
