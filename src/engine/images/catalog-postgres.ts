// postgres: the Debian builds (PGDG packages on trixie-slim) and the Alpine build from source.
// PostgreSQL 18 moved PGDATA under a versioned directory and the volume up to /var/lib/postgresql.

import { alpine322, trixieSlim } from "./catalog-os.js";
import { cmd, copy, DEFAULT_PATH, entrypoint, env, expose, run, stopSignal, volume } from "./catalog-spec.js";
import type { BuildStep, ImageSpec, RepositorySpec } from "./catalog-spec.js";
import {
  postgresAlpineBuild, postgresAlpineSample, postgresAlpineUser, postgresAptKey, postgresDataDir, postgresDebianInstall,
  postgresDebianUser, postgresDivertSample, postgresEnforceLink, postgresEntrypoints, postgresGnupg, postgresGosu,
  postgresInitdbDir, postgresLocales, postgresNssWrapper, postgresSocketDir,
} from "./rootfs/postgres.js";

const PG_KEY = "B97B0AFCAA1A47F044F244A07FCC7D46ACCC4CF8";

/** PGDATA and the declared volume: 18 and later differ from earlier majors. */
function dataLayout(major: number): { pgdata: string; volume: string } {
  return major >= 18
    ? { pgdata: `/var/lib/postgresql/${major}/docker`, volume: "/var/lib/postgresql" }
    : { pgdata: "/var/lib/postgresql/data", volume: "/var/lib/postgresql/data" };
}

// The end of both Dockerfiles: data directory, volume, entrypoint scripts, runtime defaults.
function finish(major: number, created: string, postgresUid: number): BuildStep[] {
  const { pgdata, volume: dataVolume } = dataLayout(major);
  return [
    run(
      `install --verbose --directory --owner postgres --group postgres --mode 3777 /var/run/postgresql`, 0, 116,
      () => postgresSocketDir(postgresUid, created),
    ),
    env("PGDATA", pgdata),
    run(
      `install --verbose --directory --owner postgres --group postgres --mode 1777 "$PGDATA"`, 0, 116,
      () => postgresDataDir(pgdata, postgresUid, created),
    ),
    volume(dataVolume),
    copy("docker-entrypoint.sh docker-ensure-initdb.sh /usr/local/bin/", 18_372, 5_413, () => postgresEntrypoints(created)),
    run("ln -sT docker-ensure-initdb.sh /usr/local/bin/docker-enforce-initdb.sh", 33, 137, () => postgresEnforceLink(created)),
    entrypoint("docker-entrypoint.sh"),
    stopSignal("SIGINT"),
    expose("5432/tcp"),
    cmd("postgres"),
  ];
}

