// Local volumes: named ones created on demand or by `docker volume create`, anonymous ones
// (64-hex names) for an image's VOLUME paths, with the mountpoints Docker shows.
import type { EngineContext } from "../engine-context.js";
import { notFound } from "../errors.js";

export interface VolumeRecord {
  Name: string;
  Driver: string;
  Mountpoint: string;
  /** Engine-clock milliseconds. */
  CreatedAt: number;
  Labels: Record<string, string> | null;
  Scope: "local";
  Options: Record<string, string> | null;
}

export const anonymousLabel = "com.docker.volume.anonymous";

export class VolumeService {
  constructor(private readonly ctx: EngineContext) {}

  all(): VolumeRecord[] {
    return this.ctx.store.values<VolumeRecord>("volume");
  }

  find(name: string): VolumeRecord | undefined {
    return this.ctx.store.get<VolumeRecord>("volume", name);
  }

  get(name: string): VolumeRecord {
    const volume = this.find(name);
    if (!volume) throw notFound(`get ${name}: no such volume`);
    return volume;
  }

  /** Creates a volume, or returns the existing one of that name (as `docker volume create` does). */
  create(name: string | undefined, labels: Record<string, string> | null = null, options: Record<string, string> | null = null, driver = "local"): VolumeRecord {
    // Only the built-in driver exists here; any other name is a plugin that is not installed.
    if (driver !== "local") throw notFound(`error looking up volume plugin ${driver}: plugin "${driver}" not found`);
    const anonymous = !name;
    const volumeName = name || this.ctx.ids.randomHex(32);
    const existing = this.find(volumeName);
    if (existing) return existing;
    const volume: VolumeRecord = {
      Name: volumeName,
      Driver: "local",
      Mountpoint: `/var/lib/docker/volumes/${volumeName}/_data`,
      CreatedAt: this.ctx.clock.now(),
      Labels: anonymous ? { ...labels, [anonymousLabel]: "" } : labels,
      Scope: "local",
      Options: options,
    };
    this.ctx.store.put("volume", volumeName, volume);
    this.ctx.events.publish("volume", "create", volumeName, { driver: "local" });
    return volume;
  }

  isAnonymous(volume: VolumeRecord): boolean {
    return volume.Labels !== null && anonymousLabel in volume.Labels;
  }

  remove(name: string): void {
    this.ctx.store.remove("volume", name);
    this.ctx.events.publish("volume", "destroy", name, { driver: "local" });
  }
}
