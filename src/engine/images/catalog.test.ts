import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { canonicalJson } from "../digest/index.js";
import type { JsonValue } from "../digest/index.js";
import { catalogRepositories, catalogRepository, lookupCatalog, lookupCatalogByDigest } from "./index.js";
import type { CatalogImage } from "./index.js";

const DIGEST = /^sha256:[0-9a-f]{64}$/;
const nodeSha256 = (text: string): string => `sha256:${createHash("sha256").update(text, "utf8").digest("hex")}`;

function image(ref: string): CatalogImage {
  const [repository = "", tag = "latest"] = ref.split(":");
  const found = lookupCatalog(repository, tag);
  if (!found) throw new Error(`not in catalog: ${ref}`);
  return found;
}

/** Every tag of every repository, with its image. */
function everyTag(): { ref: string; image: CatalogImage }[] {
  return catalogRepositories().flatMap((repo) => repo.tags.map((tag) => ({ ref: `${repo.shortName}:${tag}`, image: image(`${repo.shortName}:${tag}`) })));
}

describe("catalog repositories", () => {
  const required: Record<string, string[]> = {
    alpine: ["latest", "3.22", "3.22.2", "3.21", "3.20", "edge"],
    busybox: ["latest", "1.37", "1.36", "musl", "glibc", "uclibc"],
    ubuntu: ["latest", "24.04", "noble", "22.04", "jammy", "20.04"],
    debian: ["latest", "bookworm", "12", "bookworm-slim", "trixie", "13", "bullseye"],
    nginx: ["latest", "1.29", "mainline", "stable", "1.28", "alpine"],
    httpd: ["latest", "2.4", "alpine"],
    redis: ["latest", "8", "7.4", "alpine"],
    postgres: ["latest", "18", "17", "16", "alpine"],
    node: ["latest", "24", "lts", "22", "20", "22-alpine", "slim"],
    python: ["latest", "3.14", "3.13", "3.12", "3.13-slim", "alpine"],
    "hello-world": ["latest"],
    registry: ["latest", "3", "2"],
    mysql: ["latest", "9", "8.4", "8.0"],
  };

  it.each(Object.entries(required))("%s has the expected tags, each resolving to an image", (name, tags) => {
    const repo = catalogRepository(name);
    expect(repo).toMatchObject({ name: `library/${name}`, shortName: name, official: true });
    expect(repo?.description.length).toBeGreaterThan(20);
    expect(repo?.stars).toBeGreaterThan(1000);
    for (const tag of tags) {
      expect(repo?.tags, `${name}:${tag}`).toContain(tag);
      expect(lookupCatalog(name, tag), `${name}:${tag}`).toBeDefined();
    }
  });

  it("lists every repository once, sorted by name", () => {
    const names = catalogRepositories().map((r) => r.shortName);
    expect(names).toEqual([...Object.keys(required)].sort());
  });

  it("accepts familiar, library/ and docker.io/ names, and nothing outside the official namespace", () => {
    const id = image("alpine:latest").image.Id;
    expect(lookupCatalog("library/alpine", "latest")?.image.Id).toBe(id);
    expect(lookupCatalog("docker.io/library/alpine", "latest")?.image.Id).toBe(id);
    expect(catalogRepository("library/redis")?.shortName).toBe("redis");
    expect(lookupCatalog("someone/alpine", "latest")).toBeUndefined();
    expect(lookupCatalog("alpine", "2.0")).toBeUndefined();
    expect(lookupCatalog("no-such-image", "latest")).toBeUndefined();
    expect(catalogRepository("no-such-image")).toBeUndefined();
  });
});

