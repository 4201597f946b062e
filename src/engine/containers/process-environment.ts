// The environment a container's process sees (container.CreateDaemonEnvironment).
import type { ContainerRecord } from "./container-record.js";

/** The config's Env with PATH defaulted, HOSTNAME, TERM for a TTY, and HOME. */
export function processEnvironment(c: ContainerRecord): string[] {
  const has = (name: string) => c.Config.Env.some((e) => e.startsWith(`${name}=`));
  const env: string[] = [];
  if (!has("PATH")) env.push("PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin");
  env.push(`HOSTNAME=${c.Config.Hostname}`);
  if (c.Config.Tty) env.push("TERM=xterm");
  env.push(...c.Config.Env.filter((e) => !e.startsWith("HOSTNAME=")));
  if (!has("HOME")) env.push("HOME=/root");
  return env;
}
