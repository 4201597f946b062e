// The nginx images' layers: the package install (nginx.org's packages on Debian, on Alpine the
// slim install and then the modules), and the entrypoint scripts copied in one per layer.
import { dir, link } from "../../fs/layer-builder.js";
import type { Layer } from "../../fs/layer.js";
import { alpineAccounts, apkDatabase } from "./alpine.js";
import type { ApkPackage } from "./alpine.js";
import { debianAccountFiles, debianStatusFile } from "./debian.js";
import { debs } from "./dpkg.js";
import { DEFAULT_CONF, ERROR_50X_HTML, FASTCGI_PARAMS, INDEX_HTML, LOGROTATE, mimeTypes, NGINX_CONF, SCGI_PARAMS, UWSGI_PARAMS } from "./nginx-conf.js";
import { DOCKER_ENTRYPOINT, ENVSUBST_ON_TEMPLATES, LISTEN_ON_IPV6, LOCAL_RESOLVERS, TUNE_WORKER_PROCESSES } from "./nginx-entrypoint.js";
import { caBundle, zoneinfo } from "./package-files.js";
import { build, library, program, script, shadowDay } from "./stub.js";
import type { Specs } from "./stub.js";

const MODULES = ["ngx_http_geoip_module", "ngx_stream_geoip_module", "ngx_http_image_filter_module", "ngx_http_js_module", "ngx_stream_js_module", "ngx_http_xslt_filter_module"];

/** What the nginx package itself installs, the same on Debian and Alpine. */
function nginxPackage(version: string, modulesLink: string): Specs {
  const from = `nginx ${version}`;
  return {
    "/etc/nginx/nginx.conf": NGINX_CONF,
    "/etc/nginx/conf.d/default.conf": DEFAULT_CONF,
    "/etc/nginx/mime.types": mimeTypes(),
    "/etc/nginx/fastcgi_params": FASTCGI_PARAMS,
    "/etc/nginx/scgi_params": SCGI_PARAMS,
    "/etc/nginx/uwsgi_params": UWSGI_PARAMS,
    "/etc/nginx/modules": link(modulesLink),
    "/etc/logrotate.d/nginx": LOGROTATE,
    "/usr/lib/nginx/modules": dir(),
    "/usr/sbin/nginx": program("nginx", from),
    "/usr/sbin/nginx-debug": program("nginx-debug", from),
    "/usr/share/nginx/html/index.html": INDEX_HTML,
    "/usr/share/nginx/html/50x.html": ERROR_50X_HTML,
    "/var/cache/nginx": dir(),
    // The Dockerfile sends both logs to the container's output, where `docker logs` finds them.
    "/var/log/nginx": dir(),
    "/var/log/nginx/access.log": link("/dev/stdout"),
    "/var/log/nginx/error.log": link("/dev/stderr"),
    "/docker-entrypoint.d": dir(),
  };
}

function modules(version: string, njs: string): Specs {
  const specs: Specs = {};
  for (const m of MODULES) {
    const from = m.includes("_js_") ? `nginx-module-njs ${version}+${njs}` : `nginx ${version} dynamic module`;
    specs[`/usr/lib/nginx/modules/${m}.so`] = library(`${m}.so`, from);
    specs[`/usr/lib/nginx/modules/${m}-debug.so`] = library(`${m}-debug.so`, from);
  }
  specs["/usr/bin/njs"] = program("njs", `nginx-module-njs ${njs}`);
  return specs;
}

const DEBIAN_EXTRAS: Record<string, string> = {
  trixie: "gettext-base=0.23.1-2 curl=8.14.1-2 libcurl4t64=8.14.1-2 ca-certificates=20250419",
  bookworm: "gettext-base=0.21-12 curl=7.88.1-10+deb12u14 libcurl4=7.88.1-10+deb12u14 ca-certificates=20230311+deb12u1",
};

