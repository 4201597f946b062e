// node: full (buildpack-deps), slim (debian slim) and alpine builds of each release line.
// Late 2025: 25 is Current (latest), 24 "Krypton" the Active LTS, 22 and 20 in maintenance.

import { buildpackDepsBookworm, buildpackDepsTrixie } from "./catalog-buildpack-deps.js";
import { alpine322, trixieSlim } from "./catalog-os.js";
import { cmd, copy, entrypoint, env, run } from "./catalog-spec.js";
import type { BuildStep, ImageSpec, RepositorySpec } from "./catalog-spec.js";
import { nodeAlpineInstall, nodeDebianInstall, nodeDebianUser, nodeEntrypoint, suiteOf, yarnClassic } from "./rootfs/node.js";

const YARN_VERSION = "1.22.22";

const NODE_RELEASE_KEYS =
  "C0D6248439F1D5604AAFFB4021D900FFDB233756 DD792F5973C6DE52C432CBDAC77ABFA00DDBF2B7 CC68F5A3106FF448322E48ED27F5E38D5B0A215F 8FCCA13FEF1D0C2E91008E09770F7A9A5AE15600 890C08DB8579162FEE0DF9DB8BEAB4DFCF555EF4 C82FA3AE1CBEDC6BE46B9360C43CEC45C17AB93C 108F52B48DB57BB0CC439B2997B01419BD92F80A A363A499291CBBC940DD62E41F10027AF002F8B0";

type Flavour = "full" | "slim" | "alpine";

function nodeInstall(flavour: Flavour): string {
  const verify = `for key in ${NODE_RELEASE_KEYS}; do       { gpg --batch --keyserver hkps://keys.openpgp.org --recv-keys "$key" && gpg --batch --fingerprint "$key"; } ||       { gpg --batch --keyserver keyserver.ubuntu.com --recv-keys "$key" && gpg --batch --fingerprint "$key"; } ;     done`;
  const fetch = `curl -fsSLO --compressed "https://nodejs.org/dist/v$NODE_VERSION/node-v$NODE_VERSION-linux-$ARCH.tar.xz"     && curl -fsSLO --compressed "https://nodejs.org/dist/v$NODE_VERSION/SHASUMS256.txt.asc"     && gpg --batch --decrypt --output SHASUMS256.txt SHASUMS256.txt.asc     && grep " node-v$NODE_VERSION-linux-$ARCH.tar.xz\\$" SHASUMS256.txt | sha256sum -c -     && tar -xJf "node-v$NODE_VERSION-linux-$ARCH.tar.xz" -C /usr/local --strip-components=1 --no-same-owner     && rm "node-v$NODE_VERSION-linux-$ARCH.tar.xz" SHASUMS256.txt.asc SHASUMS256.txt`;
  const check = `ln -s /usr/local/bin/node /usr/local/bin/nodejs     && node --version     && npm --version     && rm -rf /tmp/*`;
  const arch = `ARCH= && dpkgArch="$(dpkg --print-architecture)"   && case "\${dpkgArch##*-}" in     amd64) ARCH='x64';;     ppc64el) ARCH='ppc64le';;     s390x) ARCH='s390x';;     arm64) ARCH='arm64';;     armhf) ARCH='armv7l';;     i386) ARCH='x86';;     *) echo "unsupported architecture"; exit 1 ;;   esac`;
  switch (flavour) {
    case "full":
      return `${arch}   && set -ex   && ${verify}   && ${fetch}   && ${check}`;
    case "slim":
      return `${arch}     && set -ex     && savedAptMark="$(apt-mark showmanual)"     && apt-get update && apt-get install -y ca-certificates curl wget gnupg dirmngr xz-utils libatomic1 --no-install-recommends     && rm -rf /var/lib/apt/lists/*     && ${verify}     && ${fetch}     && apt-mark auto '.*' > /dev/null     && apt-mark manual libatomic1     && apt-get purge -y --auto-remove -o APT::AutoRemove::RecommendsImportant=false     && ${check}`;
    case "alpine":
      return `addgroup -g 1000 node     && adduser -u 1000 -G node -s /bin/sh -D node     && apk add --no-cache         libstdc++     && apk add --no-cache --virtual .build-deps         curl     && ARCH= OPENSSL_ARCH='linux*' && alpineArch="$(apk --print-arch)"       && case "\${alpineArch##*-}" in         x86_64) ARCH='x64' OPENSSL_ARCH=linux-x86_64;;         *) ;;       esac   && curl -fsSLO --compressed "https://unofficial-builds.nodejs.org/download/release/v$NODE_VERSION/node-v$NODE_VERSION-linux-$ARCH-musl.tar.xz"       && tar -xJf "node-v$NODE_VERSION-linux-$ARCH-musl.tar.xz" -C /usr/local --strip-components=1 --no-same-owner       && rm -f "node-v$NODE_VERSION-linux-$ARCH-musl.tar.xz"   && apk del .build-deps   && ${check}`;
  }
}

