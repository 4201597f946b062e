// The postgres images' layers: on Debian, PGDG's packages under /usr/lib/postgresql/<major>;
// on Alpine, a source build under /usr/local. Both end with the socket and data directories and
// the entrypoint scripts.
import { dir, link } from "../../fs/layer-builder.js";
import type { Layer } from "../../fs/layer.js";
import { alpineAccounts, apkDatabase } from "./alpine.js";
import type { ApkPackage } from "./alpine.js";
import { DPKG_EXCLUDES } from "./debian-config.js";
import { debianAccountFiles, debianStatusFile } from "./debian.js";
import { debs } from "./dpkg.js";
import type { DebPackage } from "./dpkg.js";
import { gosu, zoneinfo } from "./package-files.js";
import { ENSURE_INITDB, POSTGRES_ENTRYPOINT } from "./postgres-entrypoint.js";
import { build, library, program, programs, script, shadowDay } from "./stub.js";
import type { Owners, Specs } from "./stub.js";

const SERVER_PROGRAMS = ["postgres", "initdb", "pg_ctl", "pg_controldata", "pg_resetwal", "pg_upgrade", "pg_rewind", "pg_checksums", "pg_waldump", "pg_archivecleanup"];
const CLIENT_PROGRAMS = ["psql", "pg_dump", "pg_dumpall", "pg_restore", "pg_isready", "pg_basebackup", "pg_config", "createdb", "dropdb", "createuser", "dropuser", "clusterdb", "reindexdb", "vacuumdb", "pgbench"];

const SAMPLE = (listen: string) => `# -----------------------------
# PostgreSQL configuration file
# -----------------------------
#
# One setting per line: "name = value". A "#" starts a comment; uncomment a line
# to change a setting from its built-in default. Some changes need a restart.
# initdb copies this file into each new cluster as postgresql.conf.

#------------------------------------------------------------------------------
# FILE LOCATIONS
#------------------------------------------------------------------------------

#data_directory = 'ConfigDir'		# use data in another directory
#hba_file = 'ConfigDir/pg_hba.conf'	# host-based authentication file
#ident_file = 'ConfigDir/pg_ident.conf'	# ident configuration file

#------------------------------------------------------------------------------
# CONNECTIONS AND AUTHENTICATION
#------------------------------------------------------------------------------

${listen}
#port = 5432				# (change requires restart)
#max_connections = 100			# (change requires restart)
#superuser_reserved_connections = 3	# (change requires restart)
#unix_socket_directories = '/var/run/postgresql'	# comma-separated list of directories
#password_encryption = scram-sha-256	# scram-sha-256 or md5

#------------------------------------------------------------------------------
# RESOURCE USAGE (except WAL)
#------------------------------------------------------------------------------

#shared_buffers = 128MB			# min 128kB
#work_mem = 4MB				# min 64kB
#maintenance_work_mem = 64MB		# min 64kB
#dynamic_shared_memory_type = posix	# the default is usually the first option

#------------------------------------------------------------------------------
# WRITE-AHEAD LOG
#------------------------------------------------------------------------------

#wal_level = replica			# minimal, replica, or logical
#max_wal_size = 1GB
#min_wal_size = 80MB

#------------------------------------------------------------------------------
# REPORTING AND LOGGING
#------------------------------------------------------------------------------

#log_destination = 'stderr'		# stderr, csvlog, jsonlog, syslog
#logging_collector = off		# collect stderr output into log files
#log_timezone = 'GMT'

#------------------------------------------------------------------------------
# CLIENT CONNECTION DEFAULTS
#------------------------------------------------------------------------------

#datestyle = 'iso, mdy'
#timezone = 'GMT'
#lc_messages = ''			# locale for system error message strings
#default_text_search_config = 'pg_catalog.simple'
`;

const PACKAGED_LISTEN = "#listen_addresses = 'localhost'		# what IP address(es) to listen on;";
/** The image's sed: listen on every address, so that published ports reach the server. */
const DOCKER_LISTEN = "listen_addresses = '*'";

// initdb fills in the @...@ markers when it writes a cluster's pg_hba.conf.
const HBA_SAMPLE = `# PostgreSQL Client Authentication Configuration File
# ===================================================
#
# One record per line: connection type, database, user, client address (for
# host records) and authentication method. The first record that matches a
# connection decides how it is authenticated.

# TYPE  DATABASE        USER            ADDRESS                 METHOD

@remove-line-for-nolocal@# "local" is for Unix domain socket connections only
@remove-line-for-nolocal@local   all             all                                     @authmethodlocal@
# IPv4 local connections:
host    all             all             127.0.0.1/32            @authmethodhost@
# IPv6 local connections:
host    all             all             ::1/128                 @authmethodhost@
# Allow replication connections from localhost, by a user with the
# replication privilege.
@remove-line-for-nolocal@local   replication     all                                     @authmethodlocal@
host    replication     all             127.0.0.1/32            @authmethodhost@
host    replication     all             ::1/128                 @authmethodhost@
`;