const DEB_INFO: Record<string, [string, string]> = {
  nginx: ["httpd", "high performance web server"],
  "nginx-module-geoip": ["httpd", "nginx GeoIP dynamic modules"],
  "nginx-module-image-filter": ["httpd", "nginx image filter dynamic module"],
  "nginx-module-njs": ["httpd", "nginx njs dynamic modules"],
  "nginx-module-xslt": ["httpd", "nginx xslt dynamic module"],
  "gettext-base": ["utils", "GNU Internationalization utilities for the base system"],
  curl: ["web", "command line tool for transferring data with URL syntax"],
  libcurl4t64: ["libs", "easy-to-use client-side URL transfer library (OpenSSL flavour)"],
  libcurl4: ["libs", "easy-to-use client-side URL transfer library (OpenSSL flavour)"],
  "ca-certificates": ["misc", "Common CA certificates"],
};

/** The one big RUN of nginx's Debian Dockerfile: the nginx user, nginx.org's packages, curl. */
export function nginxDebianPackages(suite: string, version: string, njs: string, created: string): Layer {
  const rel = `1~${suite}`;
  const packages = debs(
    `nginx=${version}-${rel} nginx-module-geoip=${version}-${rel} nginx-module-image-filter=${version}-${rel} ` +
      `nginx-module-njs=${version}+${njs}-${rel} nginx-module-xslt=${version}-${rel} ${DEBIAN_EXTRAS[suite] ?? ""}`,
    DEB_INFO,
  );
  const specs: Specs = {
    ...debianAccountFiles(suite, {
      passwd: ["nginx:x:101:101:nginx user:/nonexistent:/bin/false"],
      group: ["nginx:x:101:"],
      shadow: [`nginx:!:${shadowDay(created)}::::::`],
      gshadow: ["nginx:!::"],
    }),
    ...debianStatusFile(suite, packages),
    ...nginxPackage(version, "../../usr/lib/nginx/modules"),
    ...modules(version, njs),
    "/etc/default/nginx": "# Options for the nginx service script.\nDAEMON_ARGS=\"\"\n",
    "/usr/bin/envsubst": program("envsubst", "gettext-base"),
    "/usr/bin/gettext": program("gettext", "gettext-base"),
    "/usr/bin/curl": program("curl", "curl"),
    "/usr/lib/x86_64-linux-gnu/libcurl.so.4": library("libcurl.so.4", "libcurl4"),
    ...caBundle(),
    "/etc/ca-certificates.conf": "# One certificate of /usr/share/ca-certificates per line; ! disables it.\nmozilla/ISRG_Root_X1.crt\n",
    "/usr/share/ca-certificates/mozilla/ISRG_Root_X1.crt": "-----BEGIN CERTIFICATE-----\n(stand-in)\n-----END CERTIFICATE-----\n",
    "/usr/sbin/update-ca-certificates": program("update-ca-certificates", "ca-certificates"),
  };
  return build(specs, created);
}

function apk(name: string, version: string, description: string, url: string, license: string, files?: string[]): ApkPackage {
  return files ? { name, version, description, url, license, files } : { name, version, description, url, license };
}

const slimPackages = (version: string): ApkPackage[] => [
  apk("nginx", `${version}-r1`, "High performance web server", "https://nginx.org/", "2-clause BSD-like license", ["usr/sbin/nginx", "usr/sbin/nginx-debug"]),
  apk("pcre2", "10.46-r0", "Perl-compatible regular expression library", "https://pcre.org/", "BSD-3-Clause"),
  apk("tzdata", "2025b-r0", "Timezone data", "https://www.iana.org/time-zones", "Public-Domain"),
  apk("gettext-envsubst", "0.24.1-r0", "GNU gettext envsubst binary", "https://www.gnu.org/software/gettext/gettext.html", "GPL-3.0-or-later", ["usr/bin/envsubst"]),
];