function yarnInstall(flavour: Flavour): string {
  const steps = `export GNUPGHOME="$(mktemp -d)"   && for key in     6A010C5166006599AA17F08146C2130DFD2497F5   ; do     gpg --batch --keyserver hkps://keys.openpgp.org --recv-keys "$key" ||     gpg --batch --keyserver keyserver.ubuntu.com --recv-keys "$key" ;   done   && curl -fsSLO --compressed "https://yarnpkg.com/downloads/$YARN_VERSION/yarn-v$YARN_VERSION.tar.gz"   && curl -fsSLO --compressed "https://yarnpkg.com/downloads/$YARN_VERSION/yarn-v$YARN_VERSION.tar.gz.asc"   && gpg --batch --verify yarn-v$YARN_VERSION.tar.gz.asc yarn-v$YARN_VERSION.tar.gz   && gpgconf --kill all   && rm -rf "$GNUPGHOME"   && mkdir -p /opt   && tar -xzf yarn-v$YARN_VERSION.tar.gz -C /opt/   && ln -s /opt/yarn-v$YARN_VERSION/bin/yarn /usr/local/bin/yarn   && ln -s /opt/yarn-v$YARN_VERSION/bin/yarnpkg /usr/local/bin/yarnpkg   && rm yarn-v$YARN_VERSION.tar.gz.asc yarn-v$YARN_VERSION.tar.gz`;
  switch (flavour) {
    case "full":
      return `set -ex   && ${steps}   && yarn --version   && rm -rf /tmp/*`;
    case "slim":
      return `set -ex   && savedAptMark="$(apt-mark showmanual)"   && apt-get update && apt-get install -y ca-certificates curl wget gnupg dirmngr --no-install-recommends   && rm -rf /var/lib/apt/lists/*   && ${steps}   && apt-mark auto '.*' > /dev/null   && apt-get purge -y --auto-remove -o APT::AutoRemove::RecommendsImportant=false   && yarn --version   && rm -rf /tmp/*`;
    case "alpine":
      return `apk add --no-cache --virtual .build-deps-yarn curl gnupg tar   && ${steps}   && apk del .build-deps-yarn   && yarn --version   && rm -rf /tmp/*`;
  }
}

const USER_STEP = `groupadd --gid 1000 node   && useradd --uid 1000 --gid node --shell /bin/bash --create-home node`;

interface NodeBuild {
  version: string;
  flavour: Flavour;
  base: ImageSpec;
  created: string;
  /** Uncompressed bytes of the node install layer. */
  size: number;
}