const IDENT_SAMPLE = "# PostgreSQL User Name Maps\n# =========================\n#\n# MAPNAME       SYSTEM-USERNAME         PG-USERNAME\n";

const INFO: Record<string, [string, string]> = {
  gnupg: ["utils", "GNU privacy guard - a free PGP replacement"],
  less: ["text", "pager program similar to more"],
  locales: ["localization", "GNU C Library: National Language (locale) data [support]"],
  "libnss-wrapper": ["libs", "NSS wrapper library"],
  "xz-utils": ["utils", "XZ-format compression utilities"],
  zstd: ["utils", "fast lossless compression algorithm -- CLI tool"],
  "postgresql-common": ["database", "PostgreSQL database-cluster manager"],
  "postgresql-client-common": ["database", "manager for multiple PostgreSQL client versions"],
  libpq5: ["libs", "PostgreSQL C client library"],
};

// Each apt layer rewrites dpkg's status with everything installed so far.
const DEB_STEPS = {
  gnupg: "gnupg=2.4.7-21 less=668-1",
  locales: "locales=2.41-12",
  nss: "libnss-wrapper=1.1.16-1 xz-utils=5.8.1-1 zstd=1.5.7+dfsg-1",
};
const debStep = (...steps: (keyof typeof DEB_STEPS)[]): DebPackage[] => debs(steps.map((s) => DEB_STEPS[s]).join(" "), INFO);

const POSTGRES_HOME = "/var/lib/postgresql";

export const postgresGnupg = (created: string): Layer =>
  build({
    ...debianStatusFile("trixie", debStep("gnupg")),
    ...programs("/usr/bin", ["gpg", "gpg-agent", "gpgconf", "gpgsm", "dirmngr"], "gnupg 2.4.7"),
    ...programs("/usr/bin", ["less", "lessecho", "lesskey", "lesspipe"], "less 668"),
  }, created);

/** Debian: the postgres user (uid 999) and its home, open to any user the container runs as. */
export const postgresDebianUser = (created: string): Layer =>
  build({
    ...debianAccountFiles("trixie", {
      passwd: [`postgres:x:999:999::${POSTGRES_HOME}:/bin/bash`],
      group: ["postgres:x:999:"],
      shadow: [`postgres:!:${shadowDay(created)}::::::`],
      gshadow: ["postgres:!::"],
    }),
    [POSTGRES_HOME]: dir(0o1777),
  }, created, { [POSTGRES_HOME]: [999, 999] });

export const postgresGosu = (created: string): Layer => build(gosu("1.19"), created);

/** Debian: locales with en_US.UTF-8 generated (and locale files let back in by dpkg). */
export const postgresLocales = (created: string): Layer =>
  build({
    ...debianStatusFile("trixie", debStep("gnupg", "locales")),
    "/etc/dpkg/dpkg.cfg.d/docker": DPKG_EXCLUDES.replace("path-exclude /usr/share/locale/*\n", ""),
    "/etc/locale.gen": "# Locales that locale-gen builds, one per line: name and character set.\n# Uncomment a line, or add one, and run locale-gen.\n\n# de_DE.UTF-8 UTF-8\n# en_GB.UTF-8 UTF-8\n# fr_FR.UTF-8 UTF-8\nen_US.UTF-8 UTF-8\n",
    "/usr/sbin/locale-gen": program("locale-gen", "locales 2.41"),
    "/usr/lib/locale/locale-archive": { file: "locale archive: en_US.utf8\n", mode: 0o644 },
    "/usr/share/i18n/SUPPORTED": "en_US.UTF-8 UTF-8\nen_US ISO-8859-1\nde_DE.UTF-8 UTF-8\nfr_FR.UTF-8 UTF-8\n",
    "/usr/share/locale/locale.alias": "# Locale name aliases.\nenglish\t\ten_US.ISO-8859-1\n",
  }, created);

export const postgresNssWrapper = (created: string): Layer =>
  build({
    ...debianStatusFile("trixie", debStep("gnupg", "locales", "nss")),
    "/usr/lib/x86_64-linux-gnu/libnss_wrapper.so": library("libnss_wrapper.so", "libnss-wrapper 1.1.16"),
    ...programs("/usr/bin", ["xz", "unxz", "xzcat"], "xz-utils 5.8.1"),
    ...programs("/usr/bin", ["zstd", "unzstd", "zstdcat"], "zstd 1.5.7"),
  }, created);

