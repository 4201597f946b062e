// The mysql images' layers on Oracle Linux 9 slim: the mysql user, gosu, the archive tools, the
// MySQL repository (key and .repo files), the minimal server package, MySQL Shell, entrypoint.
import { dir } from "../../fs/layer-builder.js";
import type { Layer } from "../../fs/layer.js";
import { oraclelinuxAccountFiles } from "./oraclelinux.js";
import { gosu } from "./package-files.js";
import { build, program, programs, script, shadowDay } from "./stub.js";

export const mysqlUser = (created: string): Layer =>
  build(oraclelinuxAccountFiles({
    passwd: ["mysql:x:999:999::/var/lib/mysql:/bin/bash"],
    group: ["mysql:x:999:"],
    shadow: [`mysql:!!:${shadowDay(created)}::::::`],
    gshadow: ["mysql:!::"],
  }), created);

export const mysqlGosu = (created: string): Layer => build(gosu("1.17"), created);

/** `microdnf install bzip2 gzip openssl xz zstd findutils`. */
export const mysqlArchiveTools = (created: string): Layer =>
  build({
    ...programs("/usr/bin", ["bzip2", "bunzip2", "bzcat"], "bzip2 1.0.8"),
    ...programs("/usr/bin", ["gzip", "gunzip", "zcat"], "gzip 1.12"),
    "/usr/bin/openssl": program("openssl", "openssl 3.2.2"),
    ...programs("/usr/bin", ["xz", "unxz", "xzcat"], "xz 5.2.5"),
    ...programs("/usr/bin", ["zstd", "unzstd", "zstdcat"], "zstd 1.5.5"),
    ...programs("/usr/bin", ["find", "xargs"], "findutils 4.8.0"),
    "/var/lib/rpm/rpmdb.sqlite": { file: "SQLite format 3\0", mode: 0o644 },
  }, created);

export const mysqlSigningKey = (created: string): Layer =>
  build({
    "/etc/pki/rpm-gpg/RPM-GPG-KEY-mysql": "-----BEGIN PGP PUBLIC KEY BLOCK-----\n(the playground keeps the key's name, not its contents)\n-----END PGP PUBLIC KEY BLOCK-----\n",
  }, created);

/** The .repo file the Dockerfile writes with echo, line for line. */
export function mysqlRepoFile(path: string, id: string, name: string, baseurl: string, created: string): Layer {
  return build({
    [path]: `[${id}]\nname=${name}\nbaseurl=${baseurl}\nenabled=1\ngpgcheck=1\ngpgkey=file:///etc/pki/rpm-gpg/RPM-GPG-KEY-mysql\nmodule_hotfixes=true\n`,
  }, created);
}

function myCnf(version: string): string {
  const series = version.split(".").slice(0, 2).join(".");
  const hostCache = series === "8.0" ? "skip-host-cache" : "host-cache-size=0";
  return `# MySQL server settings. Files in /etc/mysql/conf.d/, included at the end,
# override these; see https://dev.mysql.com/doc/refman/${series}/en/option-files.html

[mysqld]
#
# innodb_buffer_pool_size is the main data cache: most of the memory of a
# dedicated server (about 70%), much less on a shared one.
# innodb_buffer_pool_size = 128M
#
# The binary log is on by default; uncomment to turn it off.
# disable_log_bin
#
# innodb_log_buffer_size = 16M
# join_buffer_size = 256K
# sort_buffer_size = 256K
# read_rnd_buffer_size = 256K

${hostCache}
skip-name-resolve
datadir=/var/lib/mysql
socket=/var/run/mysqld/mysqld.sock
secure-file-priv=/var/lib/mysql-files
user=mysql

pid-file=/var/run/mysqld/mysqld.pid
[client]
socket=/var/run/mysqld/mysqld.sock

!includedir /etc/mysql/conf.d/
`;
}