function postgresDebian(major: number, pgVersion: string, created: string, size: number, gz: number): ImageSpec {
  return {
    key: `postgres:${major}-trixie`,
    base: trixieSlim,
    created,
    buildkit: true,
    steps: [
      run(
        `set -ex;     if ! command -v gpg > /dev/null; then         apt-get update;         apt-get install -y --no-install-recommends             gnupg             less         ;         rm -rf /var/lib/apt/lists/*;     fi`,
        9_941_305, 4_312_770,
        () => postgresGnupg(created),
      ),
      run(
        `set -eux;     groupadd -r postgres --gid=999;     useradd -r -g postgres --uid=999 --home-dir=/var/lib/postgresql --shell=/bin/bash postgres;     install --verbose --directory --owner postgres --group postgres --mode 1777 /var/lib/postgresql`,
        4_283, 1_256,
        () => postgresDebianUser(created),
      ),
      env("GOSU_VERSION", "1.19"),
      run(
        `set -eux;     savedAptMark="$(apt-mark showmanual)";     apt-get update;     apt-get install -y --no-install-recommends ca-certificates wget;     rm -rf /var/lib/apt/lists/*;     dpkgArch="$(dpkg --print-architecture | awk -F- '{ print $NF }')";     wget -O /usr/local/bin/gosu "https://github.com/tianon/gosu/releases/download/$GOSU_VERSION/gosu-$dpkgArch";     wget -O /usr/local/bin/gosu.asc "https://github.com/tianon/gosu/releases/download/$GOSU_VERSION/gosu-$dpkgArch.asc";     export GNUPGHOME="$(mktemp -d)";     gpg --batch --keyserver hkps://keys.openpgp.org --recv-keys B42F6819007F00F88E364FD4036A9C25BF357DD4;     gpg --batch --verify /usr/local/bin/gosu.asc /usr/local/bin/gosu;     gpgconf --kill all;     rm -rf "$GNUPGHOME" /usr/local/bin/gosu.asc;     apt-mark auto '.*' > /dev/null;     [ -z "$savedAptMark" ] || apt-mark manual $savedAptMark > /dev/null;     apt-get purge -y --auto-remove -o APT::AutoRemove::RecommendsImportant=false;     chmod +x /usr/local/bin/gosu;     gosu --version;     gosu nobody true`,
        4_201_880, 1_254_300,
        () => postgresGosu(created),
      ),
      run(
        `set -eux;     if [ -f /etc/dpkg/dpkg.cfg.d/docker ]; then         grep -q '/usr/share/locale' /etc/dpkg/dpkg.cfg.d/docker;         sed -ri '/\\/usr\\/share\\/locale/d' /etc/dpkg/dpkg.cfg.d/docker;         ! grep -q '/usr/share/locale' /etc/dpkg/dpkg.cfg.d/docker;     fi;     apt-get update; apt-get install -y --no-install-recommends locales; rm -rf /var/lib/apt/lists/*;     echo 'en_US.UTF-8 UTF-8' >> /etc/locale.gen;     locale-gen;     locale -a | grep 'en_US.utf8'`,
        24_101_533, 6_300_921,
        () => postgresLocales(created),
      ),
      env("LANG", "en_US.utf8"),
      run(
        `set -eux;     apt-get update;     apt-get install -y --no-install-recommends         libnss-wrapper         xz-utils         zstd     ;     rm -rf /var/lib/apt/lists/*`,
        1_681_404, 563_117,
        () => postgresNssWrapper(created),
      ),
      run("mkdir /docker-entrypoint-initdb.d", 0, 116, () => postgresInitdbDir(created)),
      run(
        `set -ex;     key='${PG_KEY}';     export GNUPGHOME="$(mktemp -d)";     mkdir -p /usr/local/share/keyrings/;     gpg --batch --keyserver keyserver.ubuntu.com --recv-keys "$key";     gpg --batch --export --armor "$key" > /usr/local/share/keyrings/postgres.gpg.asc;     gpgconf --kill all;     rm -rf "$GNUPGHOME"`,
        3_892, 3_012,
        () => postgresAptKey(created),
      ),
      env("PG_MAJOR", String(major)),
      env("PATH", `${DEFAULT_PATH}:/usr/lib/postgresql/${major}/bin`),
      env("PG_VERSION", pgVersion),
      run(
        `set -ex;     export PYTHONDONTWRITEBYTECODE=1;     dpkgArch="$(dpkg --print-architecture)";     aptRepo="[ signed-by=/usr/local/share/keyrings/postgres.gpg.asc ] http://apt.postgresql.org/pub/repos/apt trixie-pgdg main $PG_MAJOR";     case "$dpkgArch" in         amd64 | arm64 | ppc64el)             echo "deb $aptRepo" > /etc/apt/sources.list.d/pgdg.list;             apt-get update;             ;;     esac;     apt-get install -y --no-install-recommends postgresql-common;     sed -ri 's/#(create_main_cluster) .*$/\\1 = false/' /etc/postgresql-common/createcluster.conf;     apt-get install -y --no-install-recommends         "postgresql-$PG_MAJOR=$PG_VERSION"     ;     rm -rf /var/lib/apt/lists/*;     find /usr -name '*.pyc' -type f -exec bash -c 'for pyc; do dpkg -S "$pyc" &> /dev/null || rm -vf "$pyc"; done' -- '{}' +;     postgres --version`,
        size, gz,
        () => postgresDebianInstall(major, pgVersion, created),
      ),
      run(
        `set -eux;     dpkg-divert --add --rename --divert "/usr/share/postgresql/postgresql.conf.sample.dpkg" "/usr/share/postgresql/$PG_MAJOR/postgresql.conf.sample";     cp -v /usr/share/postgresql/postgresql.conf.sample.dpkg /usr/share/postgresql/postgresql.conf.sample;     ln -sv ../postgresql.conf.sample "/usr/share/postgresql/$PG_MAJOR/";     sed -ri "s!^#?(listen_addresses)\\s*=\\s*\\S+.*!\\1 = '*'!" /usr/share/postgresql/postgresql.conf.sample;     grep -F "listen_addresses = '*'" /usr/share/postgresql/postgresql.conf.sample`,
        61_203, 10_221,
        () => postgresDivertSample(major, created),
      ),
      ...finish(major, created, 999),
    ],
  };
}

const postgres18 = postgresDebian(18, "18.0-1.pgdg13+3", "2025-10-21T03:05:44Z", 337_512_044, 108_233_561);
const postgres17 = postgresDebian(17, "17.6-2.pgdg13+1", "2025-10-21T03:03:12Z", 320_841_377, 103_114_228);
const postgres16 = postgresDebian(16, "16.10-1.pgdg13+1", "2025-10-21T03:01:37Z", 311_205_904, 100_031_877);

const ALPINE_CREATED = "2025-10-09T01:27:19Z";