const modulePackages = (version: string, njs: string): ApkPackage[] => [
  ...["xslt", "geoip", "image-filter"].map((m) =>
    apk(`nginx-module-${m}`, `${version}-r1`, `nginx ${m} dynamic module`, "https://nginx.org/", "2-clause BSD-like license")),
  apk("nginx-module-njs", `${version}.${njs}-r1`, "nginx njs dynamic modules", "https://nginx.org/", "2-clause BSD-like license", ["usr/bin/njs"]),
  apk("curl", "8.14.1-r2", "URL retrieval utility and library", "https://curl.se/", "curl", ["usr/bin/curl"]),
  apk("libcurl", "8.14.1-r2", "The multiprotocol file transfer library", "https://curl.se/", "curl"),
  apk("ca-certificates", "20250911-r0", "Common CA certificates PEM files from Mozilla", "https://www.mozilla.org/en-US/about/governance/policies/security-group/certs/", "MPL-2.0 AND MIT"),
];

/** nginx:*-alpine-slim's RUN: the nginx user, the nginx package, tzdata and envsubst. */
export function nginxAlpineSlimPackages(alpineVersion: string, version: string, created: string): Layer {
  const specs: Specs = {
    ...alpineAccounts({
      passwd: ["nginx:x:101:101:nginx:/var/cache/nginx:/sbin/nologin"],
      group: ["nginx:x:101:nginx"],
      shadow: ["nginx:!::0:::::"],
    }),
    ...apkDatabase(alpineVersion, slimPackages(version), [`nginx=${version}-r1`, "tzdata", "gettext-envsubst"]),
    ...nginxPackage(version, "/usr/lib/nginx/modules"),
    ...zoneinfo(),
    "/usr/bin/envsubst": program("envsubst", "gettext-envsubst 0.24.1"),
    "/usr/lib/libpcre2-8.so.0": library("libpcre2-8.so.0", "pcre2 10.46"),
  };
  return build(specs, created);
}

/** nginx:*-alpine's RUN on top of the slim image: the dynamic modules, njs and curl. */
export function nginxAlpineModules(alpineVersion: string, version: string, njs: string, created: string): Layer {
  const specs: Specs = {
    ...apkDatabase(alpineVersion, [...slimPackages(version), ...modulePackages(version, njs)], [
      `nginx=${version}-r1`, "tzdata", "gettext-envsubst",
      ...["xslt", "geoip", "image-filter"].map((m) => `nginx-module-${m}=${version}-r1`),
      `nginx-module-njs=${version}.${njs}-r1`, "curl", "ca-certificates",
    ]),
    ...modules(version, njs),
    "/usr/bin/curl": program("curl", "curl 8.14.1"),
    "/usr/lib/libcurl.so.4": library("libcurl.so.4", "libcurl 8.14.1"),
    ...caBundle(),
    "/usr/sbin/update-ca-certificates": program("update-ca-certificates", "ca-certificates 20250911"),
  };
  return build(specs, created);
}

const ENTRYPOINT_FILES: Record<string, string> = {
  "/docker-entrypoint.sh": DOCKER_ENTRYPOINT,
  "/docker-entrypoint.d/10-listen-on-ipv6-by-default.sh": LISTEN_ON_IPV6,
  "/docker-entrypoint.d/15-local-resolvers.envsh": LOCAL_RESOLVERS,
  "/docker-entrypoint.d/20-envsubst-on-templates.sh": ENVSUBST_ON_TEMPLATES,
  "/docker-entrypoint.d/30-tune-worker-processes.sh": TUNE_WORKER_PROCESSES,
};

/** The layer of one `COPY <script> /` or `COPY <script> /docker-entrypoint.d`. */
export function nginxEntrypointFile(path: string, created: string): Layer {
  const text = ENTRYPOINT_FILES[path];
  if (text === undefined) throw new Error(`rootfs: no nginx entrypoint file ${path}`);
  return build({ [path]: script(text) }, created);
}