/** `mkdir /docker-entrypoint-initdb.d`: the place for scripts run on first start. */
export const postgresInitdbDir = (created: string): Layer => build({ "/docker-entrypoint-initdb.d": dir() }, created);

export const postgresAptKey = (created: string): Layer =>
  build({
    "/usr/local/share/keyrings/postgres.gpg.asc": "-----BEGIN PGP PUBLIC KEY BLOCK-----\n(the playground keeps the key's name, not its contents)\n-----END PGP PUBLIC KEY BLOCK-----\n",
  }, created);

/** Debian: postgresql-<major> from apt.postgresql.org, and postgresql-common's wrappers. */
export function postgresDebianInstall(major: number, pgVersion: string, created: string): Layer {
  const from = `postgresql-${major} ${pgVersion}`;
  const bin = `/usr/lib/postgresql/${major}/bin`;
  const share = `/usr/share/postgresql/${major}`;
  const packages = [
    ...debStep("gnupg", "locales", "nss"),
    ...debs("postgresql-common=281.pgdg13+1 postgresql-client-common=281.pgdg13+1 libpq5=" + pgVersion, INFO),
    { name: `postgresql-${major}`, version: pgVersion, section: "database", description: `The World's Most Advanced Open Source Relational Database` },
    { name: `postgresql-client-${major}`, version: pgVersion, section: "database", description: `front-end programs for PostgreSQL ${major}` },
  ];
  const specs: Specs = {
    ...debianStatusFile("trixie", packages),
    ...programs(bin, [...SERVER_PROGRAMS, ...CLIENT_PROGRAMS], from),
    [`/usr/lib/postgresql/${major}/lib/plpgsql.so`]: library("plpgsql.so", from),
    [`${share}/postgresql.conf.sample`]: SAMPLE(PACKAGED_LISTEN),
    [`${share}/pg_hba.conf.sample`]: HBA_SAMPLE,
    [`${share}/pg_ident.conf.sample`]: IDENT_SAMPLE,
    [`${share}/extension/plpgsql.control`]: "# plpgsql extension\ncomment = 'PL/pgSQL procedural language'\ndefault_version = '1.0'\nmodule_pathname = '$libdir/plpgsql'\nrelocatable = false\nschema = pg_catalog\nsuperuser = true\ntrusted = true\n",
    "/usr/share/postgresql-common/pg_wrapper": script("#!/usr/bin/perl\n# pg_wrapper: runs the client program of the newest installed PostgreSQL version.\nexec(\"/usr/lib/postgresql/" + major + "/bin/\" . ($0 =~ s{.*/}{}r), @ARGV);\n"),
    "/etc/postgresql-common/createcluster.conf": "# Defaults for pg_createcluster. The image creates no cluster: the entrypoint runs initdb.\ncreate_main_cluster = false\n#start_conf = 'auto'\n#data_directory = '/var/lib/postgresql/%v/%c'\n",
    "/etc/apt/sources.list.d/pgdg.list": `deb [ signed-by=/usr/local/share/keyrings/postgres.gpg.asc ] http://apt.postgresql.org/pub/repos/apt trixie-pgdg main ${major}\n`,
    "/usr/lib/x86_64-linux-gnu/libpq.so.5": library("libpq.so.5", `libpq5 ${pgVersion}`),
    "/run/postgresql": dir(0o2775),
    "/var/log/postgresql": dir(0o1775),
  };
  for (const name of CLIENT_PROGRAMS.filter((p) => p !== "pg_config" && p !== "pgbench")) {
    specs[`/usr/bin/${name}`] = link("../share/postgresql-common/pg_wrapper");
  }
  return build(specs, created, { "/run/postgresql": [999, 999], "/var/log/postgresql": [0, 999] });
}

/** Debian: the sample moved aside with dpkg-divert, copied back and set to listen everywhere. */
export function postgresDivertSample(major: number, created: string): Layer {
  const share = "/usr/share/postgresql";
  return build({
    [`${share}/postgresql.conf.sample.dpkg`]: SAMPLE(PACKAGED_LISTEN),
    [`${share}/postgresql.conf.sample`]: SAMPLE(DOCKER_LISTEN),
    [`${share}/${major}/postgresql.conf.sample`]: link("../postgresql.conf.sample"),
    "/var/lib/dpkg/diversions": `${share}/${major}/postgresql.conf.sample\n${share}/postgresql.conf.sample.dpkg\n:\n`,
  }, created);
}