const postgres18Alpine: ImageSpec = {
  key: "postgres:18-alpine",
  base: alpine322,
  created: ALPINE_CREATED,
  buildkit: true,
  steps: [
    run(
      `set -eux;     addgroup -g 70 -S postgres;     adduser -u 70 -S -D -G postgres -H -h /var/lib/postgresql -s /bin/sh postgres;     install --verbose --directory --owner postgres --group postgres --mode 1777 /var/lib/postgresql`,
      4_301, 1_291,
      () => postgresAlpineUser(ALPINE_CREATED),
    ),
    env("GOSU_VERSION", "1.19"),
    run(
      `set -eux;     apk add --no-cache --virtual .gosu-deps ca-certificates dpkg gnupg;     dpkgArch="$(dpkg --print-architecture | awk -F- '{ print $NF }')";     wget -O /usr/local/bin/gosu "https://github.com/tianon/gosu/releases/download/$GOSU_VERSION/gosu-$dpkgArch";     chmod +x /usr/local/bin/gosu;     apk del --no-network .gosu-deps;     gosu --version;     gosu nobody true`,
      2_402_715, 1_062_480,
      () => postgresGosu(ALPINE_CREATED),
    ),
    env("LANG", "en_US.utf8"),
    run("mkdir /docker-entrypoint-initdb.d", 0, 116, () => postgresInitdbDir(ALPINE_CREATED)),
    env("PG_MAJOR", "18"),
    env("PG_VERSION", "18.0"),
    env("PG_SHA256", "0d5b903b1e5fe361bca7aa9507519933773eb34266b1357c4e7780fdee6d6078"),
    env("DOCKER_PG_LLVM_DEPS", "llvm19-dev clang19"),
    run(
      `set -eux;     wget -O postgresql.tar.bz2 "https://ftp.postgresql.org/pub/source/v$PG_VERSION/postgresql-$PG_VERSION.tar.bz2";     echo "$PG_SHA256 *postgresql.tar.bz2" | sha256sum -c -;     mkdir -p /usr/src/postgresql;     tar --extract --file postgresql.tar.bz2 --directory /usr/src/postgresql --strip-components 1;     rm postgresql.tar.bz2;     apk add --no-cache --virtual .build-deps         $DOCKER_PG_LLVM_DEPS         bison         coreutils         dpkg-dev dpkg         flex         g++         gcc         krb5-dev         libc-dev         libedit-dev         libxml2-dev         libxslt-dev         linux-headers         make         openldap-dev         openssl-dev         perl-dev         perl-utils         perl-ipc-run         python3-dev         tcl-dev         util-linux-dev         zlib-dev         icu-dev         lz4-dev         zstd-dev     ;     cd /usr/src/postgresql;     ./configure --enable-option-checking=fatal --build="$gnuArch" --enable-integer-datetimes --enable-thread-safety --enable-tap-tests --disable-rpath --with-uuid=e2fs --with-pgport=5432 --with-system-tzdata=/usr/share/zoneinfo --prefix=/usr/local --with-includes=/usr/local/include --with-libraries=/usr/local/lib --with-gssapi --with-ldap --with-tcl --with-perl --with-python --with-openssl --with-libxml --with-libxslt --with-icu --with-llvm --with-lz4 --with-zstd;     make -j "$(nproc)" world-bin;     make install-world-bin;     make -C contrib install;     cd /;     rm -rf /usr/src/postgresql /usr/local/share/doc /usr/local/share/man;     postgres --version`,
      267_338_412, 79_842_615,
      () => postgresAlpineBuild(ALPINE_CREATED),
    ),
    run(
      `set -eux;     cp -v /usr/local/share/postgresql/postgresql.conf.sample /usr/local/share/postgresql/postgresql.conf.sample.orig;     sed -ri "s!^#?(listen_addresses)\\s*=\\s*\\S+.*!\\1 = '*'!" /usr/local/share/postgresql/postgresql.conf.sample;     grep -F "listen_addresses = '*'" /usr/local/share/postgresql/postgresql.conf.sample`,
      32_118, 9_208,
      () => postgresAlpineSample(ALPINE_CREATED),
    ),
    ...finish(18, ALPINE_CREATED, 70),
  ],
};

export const postgresRepository: RepositorySpec = {
  shortName: "postgres",
  description: "PostgreSQL, the open-source relational database, with an entrypoint that initialises a cluster.",
  stars: 14_436,
  images: [
    { tags: ["latest", "18", "18.0", "trixie", "18-trixie", "18.0-trixie"], spec: postgres18 },
    { tags: ["17", "17.6", "17-trixie", "17.6-trixie"], spec: postgres17 },
    { tags: ["16", "16.10", "16-trixie", "16.10-trixie"], spec: postgres16 },
    { tags: ["alpine", "18-alpine", "18.0-alpine", "alpine3.22", "18-alpine3.22"], spec: postgres18Alpine },
  ],
};
