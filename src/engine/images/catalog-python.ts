// python: CPython compiled from source on buildpack-deps (full), debian slim and alpine.
// 3.14 is the first release without PGP signatures, so its Dockerfile has no GPG_KEY.

import { buildpackDepsTrixie } from "./catalog-buildpack-deps.js";
import { alpine322, trixieSlim } from "./catalog-os.js";
import { cmd, DEFAULT_PATH, env, run, withFiles } from "./catalog-spec.js";
import type { BuildStep, ImageSpec, RepositorySpec } from "./catalog-spec.js";
import { pythonBuild, pythonRuntimeDeps, pythonUnversionedLinks } from "./rootfs/python.js";

const GPG_KEY = "7169605F62C751356D054A26A821E680E5FA6305";

const RELEASES: Record<string, { sha256: string; signed: boolean }> = {
  "3.14.0": { sha256: "9dc58533f1fa05d783abfba6327c91e2c6bd3dd27d9533b2cca57901ae378fd4", signed: false },
  "3.13.9": { sha256: "4a5f59f1cc7f923e87a294192d64b9558d94f857cde842dec25caad472423ead", signed: true },
  "3.12.12": { sha256: "ee8b711f88bd29938de427ff4ab46304f769626be89dad8f8d229a72bf54c683", signed: true },
};

type Flavour = "full" | "slim" | "alpine";

const RUNTIME_DEPS: Record<Flavour, BuildStep> = {
  full: run(
    `set -eux;     apt-get update;     apt-get install -y --no-install-recommends         libbluetooth-dev         tk-dev         uuid-dev     ;     rm -rf /var/lib/apt/lists/*`,
    18_503_187, 6_211_044,
  ),
  slim: run(
    `set -eux;     apt-get update;     apt-get install -y --no-install-recommends         ca-certificates         netbase         tzdata     ;     rm -rf /var/lib/apt/lists/*`,
    3_641_180, 1_290_773,
  ),
  alpine: run(`set -eux;     apk add --no-cache         ca-certificates         tzdata     ;`, 1_012_441, 457_892),
};

const BUILD_DEPS: Record<Flavour, string> = {
  full: "",
  slim: `savedAptMark="$(apt-mark showmanual)";     apt-get update;     apt-get install -y --no-install-recommends         dpkg-dev         gcc         gnupg         libbluetooth-dev         libbz2-dev         libc6-dev         libdb-dev         libffi-dev         libgdbm-dev         liblzma-dev         libncursesw5-dev         libreadline-dev         libsqlite3-dev         libssl-dev         make         tk-dev         uuid-dev         wget         xz-utils         zlib1g-dev     ;     `,
  alpine: `apk add --no-cache --virtual .build-deps         gnupg         tar         xz         bluez-dev         bzip2-dev         dpkg-dev dpkg         findutils         gcc         gdbm-dev         libc-dev         libffi-dev         libnsl-dev         libtirpc-dev         linux-headers         make         ncurses-dev         openssl-dev         pax-utils         readline-dev         sqlite-dev         tcl-dev         tk         tk-dev         util-linux-dev         xz-dev         zlib-dev     ;     `,
};

function buildScript(flavour: Flavour, signed: boolean): string {
  const verify = signed
    ? `wget -O python.tar.xz.asc "https://www.python.org/ftp/python/\${PYTHON_VERSION%%[a-z]*}/Python-$PYTHON_VERSION.tar.xz.asc";     GNUPGHOME="$(mktemp -d)"; export GNUPGHOME;     gpg --batch --keyserver hkps://keys.openpgp.org --recv-keys "$GPG_KEY";     gpg --batch --verify python.tar.xz.asc python.tar.xz;     gpgconf --kill all;     rm -rf "$GNUPGHOME" python.tar.xz.asc;     `
    : "";
  return `set -eux;     ${BUILD_DEPS[flavour]}wget -O python.tar.xz "https://www.python.org/ftp/python/\${PYTHON_VERSION%%[a-z]*}/Python-$PYTHON_VERSION.tar.xz";     echo "$PYTHON_SHA256 *python.tar.xz" | sha256sum -c -;     ${verify}mkdir -p /usr/src/python;     tar --extract --directory /usr/src/python --strip-components=1 --file python.tar.xz;     rm python.tar.xz;     cd /usr/src/python;     gnuArch="$(dpkg-architecture --query DEB_BUILD_GNU_TYPE)";     ./configure         --build="$gnuArch"         --enable-loadable-sqlite-extensions         --enable-optimizations         --enable-option-checking=fatal         --enable-shared         --with-lto         --with-ensurepip     ;     nproc="$(nproc)";     make -j "$nproc";     make install;     cd /;     rm -rf /usr/src/python;     find /usr/local -depth         \\(             \\( -type d -a \\( -name test -o -name tests -o -name idle_test \\) \\)             -o \\( -type f -a \\( -name '*.pyc' -o -name '*.pyo' -o -name 'libpython*.a' \\) \\)         \\) -exec rm -rf '{}' +     ;     ldconfig;     export PYTHONDONTWRITEBYTECODE=1;     python3 --version;     pip3 --version`;
}

