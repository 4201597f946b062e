// Web and registry servers: nginx, httpd and the distribution registry, built FROM the base
// images of catalog-os.ts so that their base layers are shared.

import { alpine321, alpine322, bookwormSlim, trixieSlim } from "./catalog-os.js";
import {
  cmd, copy, DEFAULT_PATH, entrypoint, env, expose, label, run, stopSignal, volume, withFiles, workdir,
} from "./catalog-spec.js";
import type { BuildStep, ImageSpec, RepositorySpec } from "./catalog-spec.js";
import { httpdAlpineUser, httpdBuild, httpdDebianRuntime, httpdForeground, httpdServerRoot } from "./rootfs/httpd.js";
import { nginxAlpineModules, nginxAlpineSlimPackages, nginxDebianPackages, nginxEntrypointFile } from "./rootfs/nginx.js";
import { registryBinary, registryCaCertificates, registryConfig, registryEntrypoint } from "./rootfs/registry.js";

const NGINX_MAINTAINER = "NGINX Docker Maintainers <docker-maint@nginx.com>";

/** "3.22.2" for the alpine:3.22.2 build an image is based on. */
const alpineVersion = (base: ImageSpec | undefined): string => base?.key.slice("alpine:".length) ?? "";

// A COPY of one helper script into /docker-entrypoint.d.
const entrypointHelper = (name: string, created: string) => () => nginxEntrypointFile(`/docker-entrypoint.d/${name}`, created);

// The entrypoint and its helper scripts, the same five files in every nginx variant.
const nginxEntrypointSteps = (created: string): BuildStep[] => [
  copy("docker-entrypoint.sh /", 1_620, 1_005, () => nginxEntrypointFile("/docker-entrypoint.sh", created)),
  copy("10-listen-on-ipv6-by-default.sh /docker-entrypoint.d", 2_125, 1_210, entrypointHelper("10-listen-on-ipv6-by-default.sh", created)),
  copy("15-local-resolvers.envsh /docker-entrypoint.d", 389, 402, entrypointHelper("15-local-resolvers.envsh", created)),
  copy("20-envsubst-on-templates.sh /docker-entrypoint.d", 3_018, 1_398, entrypointHelper("20-envsubst-on-templates.sh", created)),
  copy("30-tune-worker-processes.sh /docker-entrypoint.d", 4_620, 1_820, entrypointHelper("30-tune-worker-processes.sh", created)),
  entrypoint("/docker-entrypoint.sh"),
  expose("80/tcp"),
  stopSignal("SIGQUIT"),
  cmd("nginx", "-g", "daemon off;"),
];

interface NginxDebian {
  version: string;
  njs: string;
  suite: string;
  base: ImageSpec;
  created: string;
  size: number;
  compressedSize: number;
}

function nginxDebian(v: NginxDebian): ImageSpec {
  return {
    key: `nginx:${v.version}-${v.suite}`,
    base: v.base,
    created: v.created,
    buildkit: true,
    steps: [
      label("maintainer", NGINX_MAINTAINER),
      env("NGINX_VERSION", v.version),
      env("NJS_VERSION", v.njs),
      env("NJS_RELEASE", `1~${v.suite}`),
      env("PKG_RELEASE", `1~${v.suite}`),
      env("DYNPKG_RELEASE", `1~${v.suite}`),
      run(
        `set -x     && groupadd --system --gid 101 nginx     && useradd --system --gid nginx --no-create-home --home /nonexistent --comment "nginx user" --shell /bin/false --uid 101 nginx     && apt-get update     && apt-get install --no-install-recommends --no-install-suggests -y gnupg1 ca-certificates     && NGINX_GPGKEYS="573BFD6B3D8FBC641079A6ABABF5BD827BD9BF62 8540A6F18833A80E9C1653A42FD21310B49F6B46 9E9BE90EACBCDE69FE9B204CBCDCD8A38D88A2B3"     && dpkgArch="$(dpkg --print-architecture)"     && nginxPackages="         nginx=\${NGINX_VERSION}-\${PKG_RELEASE}         nginx-module-xslt=\${NGINX_VERSION}-\${DYNPKG_RELEASE}         nginx-module-geoip=\${NGINX_VERSION}-\${DYNPKG_RELEASE}         nginx-module-image-filter=\${NGINX_VERSION}-\${DYNPKG_RELEASE}         nginx-module-njs=\${NGINX_VERSION}+\${NJS_VERSION}-\${NJS_RELEASE}     "     && apt-get install --no-install-recommends --no-install-suggests -y $nginxPackages gettext-base curl     && apt-get remove --purge --auto-remove -y && rm -rf /var/lib/apt/lists/* /etc/apt/sources.list.d/nginx.list     && ln -sf /dev/stdout /var/log/nginx/access.log     && ln -sf /dev/stderr /var/log/nginx/error.log     && mkdir /docker-entrypoint.d`,
        v.size,
        v.compressedSize,
        () => nginxDebianPackages(v.suite, v.version, v.njs, v.created),
      ),
      ...nginxEntrypointSteps(v.created),
    ],
  };
}

