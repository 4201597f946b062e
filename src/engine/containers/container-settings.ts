// What changes a container without running it: rename, update (resources and restart policy)
// and prune, with the daemon's checks and texts (daemon/rename.go, update.go, prune.go).
import type { EngineContext } from "../engine-context.js";
import { conflict, EngineError, invalidParameter } from "../errors.js";
import type { ContainerRecord, RestartPolicy } from "./container-record.js";
import type { ContainerService } from "./container-service.js";
import { validateRestartPolicy } from "./create-config.js";
import { validContainerName } from "./names.js";

/** The HostConfig fields `POST /containers/{id}/update` may change (container.UpdateConfig). */
const resourceFields = [
  "BlkioWeight", "CpuShares", "CpuPeriod", "CpuQuota", "CpuRealtimePeriod", "CpuRealtimeRuntime", "CpusetCpus", "CpusetMems",
  "Memory", "MemoryReservation", "MemorySwap", "NanoCpus", "PidsLimit",
] as const;

export interface UpdateBody {
  RestartPolicy?: Partial<RestartPolicy>;
  [field: string]: unknown;
}

export interface PruneReport {
  ContainersDeleted: string[] | null;
  SpaceReclaimed: number;
}

const linuxMinMemory = 6 * 1024 * 1024;

export class ContainerSettings {
  constructor(
    private readonly ctx: EngineContext,
    private readonly containers: ContainerService,
  ) {}

  rename(ref: string, newName: string): void {
    if (ref === "" || newName === "") throw invalidParameter("Neither old nor new names may be empty");
    const name = newName.startsWith("/") ? newName : `/${newName}`;
    const c = this.containers.get(ref);
    const oldName = c.Name;
    if (oldName === name) throw invalidParameter("Renaming a container with the same name as its current name");
    if (!validContainerName.test(newName)) {
      throw invalidParameter(`Error when allocating new name: Invalid container name (${newName}), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed`);
    }
    const owner = this.containers.names().get(name);
    if (owner !== undefined) {
      throw conflict(
        `Error when allocating new name: Conflict. The container name "${name}" is already in use by container "${owner}". You have to remove (or rename) that container to be able to reuse that name.`,
      );
    }
    this.containers.names().delete(oldName);
    this.containers.names().set(name, c.Id);
    c.Name = name;
    // Embedded DNS answers to the new name on user-defined networks.
    for (const endpoint of Object.values(c.Networks)) {
      if (endpoint.DNSNames) endpoint.DNSNames = endpoint.DNSNames.map((n) => (n === oldName.slice(1) ? name.slice(1) : n));
    }
    this.containers.save(c);
    this.containers.publish(c, "rename", { oldName });
  }

  update(ref: string, body: UpdateBody): { Warnings: string[] } {
    const c = this.containers.get(ref);
    const fail = (message: string) => new EngineError("invalid-parameter", `Cannot update container ${c.Id}: ${message}`);
    const memory = body["Memory"];
    if (typeof memory === "number" && memory > 0 && memory < linuxMinMemory) throw invalidParameter("Minimum memory limit allowed is 6MB");
    // A new HostConfig rather than writes into the old: containers created without one share a
    // frozen default, and a refused update must leave nothing half-changed.
    const host = { ...c.HostConfig };
    const policy = body.RestartPolicy;
    if (policy && policy.Name !== undefined && policy.Name !== "") {
      const next: RestartPolicy = { Name: policy.Name, MaximumRetryCount: policy.MaximumRetryCount ?? 0 };
      validateRestartPolicy(next);
      if (c.HostConfig.AutoRemove && next.Name !== "no") throw fail("Restart policy cannot be updated because AutoRemove is enabled for the container");
      host.RestartPolicy = next;
    }
    if (c.State.Status === "removing" || c.State.Dead) throw fail("container is marked for removal and cannot be \"update\"");
    for (const field of resourceFields) {
      const value = body[field];
      // Zero means "leave as is" in an update, as in the daemon's UpdateConfig.
      if (value !== undefined && value !== null && value !== 0 && value !== "") host[field] = value;
    }
    c.HostConfig = host;
    this.containers.save(c);
    this.containers.publish(c, "update");
    return { Warnings: [] };
  }

  /** Removes every container that is not running (containers only match the label/until filters). */
  prune(matches: (c: ContainerRecord) => boolean = () => true): PruneReport {
    const deleted: string[] = [];
    for (const c of this.containers.all()) {
      if (c.State.Running || !matches(c)) continue;
      this.containers.destroy(c, false);
      deleted.push(c.Id);
    }
    this.ctx.events.publish("container", "prune", "", { reclaimed: "0" });
    return { ContainersDeleted: deleted.length > 0 ? deleted : null, SpaceReclaimed: 0 };
  }
}
