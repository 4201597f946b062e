// The httpd images' layers: the server root made for www-data, the runtime libraries (or, on
// Alpine, the www-data user), the server compiled into /usr/local/apache2, httpd-foreground.
import { dir, link } from "../../fs/layer-builder.js";
import type { Layer } from "../../fs/layer.js";
import { alpineAccounts, apkDatabase } from "./alpine.js";
import type { ApkPackage } from "./alpine.js";
import { debianStatusFile } from "./debian.js";
import { debs } from "./dpkg.js";
import type { DebPackage } from "./dpkg.js";
import { apacheMimeTypes, HTTPD_CONF, HTTPD_FOREGROUND, HTTPD_INDEX, httpdModules } from "./httpd-conf.js";
import { caBundle } from "./package-files.js";
import { build, library, program, programs, script } from "./stub.js";
import type { Specs } from "./stub.js";

export type HttpdFlavour = "debian" | "alpine";

const PREFIX = "/usr/local/apache2";
const VERSION = "2.4.65";
/** www-data: uid and gid 33 on Debian, 82 on Alpine. */
const WWW_DATA: Record<HttpdFlavour, number> = { debian: 33, alpine: 82 };

/** The server root, owned by www-data: every layer that writes below it carries it so. */
const serverRoot = (flavour: HttpdFlavour) => ({ [PREFIX]: [WWW_DATA[flavour], WWW_DATA[flavour]] as const });

/** `mkdir -p "$HTTPD_PREFIX" && chown www-data:www-data "$HTTPD_PREFIX"`. */
export const httpdServerRoot = (flavour: HttpdFlavour, created: string): Layer =>
  build({ [PREFIX]: dir() }, created, serverRoot(flavour));

const DEBIAN_RUNTIME = debs(
  "ca-certificates=20250419 libapr1t64=1.7.5-1 libaprutil1t64=1.6.3-3+b1 libaprutil1-ldap=1.6.3-3+b1 libldap-common=2.6.10+dfsg-1",
  {
    "ca-certificates": ["misc", "Common CA certificates"],
    libapr1t64: ["libs", "Apache Portable Runtime Library"],
    libaprutil1t64: ["libs", "Apache Portable Runtime Utility Library"],
    "libaprutil1-ldap": ["libs", "Apache Portable Runtime Utility Library - LDAP Driver"],
    "libldap-common": ["libs", "OpenLDAP common files for libraries"],
  },
);

const DEBIAN_BUILD_RUNTIME = debs(
  "libbrotli1=1.1.0-2+b7 libcurl4t64=8.14.1-2 libjansson4=2.14-2+b3 liblua5.2-0=5.2.4-3+b3 libnghttp2-14=1.64.0-1.1 libxml2=2.12.7+dfsg+really2.9.14-2.1",
  {
    libbrotli1: ["libs", "library implementing brotli encoder and decoder (shared libraries)"],
    libcurl4t64: ["libs", "easy-to-use client-side URL transfer library (OpenSSL flavour)"],
    libjansson4: ["libs", "C library for encoding, decoding and manipulating JSON data"],
    "liblua5.2-0": ["libs", "Shared library for the Lua interpreter version 5.2"],
    "libnghttp2-14": ["libs", "library implementing HTTP/2 protocol (shared library)"],
    libxml2: ["libs", "GNOME XML library"],
  },
);

const LIB = "/usr/lib/x86_64-linux-gnu";

/** Debian: the runtime libraries httpd links against (apt-get install ... ca-certificates ...). */
export function httpdDebianRuntime(created: string): Layer {
  return build({
    ...debianStatusFile("trixie", DEBIAN_RUNTIME),
    ...caBundle(),
    [`${LIB}/libapr-1.so.0`]: library("libapr-1.so.0", "libapr1t64 1.7.5"),
    [`${LIB}/libaprutil-1.so.0`]: library("libaprutil-1.so.0", "libaprutil1t64 1.6.3"),
    [`${LIB}/apr-util-1/apr_ldap-1.so`]: library("apr_ldap-1.so", "libaprutil1-ldap 1.6.3"),
  }, created);
}

/** Alpine: `adduser -u 82 -D -S -G www-data www-data` (the group is Alpine's own). */
export function httpdAlpineUser(created: string): Layer {
  return build({
    ...alpineAccounts({
      passwd: ["www-data:x:82:82::/home/www-data:/sbin/nologin"],
      shadow: ["www-data:!::0:::::"],
    }),
    "/home/www-data": dir(),
  }, created, { "/home/www-data": [82, 82] });
}

const ALPINE_RUNTIME: ApkPackage[] = [
  { name: "apr", version: "1.7.5-r0", description: "The Apache Portable Runtime", url: "https://apr.apache.org/", license: "Apache-2.0" },
  { name: "apr-util", version: "1.6.3-r1", description: "The Apache Portable Runtime Utility Library", url: "https://apr.apache.org/", license: "Apache-2.0" },
  { name: "apr-util-ldap", version: "1.6.3-r1", description: "The Apache Portable Runtime Utility Library - LDAP driver", url: "https://apr.apache.org/", license: "Apache-2.0" },
  { name: "ca-certificates", version: "20250911-r0", description: "Common CA certificates PEM files from Mozilla", url: "https://www.mozilla.org/en-US/about/governance/policies/security-group/certs/", license: "MPL-2.0 AND MIT" },
  { name: "pcre2", version: "10.46-r0", description: "Perl-compatible regular expression library", url: "https://pcre.org/", license: "BSD-3-Clause" },
  { name: "perl", version: "5.40.3-r0", description: "Larry Wall's Practical Extraction and Report Language", url: "https://www.perl.org/", license: "Artistic-1.0-Perl OR GPL-1.0-or-later" },
];