const nginxMainline = nginxDebian({
  version: "1.29.3", njs: "0.9.4", suite: "trixie", base: trixieSlim,
  created: "2025-10-28T18:22:41Z", size: 113_412_980, compressedSize: 41_203_734,
});
const nginxStable = nginxDebian({
  version: "1.28.0", njs: "0.9.1", suite: "bookworm", base: bookwormSlim,
  created: "2025-10-21T01:12:37Z", size: 117_094_532, compressedSize: 43_019_116,
});

function nginxAlpineSlim(version: string, base: ImageSpec, created: string, size: number, gz: number): ImageSpec {
  return {
    key: `nginx:${version}-alpine-slim`,
    base,
    created,
    buildkit: true,
    steps: [
      label("maintainer", NGINX_MAINTAINER),
      env("NGINX_VERSION", version),
      env("PKG_RELEASE", "1"),
      env("DYNPKG_RELEASE", "1"),
      run(
        `set -x     && addgroup -g 101 -S nginx     && adduser -S -D -H -u 101 -h /var/cache/nginx -s /sbin/nologin -G nginx -g nginx nginx     && apkArch="$(cat /etc/apk/arch)"     && nginxPackages="         nginx=\${NGINX_VERSION}-r\${PKG_RELEASE}     "     && apk add --no-cache --virtual .checksum-deps         openssl     && apk add -X "https://nginx.org/packages/mainline/alpine/v$(egrep -o '^[0-9]+\\.[0-9]+' /etc/alpine-release)/main" --no-cache $nginxPackages     && apk add --no-cache tzdata     && ln -sf /dev/stdout /var/log/nginx/access.log     && ln -sf /dev/stderr /var/log/nginx/error.log     && mkdir /docker-entrypoint.d`,
        size,
        gz,
        () => nginxAlpineSlimPackages(alpineVersion(base), version, created),
      ),
      ...nginxEntrypointSteps(created),
    ],
  };
}

function nginxAlpine(slim: ImageSpec, njs: string, created: string, size: number, gz: number): ImageSpec {
  return {
    key: slim.key.replace("-slim", ""),
    base: slim,
    created,
    buildkit: true,
    steps: [
      env("NJS_VERSION", njs),
      env("NJS_RELEASE", "1"),
      run(
        `set -x     && apkArch="$(cat /etc/apk/arch)"     && nginxPackages="         nginx=\${NGINX_VERSION}-r\${PKG_RELEASE}         nginx-module-xslt=\${NGINX_VERSION}-r\${DYNPKG_RELEASE}         nginx-module-geoip=\${NGINX_VERSION}-r\${DYNPKG_RELEASE}         nginx-module-image-filter=\${NGINX_VERSION}-r\${DYNPKG_RELEASE}         nginx-module-njs=\${NGINX_VERSION}.\${NJS_VERSION}-r\${NJS_RELEASE}     "     && apk add --no-cache --virtual .checksum-deps         openssl     && apk add -X "https://nginx.org/packages/mainline/alpine/v$(egrep -o '^[0-9]+\\.[0-9]+' /etc/alpine-release)/main" --no-cache $nginxPackages     && apk add --no-cache curl ca-certificates`,
        size,
        gz,
        () => nginxAlpineModules(alpineVersion(slim.base), slim.key.slice("nginx:".length, slim.key.indexOf("-alpine")), njs, created),
      ),
    ],
  };
}

const nginxMainlineAlpineSlim = nginxAlpineSlim("1.29.3", alpine322, "2025-10-28T18:20:05Z", 4_931_806, 1_792_415);
const nginxMainlineAlpine = nginxAlpine(nginxMainlineAlpineSlim, "0.9.4", "2025-10-28T18:24:52Z", 39_412_277, 16_103_881);
const nginxStableAlpineSlim = nginxAlpineSlim("1.28.0", alpine321, "2025-10-21T01:10:02Z", 4_875_317, 1_774_020);
const nginxStableAlpine = nginxAlpine(nginxStableAlpineSlim, "0.9.1", "2025-10-21T01:14:29Z", 38_902_664, 15_920_447);

