import { describe, expect, it } from "vitest";
import { catalogRepositories, lookupCatalog } from "./index.js";
import type { CatalogImage } from "./index.js";

function image(ref: string): CatalogImage {
  const [repository = "", tag = "latest"] = ref.split(":");
  const found = lookupCatalog(repository, tag);
  if (!found) throw new Error(`not in catalog: ${ref}`);
  return found;
}

const everyImage = (): { ref: string; image: CatalogImage }[] =>
  catalogRepositories().flatMap((repo) => repo.tags.map((tag) => `${repo.shortName}:${tag}`)).map((ref) => ({ ref, image: image(ref) }));

const env = (ref: string, name: string): string | undefined =>
  image(ref).image.Config.Env?.find((e) => e.startsWith(`${name}=`))?.slice(name.length + 1);

describe("layers", () => {
  it("adds up to the image size, with one history entry per layer", () => {
    for (const { ref, image: img } of everyImage()) {
      expect(img.layers.length, ref).toBeGreaterThan(0);
      expect(img.image.Size, ref).toBe(img.layers.reduce((sum, l) => sum + l.size, 0));
      expect(img.image.Layers, ref).toEqual(img.layers.map((l) => l.diffId));
      expect(img.image.History.filter((h) => !h.empty_layer), ref).toHaveLength(img.layers.length);
    }
  });

  it("compresses every layer of any size", () => {
    for (const { ref, image: img } of everyImage()) {
      for (const layer of img.layers.filter((l) => l.size > 65_536)) expect(layer.compressedSize, ref).toBeLessThan(layer.size);
    }
  });

  it.each([
    ["alpine:latest", 8.0e6, 8.6e6],
    ["busybox:latest", 4.2e6, 4.6e6],
    ["ubuntu:latest", 75e6, 82e6],
    ["debian:bookworm", 110e6, 122e6],
    ["nginx:latest", 185e6, 200e6],
    ["hello-world:latest", 5e3, 20e3],
    ["node:lts", 1.0e9, 1.2e9],
    ["postgres:latest", 400e6, 500e6],
  ])("%s has a realistic size", (ref, min, max) => {
    expect(image(ref).image.Size).toBeGreaterThanOrEqual(min);
    expect(image(ref).image.Size).toBeLessThanOrEqual(max);
  });

  it.each([
    ["nginx:alpine", "alpine:latest", 1],
    ["python:alpine", "alpine:latest", 1],
    ["node:22-alpine", "alpine:3.22", 1],
    ["nginx:stable-alpine", "alpine:3.21", 1],
    ["registry:2", "alpine:3.21", 1],
    ["nginx:latest", "debian:trixie-slim", 1],
    ["httpd:latest", "debian:trixie-slim", 1],
    ["postgres:17", "debian:trixie-slim", 1],
    ["python:3.13-slim", "debian:trixie-slim", 1],
    ["nginx:stable", "debian:bookworm-slim", 1],
    ["redis:latest", "debian:bookworm-slim", 1],
    ["node:latest", "debian:trixie", 1],
    ["node:20", "debian:bookworm", 1],
    ["python:latest", "node:lts", 4],
    ["nginx:alpine", "nginx:alpine-slim", 7],
  ])("%s shares its base layers with %s", (derived, base, count) => {
    const shared = image(derived).layers.slice(0, count);
    expect(shared).toEqual(image(base).layers.slice(0, count));
    expect(image(derived).image.History.slice(0, 1)).toEqual(image(base).image.History.slice(0, 1));
  });

  it("does not share layers between different releases of a base", () => {
    expect(image("alpine:3.21").layers[0]?.diffId).not.toBe(image("alpine:3.22").layers[0]?.diffId);
    expect(image("debian:bookworm").layers[0]?.diffId).not.toBe(image("debian:bookworm-slim").layers[0]?.diffId);
    expect(image("nginx:latest").layers[1]?.diffId).not.toBe(image("nginx:stable").layers[1]?.diffId);
  });
});