function serverTree(): Specs {
  const from = `httpd ${VERSION}`;
  const specs: Specs = {
    ...programs(`${PREFIX}/bin`, ["httpd", "ab", "htpasswd", "htdigest", "htdbm", "rotatelogs", "logresolve", "htcacheclean", "httxt2dbm", "fcgistarter", "checkgid"], from),
    [`${PREFIX}/bin/apachectl`]: script(`#!/bin/sh\n# Starts, stops and checks httpd; see apachectl(8).\nHTTPD='${PREFIX}/bin/httpd'\nexec "$HTTPD" -k "\${1:-start}"\n`),
    [`${PREFIX}/bin/apxs`]: script("#!/usr/bin/perl -w\n# apxs: builds and installs extension modules for httpd.\nprint \"apxs is not available in the playground.\\n\";\n"),
    [`${PREFIX}/bin/envvars`]: "# Environment for httpd, read by apachectl.\n",
    [`${PREFIX}/bin/envvars-std`]: "# Environment for httpd, read by apachectl.\n",
    [`${PREFIX}/conf/httpd.conf`]: HTTPD_CONF,
    [`${PREFIX}/conf/mime.types`]: apacheMimeTypes(),
    [`${PREFIX}/conf/magic`]: "# Magic data for mod_mime_magic.\n0\tstring\t<!DOCTYPE\\ html\ttext/html\n0\tstring\t\\x89PNG\timage/png\n",
    [`${PREFIX}/conf/original/httpd.conf`]: HTTPD_CONF.replace("ErrorLog /proc/self/fd/2", 'ErrorLog "logs/error_log"').replace("CustomLog /proc/self/fd/1 common", 'CustomLog "logs/access_log" common'),
    [`${PREFIX}/htdocs/index.html`]: HTTPD_INDEX,
    [`${PREFIX}/cgi-bin/printenv`]: "#!/usr/bin/env perl\n# A CGI test script: prints its environment. Not executable until you chmod it.\n",
    [`${PREFIX}/error/README`]: "Error documents served in the language the client asks for; see conf/extra/httpd-multilang-errordoc.conf.\n",
    [`${PREFIX}/error/HTTP_NOT_FOUND.html.var`]: "Content-language: en\nContent-type: text/html; charset=UTF-8\nBody:----------en--\nThe requested URL was not found on this server.\n----------en--\n",
    [`${PREFIX}/icons/README`]: "Icons for directory listings made by mod_autoindex.\n",
    [`${PREFIX}/icons/apache_pb.png`]: { file: "\x89PNG\r\n\x1a\n", mode: 0o644 },
    [`${PREFIX}/logs`]: dir(),
  };
  for (const extra of ["httpd-ssl.conf", "httpd-vhosts.conf", "httpd-default.conf", "httpd-mpm.conf", "httpd-info.conf", "proxy-html.conf"]) {
    specs[`${PREFIX}/conf/extra/${extra}`] = `# ${extra}: supplemental configuration, included from httpd.conf when uncommented there.\n`;
  }
  for (const m of httpdModules()) specs[`${PREFIX}/modules/mod_${m}.so`] = library(`mod_${m}.so`, from);
  return specs;
}

/** The compile-and-install RUN: /usr/local/apache2 and the libraries the build left installed. */
export function httpdBuild(flavour: HttpdFlavour, created: string): Layer {
  const specs: Specs = { ...serverTree() };
  if (flavour === "debian") {
    Object.assign(specs, debianStatusFile("trixie", [...DEBIAN_RUNTIME, ...DEBIAN_BUILD_RUNTIME] as DebPackage[]));
    specs[`${LIB}/liblua5.2.so.0`] = library("liblua5.2.so.0", "liblua5.2-0");
    specs[`${LIB}/libjansson.so.4`] = library("libjansson.so.4", "libjansson4");
  } else {
    Object.assign(specs, apkDatabase("3.22.2", ALPINE_RUNTIME, [".httpd-so-deps"]), caBundle());
    specs["/usr/lib/libapr-1.so.0"] = library("libapr-1.so.0", "apr 1.7.5");
    specs["/usr/lib/libaprutil-1.so.0"] = library("libaprutil-1.so.0", "apr-util 1.6.3");
    specs["/usr/bin/perl"] = program("perl", "perl 5.40.3");
    specs["/usr/lib/libpcre2-8.so.0"] = link("libpcre2-8.so.0.14.0");
    specs["/usr/lib/libpcre2-8.so.0.14.0"] = library("libpcre2-8.so.0.14.0", "pcre2 10.46");
  }
  return build(specs, created, serverRoot(flavour));
}

/** `COPY httpd-foreground /usr/local/bin/`. */
export const httpdForeground = (created: string): Layer =>
  build({ "/usr/local/bin/httpd-foreground": script(HTTPD_FOREGROUND) }, created);