const HTTPD_PREFIX = "/usr/local/apache2";

// Shared by both builds of httpd: fetch the release tarball from the first mirror that has it.
const HTTPD_FETCH =
  `ddist() {         local f="$1"; shift;         local distFile="$1"; shift;         local success=;         local distUrl=;         for distUrl in             'https://www.apache.org/dyn/closer.cgi?action=download&filename='             https://downloads.apache.org/             https://www.apache.org/dist/             https://archive.apache.org/dist/         ; do             if wget -O "$f" "$distUrl$distFile" && [ -s "$f" ]; then                 success=1;                 break;             fi;         done;         [ -n "$success" ];     };     ddist 'httpd.tar.bz2' "httpd/httpd-$HTTPD_VERSION.tar.bz2";     echo "$HTTPD_SHA256 *httpd.tar.bz2" | sha256sum -c -;     mkdir -p src;     tar -xf httpd.tar.bz2 -C src --strip-components=1;     rm httpd.tar.bz2;     cd src;     ./configure --build="$gnuArch" --prefix="$HTTPD_PREFIX" --enable-mods-shared=reallyall --enable-mpms-shared=all;     make -j "$(nproc)";     make install;     cd ..;     rm -r src man manual;     sed -ri -e 's!^(\\s*CustomLog)\\s+\\S+!\\1 /proc/self/fd/1!g' -e 's!^(\\s*ErrorLog)\\s+\\S+!\\1 /proc/self/fd/2!g' "$HTTPD_PREFIX/conf/httpd.conf";`;

interface HttpdBuild {
  base: ImageSpec;
  flavour: string;
  created: string;
  /** The step that installs runtime dependencies (or creates the www-data user on alpine). */
  prepare: BuildStep;
  /** The build step's package installation, before the shared fetch-and-compile part. */
  install: string;
  size: number;
  compressedSize: number;
}

function httpd(b: HttpdBuild): ImageSpec {
  const flavour = b.flavour === "alpine" ? "alpine" : "debian";
  return {
    key: `httpd:2.4.65-${b.flavour}`,
    base: b.base,
    created: b.created,
    buildkit: true,
    steps: [
      env("HTTPD_PREFIX", HTTPD_PREFIX),
      env("PATH", `${HTTPD_PREFIX}/bin:${DEFAULT_PATH}`),
      run(`mkdir -p "$HTTPD_PREFIX"     && chown www-data:www-data "$HTTPD_PREFIX"`, 0, 116, () => httpdServerRoot(flavour, b.created)),
      workdir(HTTPD_PREFIX),
      withFiles(b.prepare, () => (flavour === "alpine" ? httpdAlpineUser(b.created) : httpdDebianRuntime(b.created))),
      env("HTTPD_VERSION", "2.4.65"),
      env("HTTPD_SHA256", "5482ad18346f0f78955ad362059d1784340bc4a74f623b1e22213047b77a807f"),
      env("HTTPD_PATCHES", ""),
      run(`set -eux;     ${b.install}     ${HTTPD_FETCH}     httpd -v`, b.size, b.compressedSize, () => httpdBuild(flavour, b.created)),
      copy("httpd-foreground /usr/local/bin/", 138, 350, () => httpdForeground(b.created)),
      stopSignal("SIGWINCH"),
      expose("80/tcp"),
      cmd("httpd-foreground"),
    ],
  };
}

const httpdDebian = httpd({
  base: trixieSlim,
  flavour: "trixie",
  created: "2025-10-21T02:41:17Z",
  prepare: run(
    `set -eux;     apt-get install --update -y --no-install-recommends         ca-certificates         libaprutil1-ldap         libldap-common     ;     apt-get dist-clean`,
    4_956_032, 1_901_223,
  ),
  install: `savedAptMark="$(apt-mark showmanual)";     apt-get install --update -y --no-install-recommends         bzip2         dpkg-dev         gcc         libapr1-dev         libaprutil1-dev         libbrotli-dev         libcurl4-openssl-dev         libjansson-dev         liblua5.2-dev         libnghttp2-dev         libpcre2-dev         libssl-dev         libxml2-dev         make         wget         zlib1g-dev     ;     gnuArch="$(dpkg-architecture --query DEB_BUILD_GNU_TYPE)";`,
  size: 33_467_915,
  compressedSize: 10_934_552,
});
const httpdAlpine = httpd({
  base: alpine322,
  flavour: "alpine",
  created: "2025-10-09T00:12:51Z",
  prepare: run(`set -x     && adduser -u 82 -D -S -G www-data www-data`, 3_287, 1_012),
  install: `runDeps='         apr-dev         apr-util-dev         apr-util-ldap         perl     ';     apk add --no-cache --virtual .build-deps         $runDeps         ca-certificates         coreutils         dpkg-dev dpkg         gcc         gnupg         libc-dev         curl-dev         jansson-dev         libxml2-dev         lua-dev         make         nghttp2-dev         openssl         openssl-dev         pcre2-dev         tar         zlib-dev         brotli-dev     ;     gnuArch="$(dpkg-architecture --query DEB_BUILD_GNU_TYPE)";`,
  size: 54_172_410,
  compressedSize: 19_223_908,
});

