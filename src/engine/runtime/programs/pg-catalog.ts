// The system catalog as psql's backslash commands read it. psql answers \dt, \d, \l and \du by
// querying pg_catalog; the SQL model has no catalog tables, so the server recognises those
// queries by the catalog relations they read and answers them from the cluster. The shapes are
// the ones psql 16+ sends (\dt's relkind filter, \du's "Role name"/"Attributes"), so a real psql
// on the host gets the same answers as the playground's.
import type { Cluster, ResultSet } from "./sql-engine.js";
import { SqlError } from "./sql-parse.js";

const text = (names: string[]) => names.map((name) => ({ name, numeric: false }));

/** The table a `'name'::regclass` in the query names, without schema or quotes. */
function regclass(sql: string): string | undefined {
  return /'(?:public\.)?"?([^'"]+)"?'::(?:pg_catalog\.)?regclass/i.exec(sql)?.[1];
}

/** The catalog's answer to a query; undefined when the query reads no catalog table. */
export function catalogQuery(sql: string, cluster: Cluster, database: string): ResultSet | undefined {
  if (!/\bpg_catalog\.pg_/i.test(sql)) return undefined;
  const tables = cluster.databases[database]?.tables ?? {};
  const owner = cluster.roles[0] ?? "postgres";
  if (/\bpg_catalog\.pg_attribute\b/i.test(sql)) {
    const name = regclass(sql) ?? "";
    const table = tables[name];
    return {
      columns: text(["Column", "Type", "Collation", "Nullable", "Default"]),
      rows: (table?.columns ?? []).map((c) => [c.name, c.type, null, c.notNull ? "not null" : null, c.serial ? `nextval('${name}_${c.name}_seq'::regclass)` : null]),
    };
  }
  if (/\bpg_catalog\.pg_index\b/i.test(sql)) {
    const name = regclass(sql) ?? "";
    const keys = (tables[name]?.columns ?? []).filter((c) => c.primaryKey).map((c) => c.name);
    return {
      columns: text(["relname", "indisprimary", "pg_get_indexdef"]),
      rows: keys.length > 0 ? [[`${name}_pkey`, "t", `CREATE UNIQUE INDEX ${name}_pkey ON public.${name} USING btree (${keys.join(", ")})`]] : [],
    };
  }
  if (/\bpg_catalog\.pg_database\b/i.test(sql)) {
    return {
      columns: text(["Name", "Owner", "Encoding", "Locale Provider", "Collate", "Ctype", "Locale", "ICU Rules", "Access privileges"]),
      rows: Object.keys(cluster.databases).sort().map((d) => [d, owner, "UTF8", "libc", "en_US.utf8", "en_US.utf8", null, null, d.startsWith("template") ? `=c/${owner}` : null]),
    };
  }
  if (/\bpg_catalog\.pg_roles\b/i.test(sql)) {
    if (/"Role name"/.test(sql)) {
      return { columns: text(["Role name", "Attributes"]), rows: cluster.roles.map((r, i) => [r, i === 0 ? "Superuser, Create role, Create DB, Replication, Bypass RLS" : ""]) };
    }
    // psql up to 15 reads the flags and spells out the attributes itself.
    const flags = ["rolsuper", "rolinherit", "rolcreaterole", "rolcreatedb", "rolcanlogin"];
    return {
      columns: [...text(["rolname", ...flags]), { name: "rolconnlimit", numeric: true }, ...text(["rolvaliduntil", "memberof", "rolreplication", "rolbypassrls"])],
      rows: cluster.roles.map((r, i) => (i === 0 ? [r, "t", "t", "t", "t", "t", "-1", null, "{}", "t", "t"] : [r, "f", "t", "f", "f", "t", "-1", null, "{}", "f", "f"])),
    };
  }
  if (/\bpg_catalog\.pg_class\b/i.test(sql) && /relkind\s+IN\s*\(/i.test(sql)) {
    return { columns: text(["Schema", "Name", "Type", "Owner"]), rows: Object.keys(tables).sort().map((t) => ["public", t, "table", owner]) };
  }
  // Any other catalog query (a real psql's \d, an ORM's introspection) is beyond the model.
  throw new SqlError("this catalog query is not supported by the playground's postgres");
}