/** The minimal server package and the Dockerfile's edits: my.cnf, data and socket directories. */
export function mysqlServer(version: string, created: string): Layer {
  const from = `mysql-community-server-minimal ${version}`;
  const clients = ["mysql", "mysqladmin", "mysqlbinlog", "mysqlcheck", "mysqldump", "mysqlimport", "mysqlshow", "mysqlslap", "mysql_config_editor", "mysql_tzinfo_to_sql", "my_print_defaults", "mysql_migrate_keyring", "ibd2sdi", "innochecksum", "myisamchk", "perror"];
  if (version.startsWith("8.0")) clients.push("mysqlpump", "mysql_upgrade", "mysql_ssl_rsa_setup");
  return build({
    "/usr/sbin/mysqld": program("mysqld", from),
    ...programs("/usr/bin", clients, from),
    "/etc/my.cnf": myCnf(version),
    "/etc/mysql/conf.d": dir(),
    // /var/run is a link to /run on Oracle Linux: the socket directory is really /run/mysqld.
    "/var/lib/mysql": dir(0o1777),
    "/run/mysqld": dir(0o1777),
    "/var/lib/mysql-files": dir(0o750),
    "/var/lib/mysql-keyring": dir(0o750),
    "/docker-entrypoint-initdb.d": dir(),
    "/var/lib/rpm/rpmdb.sqlite": { file: "SQLite format 3\0", mode: 0o644 },
  }, created, {
    "/var/lib/mysql": [999, 999], "/run/mysqld": [999, 999], "/var/lib/mysql-files": [999, 999], "/var/lib/mysql-keyring": [999, 999],
  });
}

export const mysqlShell = (version: string, created: string): Layer =>
  build({ "/usr/bin/mysqlsh": program("mysqlsh", `mysql-shell ${version}`) }, created);

