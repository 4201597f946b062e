// redis (no STOPSIGNAL: it stops on SIGTERM) and mysql (on Oracle Linux 9 slim).

import { alpine322, bookwormSlim, oraclelinux9Slim } from "./catalog-os.js";
import { cmd, copy, entrypoint, env, expose, run, volume, workdir } from "./catalog-spec.js";
import type { BuildStep, ImageSpec, RepositorySpec } from "./catalog-spec.js";
import {
  mysqlArchiveTools, mysqlEntrypoint, mysqlGosu, mysqlRepoFile, mysqlServer, mysqlShell, mysqlSigningKey, mysqlUser,
} from "./rootfs/mysql.js";
import {
  redisAlpinePackages, redisAlpineUser, redisBuildOf, redisData, redisDebianTzdata, redisDebianUser, redisEntrypoint,
  redisGosu, redisServer,
} from "./rootfs/redis.js";

interface RedisBuild {
  key: string;
  base: ImageSpec;
  created: string;
  /** The user, timezone data and privilege-dropping tool, before the source build. */
  prepare: (created: string) => BuildStep[];
  /** The version variables the Dockerfile sets. */
  versionEnv: BuildStep[];
  size: number;
  compressedSize: number;
}

function redis(b: RedisBuild): ImageSpec {
  const { version, flavour } = redisBuildOf(b.key);
  return {
    key: b.key,
    base: b.base,
    created: b.created,
    buildkit: true,
    steps: [
      ...b.prepare(b.created),
      ...b.versionEnv,
      run(
        `set -eux;     wget -O redis.tar.gz "$REDIS_DOWNLOAD_URL";     echo "$REDIS_DOWNLOAD_SHA *redis.tar.gz" | sha256sum -c -;     mkdir -p /usr/src/redis;     tar -xzf redis.tar.gz -C /usr/src/redis --strip-components=1;     rm redis.tar.gz;     grep -E '^ *createBoolConfig[(]"protected-mode",.*, *1 *,.*[)],$' /usr/src/redis/src/config.c;     sed -ri 's!^( *createBoolConfig[(]"protected-mode",.*, *)1( *,.*[)],)$!\\10\\2!' /usr/src/redis/src/config.c;     export BUILD_TLS=yes;     make -C /usr/src/redis -j "$(nproc)" all;     make -C /usr/src/redis install;     rm -r /usr/src/redis;     redis-cli --version;     redis-server --version`,
        b.size,
        b.compressedSize,
        () => redisServer(version, b.created),
      ),
      run("mkdir /data && chown redis:redis /data", 0, 116, () => redisData(flavour, b.created)),
      volume("/data"),
      workdir("/data"),
      copy("docker-entrypoint.sh /usr/local/bin/", 1_437, 661, () => redisEntrypoint(flavour, b.created)),
      entrypoint("docker-entrypoint.sh"),
      expose("6379/tcp"),
      cmd("redis-server"),
    ],
  };
}

const redisDebianPrepare = (created: string): BuildStep[] => [
  run(`set -eux; 	groupadd -r -g 999 redis; 	useradd -r -g redis -u 999 redis`, 4_460, 1_102, () => redisDebianUser(created)),
  run(
    `set -eux;     apt-get update;     apt-get install -y --no-install-recommends         tzdata     ;     rm -rf /var/lib/apt/lists/*`,
    3_612_406, 1_370_207,
    () => redisDebianTzdata(created),
  ),
  env("GOSU_VERSION", "1.17"),
  run(
    `set -eux;     savedAptMark="$(apt-mark showmanual)";     apt-get update;     apt-get install -y --no-install-recommends ca-certificates gnupg wget;     rm -rf /var/lib/apt/lists/*;     dpkgArch="$(dpkg --print-architecture | awk -F- '{ print $NF }')";     wget -O /usr/local/bin/gosu "https://github.com/tianon/gosu/releases/download/$GOSU_VERSION/gosu-$dpkgArch";     chmod +x /usr/local/bin/gosu;     gosu --version;     gosu nobody true`,
    4_120_573, 1_235_002,
    () => redisGosu(created),
  ),
];