/** Alpine: the postgres user (uid 70, as Alpine's own package has it) and its home. */
export const postgresAlpineUser = (created: string): Layer =>
  build({
    ...alpineAccounts({
      passwd: [`postgres:x:70:70::${POSTGRES_HOME}:/bin/sh`],
      group: ["postgres:x:70:postgres"],
      shadow: ["postgres:!::0:::::"],
    }),
    [POSTGRES_HOME]: dir(0o1777),
  }, created, { [POSTGRES_HOME]: [70, 70] });

const ALPINE_RUNTIME: ApkPackage[] = [
  { name: "bash", version: "5.2.37-r0", description: "The GNU Bourne Again shell", url: "https://www.gnu.org/software/bash/bash.html", license: "GPL-3.0-or-later", files: ["bin/bash"] },
  { name: "icu-data-full", version: "76.1-r1", description: "Full ICU data", url: "https://icu.unicode.org/", license: "MIT AND ICU AND GPL-3.0-or-later WITH Autoconf-exception-3.0" },
  { name: "nss_wrapper", version: "1.1.16-r0", description: "A wrapper for the user, group and hosts NSS API", url: "https://cwrap.org/nss_wrapper.html", license: "BSD-3-Clause" },
  { name: "tzdata", version: "2025b-r0", description: "Timezone data", url: "https://www.iana.org/time-zones", license: "Public-Domain" },
  { name: "zstd", version: "1.5.7-r0", description: "Zstandard - Fast real-time compression algorithm", url: "https://www.zstd.net/", license: "BSD-3-Clause OR GPL-2.0-or-later", files: ["usr/bin/zstd"] },
];

/** Alpine: PostgreSQL 18 compiled into /usr/local, with the libraries and bash it runs with. */
export function postgresAlpineBuild(created: string): Layer {
  const from = "postgresql 18.0 (source build)";
  return build({
    ...apkDatabase("3.22.2", ALPINE_RUNTIME, [".postgresql-rundeps"]),
    ...programs("/usr/local/bin", [...SERVER_PROGRAMS, ...CLIENT_PROGRAMS], from),
    "/usr/local/lib/libpq.so.5": library("libpq.so.5", from),
    "/usr/local/lib/postgresql/plpgsql.so": library("plpgsql.so", from),
    "/usr/local/share/postgresql/postgresql.conf.sample": SAMPLE(PACKAGED_LISTEN),
    "/usr/local/share/postgresql/pg_hba.conf.sample": HBA_SAMPLE,
    "/usr/local/share/postgresql/pg_ident.conf.sample": IDENT_SAMPLE,
    "/bin/bash": program("bash", "bash 5.2.37"),
    "/usr/bin/zstd": program("zstd", "zstd 1.5.7"),
    "/usr/lib/libnss_wrapper.so": library("libnss_wrapper.so", "nss_wrapper 1.1.16"),
    ...zoneinfo(),
  }, created);
}

/** Alpine: the sample kept as .orig and set to listen on every address. */
export const postgresAlpineSample = (created: string): Layer =>
  build({
    "/usr/local/share/postgresql/postgresql.conf.sample.orig": SAMPLE(PACKAGED_LISTEN),
    "/usr/local/share/postgresql/postgresql.conf.sample": SAMPLE(DOCKER_LISTEN),
  }, created);

// /var/run is a link to /run on Debian and Alpine, so the socket directory is /run/postgresql.
export const postgresSocketDir = (uid: number, created: string): Layer =>
  build({ "/run/postgresql": dir(0o3777) }, created, { "/run/postgresql": [uid, uid] });

/** PGDATA, made by `install --directory`: parents root's, PGDATA the postgres user's, mode 1777. */
export function postgresDataDir(pgdata: string, uid: number, created: string): Layer {
  const owners: Owners = { [pgdata]: [uid, uid] };
  const specs: Specs = { [pgdata]: dir(0o1777) };
  // The home directory holds PGDATA; its entry travels with the layer, unchanged.
  if (pgdata.startsWith(`${POSTGRES_HOME}/`)) {
    specs[POSTGRES_HOME] = dir(0o1777);
    owners[POSTGRES_HOME] = [uid, uid];
  }
  return build(specs, created, owners);
}

export const postgresEntrypoints = (created: string): Layer =>
  build({
    "/usr/local/bin/docker-entrypoint.sh": script(POSTGRES_ENTRYPOINT),
    "/usr/local/bin/docker-ensure-initdb.sh": script(ENSURE_INITDB),
  }, created);

export const postgresEnforceLink = (created: string): Layer =>
  build({ "/usr/local/bin/docker-enforce-initdb.sh": link("docker-ensure-initdb.sh") }, created);
