// The redis images' layers: the redis user, tzdata and the privilege-dropping helper (gosu on
// Debian, su-exec on Alpine), the server built into /usr/local/bin, /data, and the entrypoint.
import { dir, link } from "../../fs/layer-builder.js";
import type { Layer } from "../../fs/layer.js";
import { alpineAccounts, apkDatabase } from "./alpine.js";
import type { ApkPackage } from "./alpine.js";
import { debianAccountFiles, debianStatusFile } from "./debian.js";
import { debs } from "./dpkg.js";
import { gosu, zoneinfo } from "./package-files.js";
import { build, program, script, shadowDay } from "./stub.js";

export type RedisFlavour = "debian" | "alpine";

/** The redis user: uid 999 everywhere; its group is 999 on Debian, 1000 on Alpine. */
const REDIS_IDS: Record<RedisFlavour, readonly [number, number]> = { debian: [999, 999], alpine: [999, 1000] };

/** "redis:8.2.2-bookworm" → version "8.2.2" and flavour "debian". */
export function redisBuildOf(key: string): { version: string; flavour: RedisFlavour } {
  const tag = key.slice("redis:".length);
  return { version: tag.slice(0, tag.indexOf("-")), flavour: tag.endsWith("-alpine") ? "alpine" : "debian" };
}

/** Debian: `groupadd -r -g 999 redis; useradd -r -g redis -u 999 redis`. */
export const redisDebianUser = (created: string): Layer =>
  build(debianAccountFiles("bookworm", {
    passwd: ["redis:x:999:999::/home/redis:/bin/sh"],
    group: ["redis:x:999:"],
    shadow: [`redis:!:${shadowDay(created)}::::::`],
    gshadow: ["redis:!::"],
  }), created);

/** Debian: `apt-get install tzdata` (a newer tzdata than the base image's). */
export const redisDebianTzdata = (created: string): Layer =>
  build({
    ...zoneinfo(),
    ...debianStatusFile("bookworm", debs("tzdata=2025b-0+deb12u2", { tzdata: ["localization", "time zone and daylight-saving time data"] })),
  }, created);

/** Debian: gosu, fetched with wget and verified; the tools it took are purged again. */
export const redisGosu = (created: string): Layer => build(gosu("1.17"), created);

/** Alpine: `addgroup -S -g 1000 redis; adduser -S -G redis -u 999 redis`. */
export const redisAlpineUser = (created: string): Layer =>
  build({
    ...alpineAccounts({
      passwd: ["redis:x:999:1000::/home/redis:/sbin/nologin"],
      group: ["redis:x:1000:redis"],
      shadow: ["redis:!::0:::::"],
    }),
    "/home/redis": dir(),
  }, created, { "/home/redis": [999, 1000] });

const ALPINE_PACKAGES: ApkPackage[] = [
  { name: "su-exec", version: "0.2-r3", description: "switch user and group id, setgroups and exec", url: "https://github.com/ncopa/su-exec", license: "MIT", files: ["sbin/su-exec"] },
  { name: "tzdata", version: "2025b-r0", description: "Timezone data", url: "https://www.iana.org/time-zones", license: "Public-Domain" },
];

/** Alpine: `apk add su-exec tzdata`. */
export const redisAlpinePackages = (created: string): Layer =>
  build({
    ...apkDatabase("3.22.2", ALPINE_PACKAGES, ["su-exec>=0.2", "tzdata"]),
    ...zoneinfo(),
    "/sbin/su-exec": program("su-exec", "su-exec 0.2"),
  }, created);

/** `make install`: the server and its tools; the check tools and sentinel are the server itself. */
export const redisServer = (version: string, created: string): Layer =>
  build({
    "/usr/local/bin/redis-server": program("redis-server", `redis ${version}`),
    "/usr/local/bin/redis-cli": program("redis-cli", `redis ${version}`),
    "/usr/local/bin/redis-benchmark": program("redis-benchmark", `redis ${version}`),
    "/usr/local/bin/redis-check-aof": link("redis-server"),
    "/usr/local/bin/redis-check-rdb": link("redis-server"),
    "/usr/local/bin/redis-sentinel": link("redis-server"),
  }, created);

/** `mkdir /data && chown redis:redis /data`. */
export const redisData = (flavour: RedisFlavour, created: string): Layer =>
  build({ "/data": dir() }, created, { "/data": REDIS_IDS[flavour] });

// Our own script with the image's behaviour: flags and .conf files go to redis-server; as root,
// /data is handed to redis and the server runs as redis; a 0022 umask is tightened to 0077.
const entrypoint = (dropTo: string): string => `#!/bin/sh
set -e

# "docker run redis --port 7000" or "docker run redis /path/redis.conf" mean redis-server.
if [ "\${1#-}" != "$1" ] || [ "\${1%.conf}" != "$1" ]; then
	set -- redis-server "$@"
fi

# Started as root: give redis its data files, then run again as the redis user.
if [ "$1" = 'redis-server' ] && [ "$(id -u)" = '0' ]; then
	find . \\! -user redis -exec chown redis '{}' +
	exec ${dropTo} redis "$0" "$@"
fi

# Files redis writes (dumps, AOF) should not be readable by others.
um="$(umask)"
if [ "$um" = '0022' ]; then
	umask 0077
fi

exec "$@"
`;

export const redisEntrypoint = (flavour: RedisFlavour, created: string): Layer =>
  build({ "/usr/local/bin/docker-entrypoint.sh": script(entrypoint(flavour === "alpine" ? "su-exec" : "gosu")) }, created);