function node(b: NodeBuild): ImageSpec {
  const nodeLayerGz = Math.round(b.size * 0.27);
  const install: BuildStep[] =
    b.flavour === "alpine"
      ? [
          env("NODE_VERSION", b.version),
          run(nodeInstall("alpine"), b.size, nodeLayerGz, () => nodeAlpineInstall(b.version, b.base.key.slice("alpine:".length), b.created)),
        ]
      : [
          run(USER_STEP, 8_989, 3_312, () => nodeDebianUser(suiteOf(b.base.key), b.created)),
          env("NODE_VERSION", b.version),
          run(nodeInstall(b.flavour), b.size, nodeLayerGz, () => nodeDebianInstall(b.version, b.flavour, suiteOf(b.base.key), b.created)),
        ];
  return {
    key: `node:${b.version}-${b.flavour}`,
    base: b.base,
    created: b.created,
    buildkit: true,
    steps: [
      ...install,
      env("YARN_VERSION", YARN_VERSION),
      run(yarnInstall(b.flavour), 5_308_771 + (b.flavour === "slim" ? 112_568 : 0), 1_252_690, () => yarnClassic(b.created)),
      copy("docker-entrypoint.sh /usr/local/bin/", 388, 449, () => nodeEntrypoint(b.created)),
      entrypoint("docker-entrypoint.sh"),
      cmd("node"),
    ],
  };
}

const full = (version: string, base: ImageSpec, created: string, size: number): ImageSpec =>
  node({ version, flavour: "full", base, created, size });

const node25 = full("25.1.0", buildpackDepsTrixie, "2025-10-29T03:15:42Z", 196_385_203);
const node24 = full("24.11.0", buildpackDepsTrixie, "2025-10-29T03:12:09Z", 190_477_581);
const node22 = full("22.21.1", buildpackDepsTrixie, "2025-10-29T03:09:51Z", 188_102_446);
const node20 = full("20.19.5", buildpackDepsBookworm, "2025-10-21T04:37:26Z", 180_913_015);
const node25Alpine = node({ version: "25.1.0", flavour: "alpine", base: alpine322, created: "2025-10-29T03:20:18Z", size: 157_236_880 });
const node24Alpine = node({ version: "24.11.0", flavour: "alpine", base: alpine322, created: "2025-10-29T03:18:33Z", size: 151_903_472 });
const node22Alpine = node({ version: "22.21.1", flavour: "alpine", base: alpine322, created: "2025-10-29T03:17:01Z", size: 149_488_306 });
const node25Slim = node({ version: "25.1.0", flavour: "slim", base: trixieSlim, created: "2025-10-29T03:16:57Z", size: 201_874_118 });
const node24Slim = node({ version: "24.11.0", flavour: "slim", base: trixieSlim, created: "2025-10-29T03:13:40Z", size: 195_960_327 });

export const nodeRepository: RepositorySpec = {
  shortName: "node",
  description: "Node.js, the JavaScript runtime built on V8, with npm and yarn preinstalled.",
  stars: 13_952,
  images: [
    { tags: ["latest", "current", "25", "25.1", "25.1.0", "trixie", "current-trixie", "25-trixie"], spec: node25 },
    { tags: ["lts", "krypton", "24", "24.11", "24.11.0", "lts-trixie", "krypton-trixie", "24-trixie"], spec: node24 },
    { tags: ["jod", "22", "22.21", "22.21.1", "jod-trixie", "22-trixie"], spec: node22 },
    { tags: ["iron", "20", "20.19", "20.19.5", "iron-bookworm", "20-bookworm"], spec: node20 },
    { tags: ["alpine", "current-alpine", "25-alpine", "25.1-alpine", "25.1.0-alpine", "alpine3.22"], spec: node25Alpine },
    { tags: ["lts-alpine", "krypton-alpine", "24-alpine", "24.11-alpine", "24.11.0-alpine"], spec: node24Alpine },
    { tags: ["jod-alpine", "22-alpine", "22.21-alpine", "22.21.1-alpine"], spec: node22Alpine },
    { tags: ["slim", "current-slim", "25-slim", "25.1-slim", "25.1.0-slim", "trixie-slim"], spec: node25Slim },
    { tags: ["lts-slim", "krypton-slim", "24-slim", "24.11-slim", "24.11.0-slim"], spec: node24Slim },
  ],
};