// Our own, shorter script with the image's interface: the same variables (and their _FILE
// forms), the same initialisation steps and log lines, then mysqld as the mysql user.
const ENTRYPOINT = `#!/bin/bash
set -eo pipefail
shopt -s nullglob

mysql_log() {
	local type="$1"; shift
	printf '%s [%s] [Entrypoint]: %s\\n' "$(date --rfc-3339=seconds)" "$type" "$*"
}
mysql_note() { mysql_log Note "$@"; }
mysql_warn() { mysql_log Warn "$@" >&2; }
mysql_error() { mysql_log ERROR "$@" >&2; exit 1; }

# file_env VAR [DEFAULT]: VAR's value, or the contents of the file named by VAR_FILE.
file_env() {
	local var="$1" fileVar="\${1}_FILE" def="\${2:-}"
	if [ "\${!var:-}" ] && [ "\${!fileVar:-}" ]; then
		mysql_error "Both $var and $fileVar are set (but are exclusive)"
	fi
	local val="$def"
	if [ "\${!var:-}" ]; then
		val="\${!var}"
	elif [ "\${!fileVar:-}" ]; then
		val="$(< "\${!fileVar}")"
	fi
	export "$var"="$val"
	unset "$fileVar"
}

docker_process_sql() {
	mysql --protocol=socket -uroot -hlocalhost --socket=/var/run/mysqld/mysqld.sock --comments "$@"
}

docker_process_init_files() {
	local f
	for f; do
		case "$f" in
			*.sh) mysql_note "$0: running $f"; . "$f" ;;
			*.sql) mysql_note "$0: running $f"; docker_process_sql < "$f" ;;
			*.sql.gz) mysql_note "$0: running $f"; gunzip -c "$f" | docker_process_sql ;;
			*) mysql_warn "$0: ignoring $f" ;;
		esac
	done
}

docker_init_database() {
	file_env MYSQL_ROOT_PASSWORD
	file_env MYSQL_DATABASE
	file_env MYSQL_USER
	file_env MYSQL_PASSWORD
	if [ -z "$MYSQL_ROOT_PASSWORD" ] && [ -z "\${MYSQL_ALLOW_EMPTY_PASSWORD:-}" ] && [ -z "\${MYSQL_RANDOM_ROOT_PASSWORD:-}" ]; then
		mysql_error $'Database is uninitialized and password option is not specified\\n\\tYou need to specify one of the following as an environment variable:\\n\\t- MYSQL_ROOT_PASSWORD\\n\\t- MYSQL_ALLOW_EMPTY_PASSWORD\\n\\t- MYSQL_RANDOM_ROOT_PASSWORD'
	fi
	mysql_note "Initializing database files"
	"$@" --initialize-insecure --default-time-zone=SYSTEM
	mysql_note "Database files initialized"

	mysql_note "Starting temporary server"
	"$@" --skip-networking --default-time-zone=SYSTEM --socket=/var/run/mysqld/mysqld.sock --daemonize
	mysql_note "Temporary server started."

	if [ -n "\${MYSQL_RANDOM_ROOT_PASSWORD:-}" ]; then
		MYSQL_ROOT_PASSWORD="$(openssl rand -base64 24)"
		mysql_note "GENERATED ROOT PASSWORD: $MYSQL_ROOT_PASSWORD"
	fi
	docker_process_sql --database=mysql <<-EOSQL
		SET @@SESSION.SQL_LOG_BIN=0;
		ALTER USER 'root'@'localhost' IDENTIFIED BY '\${MYSQL_ROOT_PASSWORD}';
		CREATE USER IF NOT EXISTS 'root'@'%' IDENTIFIED BY '\${MYSQL_ROOT_PASSWORD}';
		GRANT ALL ON *.* TO 'root'@'%' WITH GRANT OPTION;
	EOSQL
	if [ -n "$MYSQL_DATABASE" ]; then
		mysql_note "Creating database \${MYSQL_DATABASE}"
		docker_process_sql --password="$MYSQL_ROOT_PASSWORD" <<< "CREATE DATABASE IF NOT EXISTS \\\`$MYSQL_DATABASE\\\`;"
	fi
	if [ -n "$MYSQL_USER" ] && [ -n "$MYSQL_PASSWORD" ]; then
		mysql_note "Creating user \${MYSQL_USER}"
		docker_process_sql --password="$MYSQL_ROOT_PASSWORD" <<< "CREATE USER '$MYSQL_USER'@'%' IDENTIFIED BY '$MYSQL_PASSWORD';"
		if [ -n "$MYSQL_DATABASE" ]; then
			mysql_note "Giving user \${MYSQL_USER} access to schema \${MYSQL_DATABASE}"
			docker_process_sql --password="$MYSQL_ROOT_PASSWORD" <<< "GRANT ALL ON \\\`$MYSQL_DATABASE\\\`.* TO '$MYSQL_USER'@'%';"
		fi
	fi
	docker_process_init_files /docker-entrypoint-initdb.d/*

	mysql_note "Stopping temporary server"
	mysqladmin --password="$MYSQL_ROOT_PASSWORD" shutdown -uroot --socket=/var/run/mysqld/mysqld.sock
	mysql_note "Temporary server stopped"
	echo
	mysql_note "MySQL init process done. Ready for start up."
	echo
}

# Options alone are options for mysqld.
if [ "\${1:0:1}" = '-' ]; then
	set -- mysqld "$@"
fi

if [ "$1" = 'mysqld' ]; then
	mysql_note "Entrypoint script for MySQL Server \${MYSQL_VERSION} started."
	if [ "$(id -u)" = '0' ]; then
		mysql_note "Switching to dedicated user 'mysql'"
		exec gosu mysql "$BASH_SOURCE" "$@"
	fi
	if [ ! -d /var/lib/mysql/mysql ]; then
		docker_init_database "$@"
	fi
fi

exec "$@"
`;

export const mysqlEntrypoint = (created: string): Layer =>
  build({ "/usr/local/bin/docker-entrypoint.sh": script(ENTRYPOINT) }, created);
