// The small package catalog apk and apt-get install from: the tools learners reach for, with the
// versions, dependencies, sizes and files of Alpine 3.22 and Debian 13 (trixie). A package's
// programs are stand-ins the playground runs itself; installing one writes them into the
// container's layer, which is what makes the command appear.

export interface CatalogPackage {
  name: string;
  version: string;
  /** Installed size and download size, in KiB. */
  size: number;
  download: number;
  depends: readonly string[];
  /** Files it installs: "path", or "path -> target" for a symlink. */
  files: readonly string[];
  description: string;
  /** Other names that select it (apk's provides, apt's virtual packages). */
  provides?: readonly string[];
  section?: string;
  /** apk prints "Executing NAME-VERSION.SCRIPT" for packages with install scripts. */
  script?: "post-install" | "pre-install";
}

type Row = [name: string, version: string, size: number, download: number, depends: string, files: string, description: string, extra?: Partial<CatalogPackage>];

const words = (s: string): string[] => s.split(/\s+/).filter(Boolean);

function table(rows: readonly Row[]): Map<string, CatalogPackage> {
  const out = new Map<string, CatalogPackage>();
  for (const [name, version, size, download, depends, files, description, extra] of rows) {
    out.set(name, { name, version, size, download, depends: words(depends), files: files.split(",").map((f) => f.trim()).filter(Boolean), description, ...extra });
  }
  return out;
}