const SYMLINKS = run(
  `set -eux;     for src in idle3 pip3 pydoc3 python3 python3-config; do         dst="$(echo "$src" | tr -d 3)";         [ -s "/usr/local/bin/$src" ];         [ ! -e "/usr/local/bin/$dst" ];         ln -svT "$src" "/usr/local/bin/$dst";     done`,
  36, 250,
);

const BASES: Record<Flavour, ImageSpec> = { full: buildpackDepsTrixie, slim: trixieSlim, alpine: alpine322 };

function python(version: string, flavour: Flavour, created: string, size: number, gz: number): ImageSpec {
  const release = RELEASES[version];
  if (!release) throw new Error(`catalog: no python release ${version}`);
  return {
    key: `python:${version}-${flavour}`,
    base: BASES[flavour],
    created,
    buildkit: true,
    steps: [
      // Kept from an older Dockerfile, hence /usr/local/bin twice in PATH, as in the real image.
      env("PATH", `/usr/local/bin:${DEFAULT_PATH}`),
      env("LANG", "C.UTF-8"),
      withFiles(RUNTIME_DEPS[flavour], () => pythonRuntimeDeps(flavour, created)),
      ...(release.signed ? [env("GPG_KEY", GPG_KEY)] : []),
      env("PYTHON_VERSION", version),
      env("PYTHON_SHA256", release.sha256),
      run(buildScript(flavour, release.signed), size, gz, () => pythonBuild(version, flavour, created)),
      withFiles(SYMLINKS, () => pythonUnversionedLinks(created)),
      cmd("python3"),
    ],
  };
}

const python314 = python("3.14.0", "full", "2025-10-21T18:51:55Z", 75_412_903, 25_604_117);
const python313 = python("3.13.9", "full", "2025-10-21T18:47:30Z", 71_233_090, 24_702_311);
const python312 = python("3.12.12", "full", "2025-10-21T18:44:02Z", 68_917_504, 24_118_730);
const python314Slim = python("3.14.0", "slim", "2025-10-21T18:39:41Z", 40_118_562, 14_122_054);
const python313Slim = python("3.13.9", "slim", "2025-10-21T18:36:12Z", 37_662_001, 13_298_440);
const python314Alpine = python("3.14.0", "alpine", "2025-10-14T19:26:08Z", 37_902_115, 13_455_201);

export const pythonRepository: RepositorySpec = {
  shortName: "python",
  description: "CPython, the reference Python interpreter, with pip; full, slim and alpine variants.",
  stars: 10_214,
  images: [
    { tags: ["latest", "3", "3.14", "3.14.0", "trixie", "3-trixie", "3.14-trixie"], spec: python314 },
    { tags: ["3.13", "3.13.9", "3.13-trixie", "3.13.9-trixie"], spec: python313 },
    { tags: ["3.12", "3.12.12", "3.12-trixie", "3.12.12-trixie"], spec: python312 },
    { tags: ["slim", "3-slim", "3.14-slim", "3.14.0-slim", "slim-trixie", "3.14-slim-trixie"], spec: python314Slim },
    { tags: ["3.13-slim", "3.13.9-slim", "3.13-slim-trixie"], spec: python313Slim },
    { tags: ["alpine", "3-alpine", "3.14-alpine", "3.14.0-alpine", "alpine3.22", "3.14-alpine3.22"], spec: python314Alpine },
  ],
};
