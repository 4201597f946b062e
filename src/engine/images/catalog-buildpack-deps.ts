// buildpack-deps: Debian plus curl, plus version control, plus compilers and -dev packages. The
// full (non-slim) node and python images are built on it, so they share all four layers.

import { bookworm, trixie } from "./catalog-os.js";
import { run } from "./catalog-spec.js";
import type { ImageSpec } from "./catalog-spec.js";
import { buildpackLayer } from "./rootfs/buildpack-deps.js";

function buildpackDeps(suite: string, debian: ImageSpec, created: string): ImageSpec {
  const curl: ImageSpec = {
    key: `buildpack-deps:${suite}-curl`,
    base: debian,
    created,
    buildkit: true,
    steps: [
      run(
        `set -eux;     apt-get update;     apt-get install -y --no-install-recommends         ca-certificates         curl         gnupg         netbase         sq         wget     ;     rm -rf /var/lib/apt/lists/*`,
        64_218_305, 24_121_552,
        () => buildpackLayer(suite, "curl", created),
      ),
    ],
  };
  const scm: ImageSpec = {
    key: `buildpack-deps:${suite}-scm`,
    base: curl,
    created,
    buildkit: true,
    steps: [
      run(
        `set -eux;     apt-get update;     apt-get install -y --no-install-recommends         git         mercurial         openssh-client         subversion                 procps     ;     rm -rf /var/lib/apt/lists/*`,
        177_934_061, 64_398_117,
        () => buildpackLayer(suite, "scm", created),
      ),
    ],
  };
  return {
    key: `buildpack-deps:${suite}`,
    base: scm,
    created,
    buildkit: true,
    steps: [
      run(
        `set -ex;     apt-get update;     apt-get install -y --no-install-recommends         autoconf         automake         bzip2         default-libmysqlclient-dev         dpkg-dev         file         g++         gcc         imagemagick         libbz2-dev         libc6-dev         libcurl4-openssl-dev         libdb-dev         libevent-dev         libffi-dev         libgdbm-dev         libglib2.0-dev         libgmp-dev         libjpeg-dev         libkrb5-dev         liblzma-dev         libmagickcore-dev         libmagickwand-dev         libmaxminddb-dev         libncurses-dev         libncursesw5-dev         libpng-dev         libpq-dev         libreadline-dev         libsqlite3-dev         libssl-dev         libtool         libwebp-dev         libxml2-dev         libxslt-dev         libyaml-dev         make         patch         unzip         xz-utils         zlib1g-dev     ;     rm -rf /var/lib/apt/lists/*`,
        578_403_127, 211_338_924,
        () => buildpackLayer(suite, "full", created),
      ),
    ],
  };
}

export const buildpackDepsTrixie = buildpackDeps("trixie", trixie, "2025-10-21T00:52:06Z");
export const buildpackDepsBookworm = buildpackDeps("bookworm", bookworm, "2025-10-21T00:49:31Z");