function registry(version: string, configPath: string, created: string, size: number, gz: number): ImageSpec {
  return {
    key: `registry:${version}`,
    base: alpine321,
    created,
    buildkit: true,
    steps: [
      run(`set -eux;     apk add --no-cache ca-certificates`, 671_520, 271_002, () => registryCaCertificates(created)),
      run(
        `set -eux;     version='${version}';     apkArch="$(apk --print-arch)";     case "$apkArch" in         x86_64)  arch='amd64';   ;;         aarch64) arch='arm64';   ;;         armhf)   arch='armv6';   ;;         *) echo >&2 "error: unsupported architecture: $apkArch"; exit 1 ;;     esac;     wget -O registry.tar.gz "https://github.com/distribution/distribution/releases/download/v\${version}/registry_\${version}_linux_\${arch}.tar.gz";     tar --extract --verbose --file registry.tar.gz --directory /bin/ registry;     rm registry.tar.gz;     registry --version`,
        size,
        gz,
        () => registryBinary(version, created),
      ),
      copy(`./config-example.yml ${configPath}`, 295, 392, () => registryConfig(configPath, version, created)),
      volume("/var/lib/registry"),
      expose("5000/tcp"),
      copy("docker-entrypoint.sh /entrypoint.sh", 155, 338, () => registryEntrypoint(created)),
      entrypoint("/entrypoint.sh"),
      cmd(configPath),
    ],
  };
}

const registry3 = registry("3.0.0", "/etc/distribution/config.yml", "2025-10-08T19:47:03Z", 49_086_711, 17_894_206);
const registry2 = registry("2.8.3", "/etc/docker/registry/config.yml", "2025-10-08T19:45:38Z", 17_573_940, 6_204_733);

export const webRepositories: RepositorySpec[] = [
  {
    shortName: "nginx",
    description: "High-performance HTTP server, reverse proxy and load balancer, built from NGINX's packages.",
    stars: 20_981,
    images: [
      {
        tags: ["latest", "1", "1.29", "1.29.3", "mainline", "trixie", "mainline-trixie", "1.29-trixie", "1.29.3-trixie"],
        spec: nginxMainline,
      },
      { tags: ["stable", "1.28", "1.28.0", "stable-bookworm", "1.28-bookworm", "1.28.0-bookworm"], spec: nginxStable },
      {
        tags: ["alpine", "mainline-alpine", "1-alpine", "1.29-alpine", "1.29.3-alpine", "alpine3.22", "1.29.3-alpine3.22"],
        spec: nginxMainlineAlpine,
      },
      { tags: ["alpine-slim", "mainline-alpine-slim", "1.29-alpine-slim", "1.29.3-alpine-slim"], spec: nginxMainlineAlpineSlim },
      { tags: ["stable-alpine", "1.28-alpine", "1.28.0-alpine"], spec: nginxStableAlpine },
      { tags: ["stable-alpine-slim", "1.28-alpine-slim", "1.28.0-alpine-slim"], spec: nginxStableAlpineSlim },
    ],
  },
  {
    shortName: "httpd",
    description: "The Apache HTTP Server, compiled from the Apache Software Foundation's release tarballs.",
    stars: 4_912,
    images: [
      { tags: ["latest", "2", "2.4", "2.4.65", "trixie", "2.4-trixie", "2.4.65-trixie"], spec: httpdDebian },
      { tags: ["alpine", "2-alpine", "2.4-alpine", "2.4.65-alpine", "alpine3.22"], spec: httpdAlpine },
    ],
  },
  {
    shortName: "registry",
    description: "The CNCF Distribution registry: store and serve your own container images.",
    stars: 4_187,
    images: [
      { tags: ["latest", "3", "3.0", "3.0.0"], spec: registry3 },
      { tags: ["2", "2.8", "2.8.3"], spec: registry2 },
    ],
  },
];
