// psql's backslash commands as the catalog queries real psql sends for them (shortened where
// psql's own are long, keeping the relations and columns the server's catalog answers from):
// \dt, \d TABLE, \l and \du each become a query, and the answer is printed with a title.
import type { PgClient } from "./pg-client.js";
import type { ResultSet } from "./sql-engine.js";

export interface Described {
  title: string;
  set: ResultSet;
  footer?: string;
}

const TABLES =
  "SELECT n.nspname as \"Schema\", c.relname as \"Name\", CASE c.relkind WHEN 'r' THEN 'table' WHEN 'p' THEN 'partitioned table' END as \"Type\", " +
  "pg_catalog.pg_get_userbyid(c.relowner) as \"Owner\" FROM pg_catalog.pg_class c LEFT JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace " +
  "WHERE c.relkind IN ('r','p','') AND n.nspname <> 'pg_catalog' AND n.nspname !~ '^pg_toast' AND n.nspname <> 'information_schema' " +
  "AND pg_catalog.pg_table_is_visible(c.oid) ORDER BY 1,2;";

const DATABASES =
  'SELECT d.datname as "Name", pg_catalog.pg_get_userbyid(d.datdba) as "Owner", pg_catalog.pg_encoding_to_char(d.encoding) as "Encoding", ' +
  "CASE d.datlocprovider WHEN 'b' THEN 'builtin' WHEN 'c' THEN 'libc' WHEN 'i' THEN 'icu' END AS \"Locale Provider\", d.datcollate as \"Collate\", " +
  'd.datctype as "Ctype", d.datlocale as "Locale", d.daticurules as "ICU Rules", pg_catalog.array_to_string(d.datacl, E\'\\n\') AS "Access privileges" ' +
  "FROM pg_catalog.pg_database d ORDER BY 1;";

const ROLES =
  "SELECT r.rolname AS \"Role name\", CASE WHEN r.rolsuper THEN 'Superuser' END AS \"Attributes\" FROM pg_catalog.pg_roles r WHERE r.rolname !~ '^pg_' ORDER BY 1;";

const quoted = (name: string) => `'${name.replace(/'/g, "''")}'`;

const COLUMNS = (table: string) =>
  'SELECT a.attname AS "Column", pg_catalog.format_type(a.atttypid, a.atttypmod) AS "Type", ' +
  '(SELECT c.collname FROM pg_catalog.pg_collation c WHERE c.oid = a.attcollation) AS "Collation", ' +
  "CASE WHEN a.attnotnull THEN 'not null' END AS \"Nullable\", pg_catalog.pg_get_expr(d.adbin, d.adrelid, true) AS \"Default\" " +
  "FROM pg_catalog.pg_attribute a LEFT JOIN pg_catalog.pg_attrdef d ON (a.attrelid, a.attnum) = (d.adrelid, d.adnum) " +
  `WHERE a.attrelid = ${quoted(table)}::pg_catalog.regclass AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum;`;

const INDEXES = (table: string) =>
  "SELECT c2.relname, i.indisprimary, pg_catalog.pg_get_indexdef(i.indexrelid, 0, true) " +
  "FROM pg_catalog.pg_class c, pg_catalog.pg_class c2, pg_catalog.pg_index i " +
  `WHERE c.oid = ${quoted(table)}::pg_catalog.regclass AND c.oid = i.indrelid AND i.indexrelid = c2.oid ORDER BY i.indisprimary DESC, c2.relname;`;

async function rows(client: PgClient, sql: string): Promise<ResultSet | undefined> {
  return (await client.query(sql)).results[0]?.result;
}

/** \dt, \l, \du: one query, one titled table. */
export async function describeList(client: PgClient, what: "tables" | "databases" | "roles"): Promise<Described | undefined> {
  const sql = { tables: TABLES, databases: DATABASES, roles: ROLES }[what];
  const set = await rows(client, sql);
  const title = { tables: "List of tables", databases: "List of databases", roles: "List of roles" }[what];
  return set && { title, set };
}

/** \d TABLE: its columns, and its indexes as the footer. */
export async function describeTable(client: PgClient, table: string): Promise<Described | undefined> {
  const set = await rows(client, COLUMNS(table));
  if (!set || set.rows.length === 0) return undefined;
  const indexes = (await rows(client, INDEXES(table)))?.rows ?? [];
  const lines = indexes.map(([name, primary, definition]) => `    "${name ?? ""}"${primary === "t" ? " PRIMARY KEY," : ""} ${(definition ?? "").replace(/^.* USING /, "")}\n`);
  return { title: `Table "public.${table}"`, set, ...(lines.length > 0 ? { footer: `Indexes:\n${lines.join("")}` } : {}) };
}