describe("config and history", () => {
  it("gives every image something to run, a PATH, and linux/amd64", () => {
    for (const { ref, image: img } of everyImage()) {
      const argv = [...(img.image.Config.Entrypoint ?? []), ...(img.image.Config.Cmd ?? [])];
      expect(argv.length, ref).toBeGreaterThan(0);
      expect(img.image.Config.Env?.[0], ref).toMatch(/^PATH=\//);
      expect([img.image.Os, img.image.Architecture], ref).toEqual(["linux", "amd64"]);
    }
  });

  it("dates everything in RFC 3339, history never after the image", () => {
    const rfc3339 = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d*[1-9])?Z$/;
    for (const { ref, image: img } of everyImage()) {
      expect(img.image.Created, ref).toMatch(rfc3339);
      expect(Date.parse(img.image.Created), ref).toBeGreaterThan(Date.parse("2024-09-01T00:00:00Z"));
      for (const h of img.image.History) {
        expect(h.created, ref).toMatch(rfc3339);
        expect(Date.parse(h.created), ref).toBeLessThanOrEqual(Date.parse(img.image.Created));
      }
    }
  });

  it("matches the last CMD and ENTRYPOINT of the history", () => {
    for (const { ref, image: img } of everyImage()) {
      const lastCmd = img.image.History.map((h) => h.created_by).filter((c) => /^(\/bin\/sh -c #\(nop\) {2})?CMD /.test(c)).at(-1);
      const argv = (img.image.Config.Cmd ?? []).map((a) => JSON.stringify(a)).join(" ");
      // debuerreotype's rootfs images set their CMD in the config only, with no history line.
      if (img.image.Comment.startsWith("debuerreotype")) expect(lastCmd, ref).toBeUndefined();
      else expect(lastCmd?.endsWith(`CMD [${argv}]`), ref).toBe(true);
      const lastEntrypoint = img.image.History.map((h) => h.created_by).filter((c) => c.startsWith("ENTRYPOINT ")).at(-1);
      const entrypoint = img.image.Config.Entrypoint?.map((a) => JSON.stringify(a)).join(" ");
      expect(lastEntrypoint, ref).toBe(entrypoint === undefined ? undefined : `ENTRYPOINT [${entrypoint}]`);
    }
  });

  it("reads like the real images' configs", () => {
    const nginx = image("nginx:latest").image.Config;
    expect(nginx).toMatchObject({
      Entrypoint: ["/docker-entrypoint.sh"], Cmd: ["nginx", "-g", "daemon off;"], StopSignal: "SIGQUIT",
      ExposedPorts: { "80/tcp": {} }, Labels: { maintainer: "NGINX Docker Maintainers <docker-maint@nginx.com>" },
    });
    expect(env("nginx:latest", "NGINX_VERSION")).toBe("1.29.3");
    expect(env("nginx:stable", "NGINX_VERSION")).toBe("1.28.0");
    const redis = image("redis:latest").image.Config;
    expect(redis.StopSignal).toBeUndefined();
    expect(redis).toMatchObject({ Cmd: ["redis-server"], WorkingDir: "/data", Volumes: { "/data": {} }, ExposedPorts: { "6379/tcp": {} } });
    expect(image("postgres:latest").image.Config).toMatchObject({ StopSignal: "SIGINT", Volumes: { "/var/lib/postgresql": {} } });
    expect(env("postgres:latest", "PGDATA")).toBe("/var/lib/postgresql/18/docker");
    expect(env("postgres:17", "PGDATA")).toBe("/var/lib/postgresql/data");
    expect(image("httpd:latest").image.Config).toMatchObject({ StopSignal: "SIGWINCH", WorkingDir: "/usr/local/apache2" });
    expect(image("mysql:latest").image.Config.ExposedPorts).toEqual({ "3306/tcp": {}, "33060/tcp": {} });
    expect(env("mysql:8.4", "MYSQL_VERSION")).toBe("8.4.7-1.el9");
    expect(image("registry:2").image.Config.Cmd).toEqual(["/etc/docker/registry/config.yml"]);
    expect(image("ubuntu:22.04").image.Config.Labels).toEqual({
      "org.opencontainers.image.ref.name": "ubuntu", "org.opencontainers.image.version": "22.04",
    });
    expect(env("python:3.13", "GPG_KEY")).toBeDefined();
    expect(env("python:3.14", "GPG_KEY")).toBeUndefined();
    expect(env("node:lts", "NODE_VERSION")).toMatch(/^24\./);
    expect(image("hello-world").image.Config.Cmd).toEqual(["/hello"]);
    expect(image("alpine:latest").image.History.map((h) => h.created_by)).toEqual([
      "ADD alpine-minirootfs-3.22.2-x86_64.tar.gz / # buildkit", 'CMD ["/bin/sh"]',
    ]);
  });

  it("fills the ADD file hash of legacy-built root filesystems", () => {
    const add = image("ubuntu:latest").image.History.find((h) => h.created_by.includes("ADD file:"));
    expect(add?.created_by).toMatch(/^\/bin\/sh -c #\(nop\) ADD file:[0-9a-f]{64} in \/ $/);
  });
});