export const ALPINE_PACKAGES = table([
  ["brotli-libs", "1.1.0-r2", 800, 339, "", "/usr/lib/libbrotlicommon.so.1, /usr/lib/libbrotlidec.so.1, /usr/lib/libbrotlienc.so.1", "Generic lossless compressor (libraries)"],
  ["c-ares", "1.34.5-r0", 212, 93, "", "/usr/lib/libcares.so.2", "Asynchronous DNS/names resolver library"],
  ["libunistring", "1.3-r0", 1704, 560, "", "/usr/lib/libunistring.so.5", "Library for manipulating Unicode strings and C strings"],
  ["libidn2", "2.3.7-r0", 136, 49, "libunistring", "/usr/lib/libidn2.so.0", "Encoding and decoding library for internationalized domain names"],
  ["nghttp2-libs", "1.65.0-r0", 168, 72, "", "/usr/lib/libnghttp2.so.14", "Experimental HTTP/2 client, server and proxy (libraries)"],
  ["libpsl", "0.21.5-r3", 72, 21, "libidn2", "/usr/lib/libpsl.so.5", "C library for the Publix Suffix List"],
  ["zstd-libs", "1.5.7-r0", 728, 284, "", "/usr/lib/libzstd.so.1", "Zstandard - Fast real-time compression algorithm (libraries)"],
  ["libcurl", "8.14.1-r2", 548, 298, "brotli-libs c-ares libidn2 libpsl nghttp2-libs zstd-libs", "/usr/lib/libcurl.so.4", "The multiprotocol file transfer library"],
  ["curl", "8.14.1-r2", 260, 129, "libcurl", "/usr/bin/curl", "URL retrieval utility and library"],
  ["wget", "1.25.0-r1", 476, 172, "libidn2 libunistring", "/usr/bin/wget", "Network utility to retrieve files from the Web"],
  ["ncurses-terminfo-base", "6.5_p20250503-r0", 44, 22, "", "/etc/terminfo/x/xterm", "Descriptions of common terminals"],
  ["libncursesw", "6.5_p20250503-r0", 300, 145, "ncurses-terminfo-base", "/usr/lib/libncursesw.so.6", "Console display library (libncursesw)"],
  ["readline", "8.2.13-r1", 272, 125, "libncursesw", "/usr/lib/libreadline.so.8", "GNU readline library"],
  ["bash", "5.2.37-r0", 1300, 469, "readline", "/bin/bash", "The GNU Bourne Again shell", { script: "post-install" }],
  ["libbsd", "0.12.2-r0", 92, 41, "libmd", "/usr/lib/libbsd.so.0", "commonly-used BSD functions not implemented by all libcs"],
  ["libmd", "1.1.0-r0", 80, 29, "", "/usr/lib/libmd.so.0", "Message Digest functions from BSD systems"],
  ["netcat-openbsd", "1.229.1-r0", 64, 25, "libbsd", "/usr/bin/nc", "The TCP/IP swiss army knife. OpenBSD variant from debian."],
  ["iputils-ping", "20240905-r1", 92, 40, "", "/bin/ping", "Tool to send ICMP echo requests to network hosts"],
  ["libuv", "1.51.0-r0", 184, 84, "", "/usr/lib/libuv.so.1", "Cross-platform asychronous I/O"],
  ["json-c", "0.18-r1", 72, 31, "", "/usr/lib/libjson-c.so.5", "A JSON implementation in C"],
  ["libxml2", "2.13.8-r0", 1148, 486, "", "/usr/lib/libxml2.so.2", "XML parsing library, version 2"],
  ["bind-libs", "9.20.13-r0", 3456, 1312, "json-c libuv libxml2 nghttp2-libs", "/usr/lib/libisc-9.20.13.so, /usr/lib/libdns-9.20.13.so", "The ISC DNS server shared libraries"],
  ["bind-tools", "9.20.13-r0", 408, 185, "bind-libs", "/usr/bin/dig, /usr/bin/host, /usr/bin/nslookup", "The ISC DNS tools"],
  ["xxd", "9.1.1415-r0", 24, 16, "", "/usr/bin/xxd", "Hexdump utility from vim"],
  ["vim-common", "9.1.1415-r0", 11024, 3752, "", "/usr/share/vim/vim91/defaults.vim", "Vi IMproved, a highly configurable, improved version of the vi text editor (common files)"],
  ["vim", "9.1.1415-r0", 3412, 1589, "libncursesw vim-common xxd", "/usr/bin/vim, /usr/bin/vimdiff -> vim, /usr/bin/view -> vim", "Improved vi-style text editor"],
  ["nano", "8.4-r0", 576, 279, "libncursesw", "/bin/nano", "Enhanced clone of the Pico text editor"],
  ["libexpat", "2.7.3-r0", 160, 75, "", "/usr/lib/libexpat.so.1", "XML Parser library written in C"],
  ["pcre2", "10.46-r0", 672, 262, "", "/usr/lib/libpcre2-8.so.0", "Perl-compatible regular expression library"],
  ["git", "2.49.1-r0", 13852, 4520, "libcurl libexpat pcre2 zlib", "/usr/bin/git", "Distributed version control system"],
  ["oniguruma", "6.9.10-r0", 568, 174, "", "/usr/lib/libonig.so.5", "a regular expressions library"],
  ["jq", "1.8.1-r0", 316, 138, "oniguruma", "/usr/bin/jq", "A lightweight and flexible command-line JSON processor"],
  ["libffi", "3.4.8-r0", 52, 22, "", "/usr/lib/libffi.so.8", "portable, high level programming interface to various calling conventions"],
  ["libbz2", "1.0.8-r6", 80, 31, "", "/usr/lib/libbz2.so.1", "Shared library for bz2"],
  ["xz-libs", "5.8.1-r0", 224, 108, "", "/usr/lib/liblzma.so.5", "Library and CLI tools for XZ and LZMA compressed files (libraries)"],
  ["mpdecimal", "4.0.1-r0", 280, 88, "", "/usr/lib/libmpdec.so.4", "complete implementation of the General Decimal Arithmetic Specification"],
  ["sqlite-libs", "3.49.2-r1", 1548, 752, "", "/usr/lib/libsqlite3.so.0", "Sqlite3 library"],
  ["python3", "3.12.12-r0", 24992, 11356, "libbz2 libexpat libffi mpdecimal readline sqlite-libs xz-libs", "/usr/bin/python3.12, /usr/bin/python3 -> python3.12", "A high-level scripting language", { provides: ["python"] }],
  ["ca-certificates", "20250911-r0", 700, 157, "", "/etc/ssl/certs/ca-cert-ISRG_Root_X1.pem", "Common CA certificates PEM files from Mozilla"],
  ["icu-data-en", "76.1-r1", 852, 377, "", "/usr/share/icu/76.1/icudt76l.dat", "Stripped down ICU data with only en_US/GB locale and no legacy charset converters"],
  ["libgcc", "14.2.0-r6", 164, 59, "", "/usr/lib/libgcc_s.so.1", "GNU C compiler runtime libraries"],
  ["libstdc++", "14.2.0-r6", 2532, 706, "libgcc", "/usr/lib/libstdc++.so.6", "GNU C++ standard runtime library"],
  ["icu-libs", "76.1-r1", 4700, 1521, "icu-data-en libstdc++", "/usr/lib/libicuuc.so.76, /usr/lib/libicui18n.so.76", "International Components for Unicode library"],
  ["nodejs", "22.16.0-r2", 50336, 12344, "ca-certificates brotli-libs c-ares icu-libs libuv nghttp2-libs sqlite-libs", "/usr/bin/node", "JavaScript runtime built on V8 engine - LTS version", { provides: ["nodejs-lts", "node"] }],
  ["npm", "11.3.0-r1", 9508, 1989, "nodejs", "/usr/bin/npm, /usr/bin/npx", "The package manager for JavaScript"],
  ["redis", "8.0.3-r0", 5464, 1804, "", "/usr/bin/redis-server, /usr/bin/redis-cli, /usr/bin/redis-benchmark, /etc/redis.conf", "Advanced key-value store", { script: "pre-install" }],
  ["libpq", "17.6-r0", 340, 146, "", "/usr/lib/libpq.so.5", "PostgreSQL client library"],
  ["postgresql-common", "1.2-r1", 16, 7, "", "/usr/bin/pg_versions", "Common files for PostgreSQL"],
  ["postgresql17-client", "17.6-r0", 1564, 527, "libpq postgresql-common readline", "/usr/libexec/postgresql17/psql, /usr/bin/psql -> /usr/libexec/postgresql17/psql, /usr/bin/pg_isready -> /usr/libexec/postgresql17/pg_isready, /usr/libexec/postgresql17/pg_isready, /usr/bin/pg_dump -> /usr/libexec/postgresql17/pg_dump, /usr/libexec/postgresql17/pg_dump", "PostgreSQL client", { provides: ["postgresql-client"] }],
  ["libproc2", "4.0.4-r3", 128, 57, "", "/usr/lib/libproc2.so.0", "Library for monitoring system and processes"],
  ["procps-ng", "4.0.4-r3", 572, 262, "libproc2 libncursesw", "/bin/ps, /usr/bin/top, /usr/bin/free, /usr/bin/pgrep, /usr/bin/pkill, /usr/bin/uptime, /usr/bin/watch", "Utilities for monitoring your system and processes on your system", { provides: ["procps"] }],
  ["libelf", "0.193-r0", 312, 135, "", "/usr/lib/libelf.so.1", "Libraries to read, create and modify ELF binary files"],
  ["libmnl", "1.0.5-r2", 36, 11, "", "/usr/lib/libmnl.so.0", "Library for minimalistic netlink"],
  ["iproute2-minimal", "6.15.0-r0", 612, 280, "libmnl", "/sbin/ip", "IP Routing Utilities (/sbin/ip only)"],
  ["iproute2-ss", "6.15.0-r0", 140, 60, "libmnl", "/usr/sbin/ss", "IP Routing Utilities (ss tool)"],
  ["iproute2", "6.15.0-r0", 436, 169, "iproute2-minimal iproute2-ss libelf", "/usr/sbin/bridge", "IP Routing Utilities"],
  ["tzdata", "2025b-r0", 1828, 456, "", "/usr/share/zoneinfo/Etc/UTC, /usr/share/zoneinfo/Europe/Paris, /usr/share/zoneinfo/America/New_York, /usr/share/zoneinfo/Asia/Tokyo", "Timezone data"],
]);