describe("tags and aliases", () => {
  const aliases = [
    ["alpine:latest", "alpine:3.22", "alpine:3.22.2"],
    ["busybox:latest", "busybox:1.37", "busybox:glibc"],
    ["ubuntu:latest", "ubuntu:24.04", "ubuntu:noble"],
    ["ubuntu:22.04", "ubuntu:jammy"],
    ["debian:latest", "debian:trixie", "debian:13"],
    ["debian:bookworm", "debian:12"],
    ["nginx:latest", "nginx:1.29", "nginx:mainline"],
    ["nginx:stable", "nginx:1.28"],
    ["httpd:latest", "httpd:2.4"],
    ["redis:latest", "redis:8"],
    ["postgres:latest", "postgres:18"],
    ["node:latest", "node:current", "node:25"],
    ["node:lts", "node:24", "node:krypton"],
    ["node:22-alpine", "node:jod-alpine"],
    ["python:latest", "python:3.14"],
    ["python:alpine", "python:3.14-alpine"],
    ["registry:latest", "registry:3"],
    ["mysql:latest", "mysql:9", "mysql:innovation"],
    ["mysql:lts", "mysql:8.4"],
  ];

  it.each(aliases)("%s and its aliases are one image", (first, ...rest) => {
    const expected = image(first);
    for (const ref of rest) expect(image(ref), ref).toEqual(expected);
  });

  it("gives different tags of different releases different images", () => {
    const distinct = ["alpine:3.22", "alpine:3.21", "alpine:3.20", "alpine:edge", "nginx:latest", "nginx:stable",
      "nginx:alpine", "debian:bookworm", "debian:bookworm-slim", "node:lts", "node:22", "python:3.13", "python:3.13-slim"];
    const ids = distinct.map((ref) => image(ref).image.Id);
    const digests = distinct.map((ref) => image(ref).manifestDigest);
    expect(new Set(ids).size).toBe(distinct.length);
    expect(new Set(digests).size).toBe(distinct.length);
  });

  it("finds an image by its manifest digest, only in its own repository", () => {
    const nginx = image("nginx:stable");
    expect(lookupCatalogByDigest("nginx", nginx.manifestDigest)).toEqual(nginx);
    expect(lookupCatalogByDigest("library/nginx", nginx.manifestDigest)?.image.Id).toBe(nginx.image.Id);
    expect(lookupCatalogByDigest("httpd", nginx.manifestDigest)).toBeUndefined();
    expect(lookupCatalogByDigest("nginx", nginx.image.Id)).toBeUndefined();
  });

  it("hands out copies: changing one does not change the catalog", () => {
    const first = image("redis:latest");
    first.image.Config.Env?.push("MUTATED=1");
    first.layers.pop();
    const second = image("redis:latest");
    expect(second.image.Config.Env).not.toContain("MUTATED=1");
    expect(second.layers).toHaveLength(second.image.Layers.length);
  });
});

describe("content addressing", () => {
  it("gives every id, diff id and digest the sha256:<64 hex> form", () => {
    for (const { ref, image: img } of everyTag()) {
      expect(img.image.Id, ref).toMatch(DIGEST);
      expect(img.manifestDigest, ref).toMatch(DIGEST);
      for (const layer of img.layers) {
        expect(layer.diffId, ref).toMatch(DIGEST);
        expect(layer.digest, ref).toMatch(DIGEST);
      }
    }
  });

  it("computes the image id as the digest of the config document", () => {
    for (const ref of ["alpine:latest", "ubuntu:latest", "nginx:latest", "postgres:alpine", "node:lts", "mysql:8.0"]) {
      const { image: img } = image(ref);
      const document = {
        architecture: img.Architecture,
        config: img.Config,
        created: img.Created,
        history: img.History,
        os: img.Os,
        rootfs: { type: "layers", diff_ids: img.Layers },
      } as unknown as JsonValue;
      expect(nodeSha256(canonicalJson(document)), ref).toBe(img.Id);
    }
  });

  it("computes the manifest digest from the config digest and the layer blobs", () => {
    const img = image("httpd:alpine");
    const configJson = canonicalJson({
      architecture: img.image.Architecture, config: img.image.Config, created: img.image.Created,
      history: img.image.History, os: img.image.Os, rootfs: { type: "layers", diff_ids: img.image.Layers },
    } as unknown as JsonValue);
    const manifest = {
      schemaVersion: 2,
      mediaType: "application/vnd.oci.image.manifest.v1+json",
      config: { mediaType: "application/vnd.oci.image.config.v1+json", digest: img.image.Id, size: Buffer.byteLength(configJson) },
      layers: img.layers.map((l) => ({ mediaType: "application/vnd.oci.image.layer.v1.tar+gzip", digest: l.digest, size: l.compressedSize })),
    };
    expect(nodeSha256(canonicalJson(manifest))).toBe(img.manifestDigest);
  });

  it("is stable across runs (golden values)", () => {
    // Ids are persisted by the engine; changing catalog data changes them, on purpose only.
    const alpine = image("alpine:latest");
    expect(alpine.image.Id).toBe("sha256:3869dd0d41b042d0499fc0f00e148c7de4118e3184f9a8d5dbeaff2a5d233b02");
    expect(alpine.manifestDigest).toBe("sha256:aad681f45e100acebb97cb12089ac12ae643d98bc53522c4f9c0a6fde938c36e");
    expect(alpine.layers[0]?.diffId).toBe("sha256:5a3e6e16563b3e83253f86ddebe8c8810cfdbc94a030e7c51d2a6285dbe7a45e");
    expect(image("hello-world").image.Id).toBe("sha256:a26ea2e4650e22b7da3af2d050c9e0efe6448293b7107ff72c15c92017ed03ee");
  });

  it("gives every layer a distinct diff id and blob digest, unless it really is the same layer", () => {
    const byDiffId = new Map<string, string>();
    for (const { image: img } of everyTag()) {
      for (const layer of img.layers) {
        const known = byDiffId.get(layer.diffId);
        const description = `${layer.digest} ${layer.size} ${layer.compressedSize}`;
        if (known) expect(description).toBe(known);
        byDiffId.set(layer.diffId, description);
      }
    }
    const blobs = new Set([...byDiffId.values()].map((d) => d.split(" ")[0]));
    expect(blobs.size).toBe(byDiffId.size);
  });
});