const redis8 = redis({
  key: "redis:8.2.2-bookworm",
  base: bookwormSlim,
  created: "2025-10-21T02:18:33Z",
  prepare: redisDebianPrepare,
  versionEnv: [
    env("REDIS_DOWNLOAD_URL", "https://github.com/redis/redis/archive/refs/tags/8.2.2.tar.gz"),
    env("REDIS_DOWNLOAD_SHA", "c96b214a029f336d0b3ac90caa8afebfd5e988b297f33ef567ffcc1acf1cc96c"),
  ],
  size: 54_532_190,
  compressedSize: 17_503_411,
});
const redis74 = redis({
  key: "redis:7.4.6-bookworm",
  base: bookwormSlim,
  created: "2025-10-21T02:16:05Z",
  prepare: redisDebianPrepare,
  versionEnv: [
    env("REDIS_VERSION", "7.4.6"),
    env("REDIS_DOWNLOAD_URL", "http://download.redis.io/releases/redis-7.4.6.tar.gz"),
    env("REDIS_DOWNLOAD_SHA", "12228bdf5484d67ddd55be67d7b73306daab80a7f84a16e1422ddee3b89e038b"),
  ],
  size: 34_412_775,
  compressedSize: 11_287_064,
});
const redis8Alpine = redis({
  key: "redis:8.2.2-alpine",
  base: alpine322,
  created: "2025-10-09T00:41:58Z",
  prepare: (created) => [
    run(`set -eux; 	addgroup -S -g 1000 redis; 	adduser -S -G redis -u 999 redis`, 4_611, 1_150, () => redisAlpineUser(created)),
    run(`set -eux; 	apk add --no-cache 		'su-exec>=0.2' 		tzdata 	;`, 1_393_904, 475_338, () => redisAlpinePackages(created)),
  ],
  versionEnv: [
    env("REDIS_DOWNLOAD_URL", "https://github.com/redis/redis/archive/refs/tags/8.2.2.tar.gz"),
    env("REDIS_DOWNLOAD_SHA", "c96b214a029f336d0b3ac90caa8afebfd5e988b297f33ef567ffcc1acf1cc96c"),
  ],
  size: 51_870_325,
  compressedSize: 16_802_117,
});

interface MysqlBuild {
  major: string;
  /** The yum repository section of the server packages. */
  repo: string;
  version: string;
  created: string;
  serverSize: number;
  shellSize: number;
}

// Compressed blobs of these package trees come out at about 31% of their size.
const gz = (size: number): number => Math.round(size * 0.31);

function mysql(b: MysqlBuild): ImageSpec {
  return {
    key: `mysql:${b.version}`,
    base: oraclelinux9Slim,
    created: b.created,
    buildkit: true,
    steps: [
      run(
        `set -eux;     groupadd --system --gid 999 mysql;     useradd --system --uid 999 --gid 999 --home-dir /var/lib/mysql --no-create-home mysql`,
        1_869, 1_014,
        () => mysqlUser(b.created),
      ),
      env("GOSU_VERSION", "1.17"),
      run(
        `set -eux;     arch="$(uname -m)";     case "$arch" in         aarch64) gosuArch='arm64' ;;         x86_64) gosuArch='amd64' ;;         *) echo >&2 "error: unsupported architecture: '$arch'"; exit 1 ;;     esac;     curl -fL -o /usr/local/bin/gosu.asc "https://github.com/tianon/gosu/releases/download/$GOSU_VERSION/gosu-$gosuArch.asc";     curl -fL -o /usr/local/bin/gosu "https://github.com/tianon/gosu/releases/download/$GOSU_VERSION/gosu-$gosuArch";     export GNUPGHOME="$(mktemp -d)";     gpg --batch --keyserver hkps://keys.openpgp.org --recv-keys B42F6819007F00F88E364FD4036A9C25BF357DD4;     gpg --batch --verify /usr/local/bin/gosu.asc /usr/local/bin/gosu;     rm -rf "$GNUPGHOME" /usr/local/bin/gosu.asc;     chmod +x /usr/local/bin/gosu;     gosu --version;     gosu nobody true`,
        4_327_950, 1_303_102,
        () => mysqlGosu(b.created),
      ),
      run(
        `set -eux;     microdnf install -y         bzip2         gzip         openssl         xz         zstd         findutils     ;     microdnf clean all`,
        19_852_317, 6_001_442,
        () => mysqlArchiveTools(b.created),
      ),
      run(
        `set -eux;     key='BCA43417C3B485DD128EC6D4B7B3B788A8D3785C';     export GNUPGHOME="$(mktemp -d)";     gpg --batch --keyserver keyserver.ubuntu.com --recv-keys "$key";     gpg --batch --export --armor "$key" > /etc/pki/rpm-gpg/RPM-GPG-KEY-mysql;     rm -rf "$GNUPGHOME"`,
        2_651, 2_534,
        () => mysqlSigningKey(b.created),
      ),
      env("MYSQL_MAJOR", b.major),
      env("MYSQL_VERSION", `${b.version}-1.el9`),
      run(
        `set -eu;     { 		echo '[${b.repo}]'; 		echo 'name=MySQL Server ${b.major} (Minimal)'; 		echo 'baseurl=https://repo.mysql.com/yum/${b.repo}/docker/el/9/$basearch/'; 		echo 'enabled=1'; 		echo 'gpgcheck=1'; 		echo 'gpgkey=file:///etc/pki/rpm-gpg/RPM-GPG-KEY-mysql'; 		echo 'module_hotfixes=true';     } | tee /etc/yum.repos.d/mysql-community-minimal.repo`,
        229, 315,
        () => mysqlRepoFile(
          "/etc/yum.repos.d/mysql-community-minimal.repo", b.repo, `MySQL Server ${b.major} (Minimal)`,
          `https://repo.mysql.com/yum/${b.repo}/docker/el/9/$basearch/`, b.created,
        ),
      ),
      run(
        `set -eux;     microdnf install -y "mysql-community-server-minimal-$MYSQL_VERSION";     microdnf clean all;     grep -F 'socket=/var/lib/mysql/mysql.sock' /etc/my.cnf;     sed -i 's!^socket=.*!socket=/var/run/mysqld/mysqld.sock!' /etc/my.cnf;     grep -F 'socket=/var/run/mysqld/mysqld.sock' /etc/my.cnf;     { echo '[client]'; echo 'socket=/var/run/mysqld/mysqld.sock'; } >> /etc/my.cnf;     ! grep -F '!includedir' /etc/my.cnf;     { echo; echo '!includedir /etc/mysql/conf.d/'; } >> /etc/my.cnf;     mkdir -p /etc/mysql/conf.d;     mkdir -p /var/lib/mysql /var/run/mysqld;     chown mysql:mysql /var/lib/mysql /var/run/mysqld;     chmod 1777 /var/lib/mysql /var/run/mysqld;     mkdir /docker-entrypoint-initdb.d;     mysqld --version;     mysql --version`,
        b.serverSize, gz(b.serverSize),
        () => mysqlServer(b.version, b.created),
      ),
      run(
        `set -eu;     { 		echo '[mysql-tools-community]'; 		echo 'name=MySQL Tools Community'; 		echo 'baseurl=https://repo.mysql.com/yum/mysql-tools-community/el/9/$basearch/'; 		echo 'enabled=1'; 		echo 'gpgcheck=1'; 		echo 'gpgkey=file:///etc/pki/rpm-gpg/RPM-GPG-KEY-mysql'; 		echo 'module_hotfixes=true';     } | tee /etc/yum.repos.d/mysql-community-tools.repo`,
        233, 320,
        () => mysqlRepoFile(
          "/etc/yum.repos.d/mysql-community-tools.repo", "mysql-tools-community", "MySQL Tools Community",
          "https://repo.mysql.com/yum/mysql-tools-community/el/9/$basearch/", b.created,
        ),
      ),
      env("MYSQL_SHELL_VERSION", `${b.version}-1.el9`),
      run(
        `set -eux;     microdnf install -y "mysql-shell-$MYSQL_SHELL_VERSION";     microdnf clean all;     mysqlsh --version`,
        b.shellSize, gz(b.shellSize),
        () => mysqlShell(b.version, b.created),
      ),
      volume("/var/lib/mysql"),
      copy("docker-entrypoint.sh /usr/local/bin/", 16_043, 5_070, () => mysqlEntrypoint(b.created)),
      entrypoint("docker-entrypoint.sh"),
      expose("3306/tcp", "33060/tcp"),
      cmd("mysqld"),
    ],
  };
}

