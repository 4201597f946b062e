import { describe, expect, it } from "vitest";
import { applyChanges, emptyWorld } from "./world-view.js";
import { container, freshWorld, image, network, volume } from "./world-fixtures.js";

describe("applyChanges", () => {
  it("adds new records at the end of their list", () => {
    const web = container("web");
    const db = container("db");
    const world = applyChanges(emptyWorld, [
      { kind: "container", id: web.id, value: web },
      { kind: "container", id: db.id, value: db },
    ]);
    expect(world.containers.map((c) => c.name)).toEqual(["web", "db"]);
  });

  it("replaces a changed record in place and keeps the others' identity", () => {
    const web = container("web");
    const db = container("db");
    const before = { ...emptyWorld, containers: [web, db] };
    const stopped = { ...web, state: "exited", status: "Exited (0) 1 second ago" };
    const after = applyChanges(before, [{ kind: "container", id: web.id, value: stopped }]);
    expect(after.containers).toEqual([stopped, db]);
    expect(after.containers[1]).toBe(db);
    expect(after.images).toBe(before.images);
    expect(before.containers[0]).toBe(web);
  });

  it("removes a record when its value is null", () => {
    const web = container("web");
    const after = applyChanges({ ...emptyWorld, containers: [web] }, [{ kind: "container", id: web.id, value: null }]);
    expect(after.containers).toEqual([]);
  });

  it("keys volumes by name and the other kinds by id", () => {
    const start = freshWorld({ volumes: [volume("data")], images: [image("nginx:latest")] });
    const nginx = start.images[0]!;
    const after = applyChanges(start, [
      { kind: "volume", id: "data", value: null },
      { kind: "image", id: nginx.id, value: null },
      { kind: "network", id: "app-id", value: network("app", "172.18.0.0/16", { id: "app-id" }) },
    ]);
    expect(after.volumes).toEqual([]);
    expect(after.images).toEqual([]);
    expect(after.networks.map((n) => n.name)).toEqual(["bridge", "host", "none", "app"]);
  });

  it("returns the same world when nothing changes, so React skips the render", () => {
    const world = freshWorld();
    expect(applyChanges(world, [])).toBe(world);
    expect(applyChanges(world, [{ kind: "container", id: "gone", value: null }])).toBe(world);
  });
});