export const DEBIAN_PACKAGES = table([
  ["ca-certificates", "20250419", 395, 162, "openssl", "/usr/sbin/update-ca-certificates, /etc/ssl/certs/ca-certificates.crt", "Common CA certificates", { section: "misc" }],
  ["openssl", "3.5.1-1", 2376, 1494, "libssl3t64", "/usr/bin/openssl", "Secure Sockets Layer toolkit - cryptographic utility", { section: "utils" }],
  ["libssl3t64", "3.5.1-1", 7872, 2364, "", "/usr/lib/x86_64-linux-gnu/libssl.so.3, /usr/lib/x86_64-linux-gnu/libcrypto.so.3", "Secure Sockets Layer toolkit - shared libraries", { section: "libs" }],
  ["libbrotli1", "1.1.0-2+b7", 831, 307, "", "/usr/lib/x86_64-linux-gnu/libbrotlidec.so.1", "library implementing brotli encoder and decoder (shared libraries)", { section: "libs" }],
  ["libunistring5", "1.3-2", 1968, 473, "", "/usr/lib/x86_64-linux-gnu/libunistring.so.5", "Unicode string library for C", { section: "libs" }],
  ["libidn2-0", "2.3.8-2", 419, 136, "libunistring5", "/usr/lib/x86_64-linux-gnu/libidn2.so.0", "Internationalized domain names (IDNA2008/TR46) library", { section: "libs" }],
  ["libnghttp2-14", "1.64.0-1.1", 208, 76, "", "/usr/lib/x86_64-linux-gnu/libnghttp2.so.14", "library implementing HTTP/2 protocol (shared library)", { section: "libs" }],
  ["libpsl5t64", "0.21.2-1.1+b1", 74, 57, "libidn2-0", "/usr/lib/x86_64-linux-gnu/libpsl.so.5", "Library for Public Suffix List (shared libraries)", { section: "libs" }],
  ["libssh2-1t64", "1.11.1-1", 291, 245, "libssl3t64", "/usr/lib/x86_64-linux-gnu/libssh2.so.1", "SSH2 client-side library", { section: "libs" }],
  ["libcurl4t64", "8.14.1-2", 926, 391, "libbrotli1 libidn2-0 libnghttp2-14 libpsl5t64 libssh2-1t64 libssl3t64", "/usr/lib/x86_64-linux-gnu/libcurl.so.4", "easy-to-use client-side URL transfer library (OpenSSL flavour)", { section: "libs" }],
  ["curl", "8.14.1-2", 520, 269, "ca-certificates libcurl4t64", "/usr/bin/curl", "command line tool for transferring data with URL syntax", { section: "web" }],
  ["wget", "1.25.0-2", 3658, 984, "ca-certificates libidn2-0 libpsl5t64 libssl3t64", "/usr/bin/wget", "retrieves files from the web", { section: "web" }],
  ["libcap2-bin", "1:2.75-10+b1", 107, 34, "", "/usr/sbin/setcap", "POSIX 1003.1e capabilities (utilities)", { section: "utils" }],
  ["iputils-ping", "3:20240905-3", 126, 48, "libcap2-bin", "/usr/bin/ping", "Tools to test the reachability of network hosts", { section: "net" }],
  ["libuv1t64", "1.50.0-2", 420, 148, "", "/usr/lib/x86_64-linux-gnu/libuv.so.1", "asynchronous event notification library - runtime library", { section: "libs" }],
  ["bind9-libs", "1:9.20.11-4", 4702, 1385, "libuv1t64 libnghttp2-14 libssl3t64", "/usr/lib/x86_64-linux-gnu/libdns-9.20.11-4-Debian.so", "Shared Libraries used by BIND 9", { section: "libs" }],
  ["bind9-host", "1:9.20.11-4", 147, 57, "bind9-libs", "/usr/bin/host", "DNS Lookup Utility", { section: "net" }],
  ["bind9-dnsutils", "1:9.20.11-4", 612, 226, "bind9-host bind9-libs", "/usr/bin/dig, /usr/bin/nslookup, /usr/bin/nsupdate", "Clients provided with BIND 9", { section: "net", provides: ["dnsutils"] }],
  ["libbsd0", "0.12.2-2", 207, 131, "libmd0", "/usr/lib/x86_64-linux-gnu/libbsd.so.0", "utility functions from BSD systems - shared library", { section: "libs" }],
  ["libmd0", "1.1.0-2+b1", 80, 35, "", "/usr/lib/x86_64-linux-gnu/libmd.so.0", "message digest functions from BSD systems - shared library", { section: "libs" }],
  ["netcat-openbsd", "1.229-1", 108, 44, "libbsd0", "/usr/bin/nc.openbsd, /usr/bin/nc -> /etc/alternatives/nc, /etc/alternatives/nc -> /usr/bin/nc.openbsd", "TCP/IP swiss army knife", { section: "net", provides: ["netcat"] }],
  ["vim-common", "2:9.1.1230-2", 405, 198, "", "/usr/share/vim/vim91/debian.vim", "Vi IMproved - Common files", { section: "editors" }],
  ["vim-runtime", "2:9.1.1230-2", 38044, 7443, "", "/usr/share/vim/vim91/defaults.vim", "Vi IMproved - Runtime files", { section: "editors" }],
  ["libgpm2", "1.20.7-11+b2", 36, 14, "", "/usr/lib/x86_64-linux-gnu/libgpm.so.2", "General Purpose Mouse - shared library", { section: "libs" }],
  ["vim", "2:9.1.1230-2", 4167, 1670, "libgpm2 vim-common vim-runtime", "/usr/bin/vim.basic, /usr/bin/vim -> /etc/alternatives/vim, /etc/alternatives/vim -> /usr/bin/vim.basic, /usr/bin/vi -> /etc/alternatives/vi, /etc/alternatives/vi -> /usr/bin/vim.basic", "Vi IMproved - enhanced vi editor", { section: "editors" }],
  ["nano", "8.4-1", 2873, 752, "", "/usr/bin/nano", "small, friendly text editor inspired by Pico", { section: "editors" }],
  ["libexpat1", "2.7.1-2", 352, 106, "", "/usr/lib/x86_64-linux-gnu/libexpat.so.1", "XML parsing C library - runtime library", { section: "libs" }],
  ["git-man", "1:2.47.2-0.2", 3022, 2166, "", "/usr/share/man/man1/git.1.gz", "fast, scalable, distributed revision control system (manual pages)", { section: "doc" }],
  ["git", "1:2.47.2-0.2", 44986, 8863, "git-man libcurl4t64 libexpat1", "/usr/bin/git", "fast, scalable, distributed revision control system", { section: "vcs" }],
  ["libonig5", "6.9.9-1+b1", 631, 188, "", "/usr/lib/x86_64-linux-gnu/libonig.so.5", "regular expressions library", { section: "libs" }],
  ["libjq1", "1.7.1-6", 483, 164, "libonig5", "/usr/lib/x86_64-linux-gnu/libjq.so.1", "lightweight and flexible command-line JSON processor - shared library", { section: "libs" }],
  ["jq", "1.7.1-6", 102, 78, "libjq1", "/usr/bin/jq", "lightweight and flexible command-line JSON processor", { section: "utils" }],
  ["libpython3.13-minimal", "3.13.5-2", 5263, 862, "", "/usr/lib/python3.13/os.py", "Minimal subset of the Python language (version 3.13)", { section: "python" }],
  ["python3.13-minimal", "3.13.5-2", 6748, 2211, "libpython3.13-minimal libexpat1", "/usr/bin/python3.13", "Minimal subset of the Python language (version 3.13)", { section: "python" }],
  ["python3-minimal", "3.13.5-1", 87, 27, "python3.13-minimal", "/usr/bin/python3 -> python3.13", "minimal subset of the Python language (default python3 version)", { section: "python" }],
  ["libpython3.13-stdlib", "3.13.5-2", 8640, 1964, "libpython3.13-minimal", "/usr/lib/python3.13/json/__init__.py", "Interactive high-level object-oriented language (standard library, version 3.13)", { section: "python" }],
  ["python3.13", "3.13.5-2", 667, 757, "python3.13-minimal libpython3.13-stdlib", "/usr/bin/pydoc3.13", "Interactive high-level object-oriented language (version 3.13)", { section: "python" }],
  ["python3", "3.13.5-1", 82, 28, "python3-minimal python3.13", "/usr/bin/pydoc3 -> pydoc3.13", "interactive high-level object-oriented language (default python3 version)", { section: "python" }],
  ["libnode115", "20.19.2+dfsg-1", 69436, 13221, "libbrotli1 libnghttp2-14 libssl3t64 libuv1t64", "/usr/lib/x86_64-linux-gnu/libnode.so.115", "evented I/O for V8 javascript - runtime library", { section: "libs" }],
  ["nodejs", "20.19.2+dfsg-1", 800, 264, "ca-certificates libnode115", "/usr/bin/node, /usr/bin/nodejs -> node", "evented I/O for V8 javascript - runtime executable", { section: "javascript" }],
  ["npm", "9.2.0~ds1-3", 9540, 2141, "nodejs", "/usr/bin/npm, /usr/bin/npx", "package manager for Node.js", { section: "javascript" }],
  ["liblzf1", "3.6-4+b3", 29, 10, "", "/usr/lib/x86_64-linux-gnu/liblzf.so.1", "Compression library", { section: "libs" }],
  ["redis-tools", "5:8.0.2-3", 5730, 1349, "libssl3t64 liblzf1", "/usr/bin/redis-cli, /usr/bin/redis-benchmark", "Persistent key-value database with network interface (client)", { section: "database" }],
  ["redis-server", "5:8.0.2-3", 196, 70, "redis-tools", "/usr/bin/redis-server, /etc/redis/redis.conf", "Persistent key-value database with network interface", { section: "database" }],
  ["redis", "5:8.0.2-3", 45, 29, "redis-server", "", "Persistent key-value database with network interface (metapackage)", { section: "database" }],
  ["libpq5", "17.5-1", 984, 227, "libssl3t64", "/usr/lib/x86_64-linux-gnu/libpq.so.5", "PostgreSQL C client library", { section: "libs" }],
  ["postgresql-client-common", "278", 204, 47, "", "/usr/share/postgresql-common/pg_wrapper, /usr/bin/psql -> ../share/postgresql-common/pg_wrapper, /usr/bin/pg_isready -> ../share/postgresql-common/pg_wrapper, /usr/bin/pg_dump -> ../share/postgresql-common/pg_wrapper", "manager for multiple PostgreSQL client versions", { section: "database" }],
  ["postgresql-client-17", "17.5-1", 6830, 2029, "libpq5 postgresql-client-common", "/usr/lib/postgresql/17/bin/psql, /usr/lib/postgresql/17/bin/pg_isready, /usr/lib/postgresql/17/bin/pg_dump", "front-end programs for PostgreSQL 17", { section: "database" }],
  ["postgresql-client", "17+278", 19, 15, "postgresql-client-17", "", "front-end programs for PostgreSQL (supported version)", { section: "database" }],
  ["libproc2-0", "2:4.0.4-9", 187, 62, "", "/usr/lib/x86_64-linux-gnu/libproc2.so.0", "library for accessing process information from /proc", { section: "libs" }],
  ["procps", "2:4.0.4-9", 2370, 881, "libproc2-0", "/usr/bin/ps, /usr/bin/top, /usr/bin/free, /usr/bin/pgrep, /usr/bin/pkill, /usr/bin/uptime, /usr/bin/watch, /usr/bin/vmstat", "/proc file system utilities", { section: "admin" }],
  ["libelf1t64", "0.192-4", 1069, 189, "", "/usr/lib/x86_64-linux-gnu/libelf.so.1", "library to read and write ELF files", { section: "libs" }],
  ["libmnl0", "1.0.5-3", 44, 12, "", "/usr/lib/x86_64-linux-gnu/libmnl.so.0", "minimalistic Netlink communication library", { section: "libs" }],
  ["iproute2", "6.15.0-1", 4035, 1101, "libelf1t64 libmnl0", "/usr/bin/ip, /usr/sbin/ip -> /usr/bin/ip, /usr/bin/ss", "networking and traffic control tools", { section: "net" }],
  ["net-tools", "2.10-1.3", 1000, 240, "", "/usr/sbin/ifconfig, /usr/sbin/route, /usr/bin/netstat", "NET-3 networking toolkit", { section: "net" }],
  ["tzdata", "2025b-4", 1500, 259, "", "/usr/share/zoneinfo/Etc/UTC, /usr/share/zoneinfo/Europe/Paris, /usr/share/zoneinfo/America/New_York, /usr/share/zoneinfo/Asia/Tokyo", "time zone and daylight-saving time data", { section: "localization" }],
]);

/** A package by its name or by a name it provides. */
export function findPackage(catalog: Map<string, CatalogPackage>, name: string): CatalogPackage | undefined {
  return catalog.get(name) ?? [...catalog.values()].find((p) => p.provides?.includes(name));
}

/**
 * What installing `wanted` brings in, dependencies first (in the order a solver visits them),
 * leaving out what `installed` already has.
 */
export function installOrder(catalog: Map<string, CatalogPackage>, wanted: readonly CatalogPackage[], installed: ReadonlySet<string>): CatalogPackage[] {
  const order: CatalogPackage[] = [];
  const seen = new Set<string>();
  const visit = (p: CatalogPackage) => {
    if (seen.has(p.name) || installed.has(p.name)) return;
    seen.add(p.name);
    for (const dep of p.depends) {
      const found = findPackage(catalog, dep);
      if (found) visit(found);
    }
    order.push(p);
  };
  for (const p of wanted) visit(p);
  return order;
}

/** The stand-in a package's program file holds, as the image's own programs do. */
export function programStub(name: string, pkg: CatalogPackage): string {
  return `\x7fELF\x02\x01\x01\x00 ${name} (${pkg.name} ${pkg.version}): the playground runs this program itself.\n`;
}