const mysql9 = mysql({
  major: "innovation", repo: "mysql-innovation-server-minimal", version: "9.5.0",
  created: "2025-10-22T21:14:09Z", serverSize: 335_112_870, shellSize: 378_204_417,
});
const mysql84 = mysql({
  major: "8.4", repo: "mysql8.4-server-minimal", version: "8.4.7",
  created: "2025-10-22T21:12:40Z", serverSize: 312_403_664, shellSize: 346_070_102,
});
const mysql80 = mysql({
  major: "8.0", repo: "mysql8.0-server-minimal", version: "8.0.44",
  created: "2025-10-22T21:11:02Z", serverSize: 298_762_113, shellSize: 334_870_511,
});

export const databaseRepositories: RepositorySpec[] = [
  {
    shortName: "redis",
    description: "Redis, the in-memory data store used as a database, cache, message broker and queue.",
    stars: 13_318,
    images: [
      { tags: ["latest", "8", "8.2", "8.2.2", "bookworm", "8-bookworm", "8.2.2-bookworm"], spec: redis8 },
      { tags: ["7.4", "7.4.6", "7", "7.4-bookworm", "7.4.6-bookworm"], spec: redis74 },
      { tags: ["alpine", "8-alpine", "8.2-alpine", "8.2.2-alpine", "alpine3.22"], spec: redis8Alpine },
    ],
  },
  {
    shortName: "mysql",
    description: "MySQL Community Server, the widely used open-source relational database.",
    stars: 15_947,
    images: [
      { tags: ["latest", "9", "9.5", "9.5.0", "innovation", "oraclelinux9", "9-oraclelinux9"], spec: mysql9 },
      { tags: ["8.4", "8.4.7", "lts", "8", "8.4-oraclelinux9", "lts-oraclelinux9"], spec: mysql84 },
      { tags: ["8.0", "8.0.44", "8.0-oraclelinux9", "8.0.44-oraclelinux9"], spec: mysql80 },
    ],
  },
];
