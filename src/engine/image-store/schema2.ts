// The manifest a graphdriver daemon pushes: Docker's image manifest v2, schema 2, serialized as
// docker/distribution does (json.MarshalIndent with three spaces). Its digest and length are
// what `docker push` reports ("1: digest: sha256:... size: 528").
import { canonicalJson, sha256Digest, utf8Encode, type JsonValue } from "../digest/index.js";
import type { CatalogImage, CatalogLayer } from "../images/index.js";

const manifestType = "application/vnd.docker.distribution.manifest.v2+json";
const configType = "application/vnd.docker.container.image.v1+json";
const layerType = "application/vnd.docker.image.rootfs.diff.tar.gzip";

export interface PushedManifest {
  digest: string;
  size: number;
}

/** The bytes of the image config blob: the document the image id is the digest of. */
export function configDocument(image: CatalogImage["image"]): string {
  const doc: Record<string, JsonValue> = {
    architecture: image.Architecture,
    config: image.Config as unknown as JsonValue,
    created: image.Created,
    history: image.History as unknown as JsonValue,
    os: image.Os,
    rootfs: { type: "layers", diff_ids: image.Layers },
  };
  if (image.Variant) doc["variant"] = image.Variant;
  return canonicalJson(doc);
}

/** Layers bottom first, as the manifest lists them. */
export function schema2Manifest(image: CatalogImage["image"], layers: CatalogLayer[]): PushedManifest & { text: string } {
  const descriptor = (mediaType: string, size: number, digest: string) => [
    `         "mediaType": "${mediaType}",`,
    `         "size": ${size},`,
    `         "digest": "${digest}"`,
  ];
  const configSize = utf8Encode(configDocument(image)).length;
  const lines = [
    "{",
    `   "schemaVersion": 2,`,
    `   "mediaType": "${manifestType}",`,
    `   "config": {`,
    `      "mediaType": "${configType}",`,
    `      "size": ${configSize},`,
    `      "digest": "${image.Id}"`,
    "   },",
    ...(layers.length === 0
      ? [`   "layers": []`]
      : [
          `   "layers": [`,
          ...layers.flatMap((l, i) => [`      {`, ...descriptor(layerType, l.compressedSize, l.digest), i === layers.length - 1 ? "      }" : "      },"]),
          "   ]",
        ]),
    "}",
  ];
  const text = lines.join("\n");
  return { text, digest: sha256Digest(text), size: utf8Encode(text).length };
}
