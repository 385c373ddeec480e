// The least-privileged role the app connects as, on a server we administer (the embedded
// PostgreSQL, test servers): it owns the application's database and everything in it, so it can
// migrate, but it is no superuser and cannot create roles or databases. Extensions, which need a
// superuser, are created here first. A bank's own server is set up by its DBA (docs/operations.md).
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { migrationsFolder } from "./migrate";

type Options = {
  /** A superuser's URL (any database of the server). */
  adminUrl: string;
  database: string;
  role: string;
  password: string;
};

/** The extensions the committed migrations create, so a superuser can create them beforehand. */
export function migrationExtensions(folder = migrationsFolder): string[] {
  const names = new Set<string>();
  for (const file of readdirSync(folder).filter((f) => f.endsWith(".sql"))) {
    const sql = readFileSync(path.join(folder, file), "utf8");
    for (const match of sql.matchAll(/CREATE EXTENSION IF NOT EXISTS "?([a-z0-9_]+)"?/gi)) names.add(match[1]!);
  }
  return [...names];
}

/** Whether the URL's user may create roles and hand databases over (a superuser). */
export async function isSuperuser(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ super: boolean }>(
      "select rolsuper as super from pg_roles where rolname = current_user",
    );
    return rows[0]?.super === true;
  } finally {
    await client.end();
  }
}

function urlFor(adminUrl: string, database: string, role?: string, password?: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${encodeURIComponent(database)}`;
  if (role !== undefined) url.username = encodeURIComponent(role);
  if (password !== undefined) url.password = encodeURIComponent(password);
  return url.toString();
}

async function withClient<T>(url: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

// Statements that give `$1` everything the current user owns in this database outside the system
// schemas and extensions: tables (their indexes, triggers and column sequences follow), views,
// free sequences, functions, types and schemas. Only clusters made before the app role existed
// have any (the app's tables were then created by the superuser).
const HAND_OVER = `
  with me as (select oid from pg_roles where rolname = current_user),
  mine as (
    select 'pg_namespace'::regclass as classid, n.oid, format('ALTER SCHEMA %I', n.nspname) as target, n.oid as nsp
      from pg_namespace n where n.nspowner = (select oid from me)
    union all
    select 'pg_class'::regclass, c.oid,
           format('ALTER %s %s', case c.relkind when 'v' then 'VIEW' when 'm' then 'MATERIALIZED VIEW'
             when 'S' then 'SEQUENCE' when 'f' then 'FOREIGN TABLE' else 'TABLE' end, c.oid::regclass),
           c.relnamespace
      from pg_class c where c.relowner = (select oid from me) and c.relkind in ('r', 'p', 'v', 'm', 'S', 'f')
    union all
    select 'pg_proc'::regclass, p.oid, format('ALTER ROUTINE %s', p.oid::regprocedure), p.pronamespace
      from pg_proc p where p.proowner = (select oid from me)
    union all
    select 'pg_type'::regclass, t.oid,
           format('ALTER %s %s', case t.typtype when 'd' then 'DOMAIN' else 'TYPE' end, t.oid::regtype), t.typnamespace
      from pg_type t where t.typowner = (select oid from me) and t.typtype in ('e', 'd', 'r', 'c')
       and (t.typtype <> 'c' or (select relkind from pg_class where oid = t.typrelid) = 'c')
  )
  select format('%s OWNER TO %I', m.target, $1::text) as statement
    from mine m join pg_namespace n on n.oid = m.nsp
   where n.nspname not like 'pg\\_%' and n.nspname <> 'information_schema'
     -- extension members stay with the extension; column sequences follow their table
     and not exists (select 1 from pg_depend d where d.classid = m.classid and d.objid = m.oid
                       and d.deptype in ('e', 'a', 'i'))`;

/**
 * Creates (or updates) the role, makes it the owner of the database (created when missing) and
 * of everything the superuser made in it, and creates the migrations' extensions. Idempotent; the
 * role's password is set to `password` every time. Returns the URL the app connects with.
 */
export async function provisionAppDatabase(options: Options): Promise<string> {
  const { adminUrl, database, role, password } = options;
  await withClient(adminUrl, async (admin) => {
    const id = admin.escapeIdentifier(role);
    const attributes = `LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD ${admin.escapeLiteral(password)}`;
    const { rowCount: roleExists } = await admin.query("select 1 from pg_roles where rolname = $1", [role]);
    await admin.query(`${roleExists ? "ALTER" : "CREATE"} ROLE ${id} WITH ${attributes}`);
    const db = admin.escapeIdentifier(database);
    const { rowCount: dbExists } = await admin.query("select 1 from pg_database where datname = $1", [database]);
    await admin.query(dbExists ? `ALTER DATABASE ${db} OWNER TO ${id}` : `CREATE DATABASE ${db} OWNER ${id}`);
    // Only the owner (and superusers) connect; nothing else on the server needs to.
    await admin.query(`REVOKE ALL ON DATABASE ${db} FROM PUBLIC`);
  });
  await withClient(urlFor(adminUrl, database), async (admin) => {
    for (const extension of migrationExtensions())
      await admin.query(`CREATE EXTENSION IF NOT EXISTS ${admin.escapeIdentifier(extension)}`);
    await admin.query("begin");
    try {
      const { rows } = await admin.query<{ statement: string }>(HAND_OVER, [role]);
      for (const { statement } of rows) await admin.query(statement);
      await admin.query("commit");
    } catch (error) {
      await admin.query("rollback");
      throw error;
    }
  });
  return urlFor(adminUrl, database, role, password);
}

/** Removes a role made by provisionAppDatabase once its database is gone (tests). */
export async function dropRole(adminUrl: string, role: string): Promise<void> {
  await withClient(adminUrl, (admin) => admin.query(`DROP ROLE IF EXISTS ${admin.escapeIdentifier(role)}`));
}
