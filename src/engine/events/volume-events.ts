// Volume mount and unmount events: dockerd logs them as a container's volumes are set up on
// start (daemon/volumes_unix.go) and released when it stops (container.UnmountVolumes).
import type { ContainerRecord } from "../containers/container-record.js";
import type { EventBus } from "./event-bus.js";

function volumes(c: ContainerRecord) {
  return c.Mounts.filter((m) => m.Type === "volume" && m.Name);
}

export function publishVolumeMounts(events: EventBus, c: ContainerRecord): void {
  for (const m of volumes(c)) {
    events.publish("volume", "mount", m.Name ?? "", {
      container: c.Id,
      destination: m.Destination,
      driver: m.Driver ?? "local",
      propagation: m.Propagation,
      "read/write": String(m.RW),
    });
  }
}

export function publishVolumeUnmounts(events: EventBus, c: ContainerRecord): void {
  for (const m of volumes(c)) events.publish("volume", "unmount", m.Name ?? "", { container: c.Id, driver: m.Driver ?? "local" });
}
