// A fresh, migrated database for one test run: on the server in TEST_DATABASE_URL when set,
// else on a throwaway embedded PostgreSQL. Refuses anything but a local server, so a test run
// can never touch a bank's database. Where the server's user is a superuser, the app (and the
// tests) connect as a role of their own that owns the database and is no superuser, as under
// npm start, so a migration or query that needs more than that fails here first.
import { randomBytes } from "node:crypto";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { dropRole, isSuperuser, provisionAppDatabase } from "../app-role";
import { POSTGRES_MAJORS, startEmbeddedPostgres, type PostgresMajor } from "../embedded";
import { migrateDatabase } from "../migrate";

export type TestDatabase = {
  url: string;
  /** A URL of the same server's maintenance database, to create more databases. */
  serverUrl: string;
  dispose: () => Promise<void>;
};

const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "::1", "[::1]", ""]);

export function assertLocalDatabaseUrl(url: string): void {
  const host = new URL(url).hostname;
  if (!LOCAL_HOSTS.has(host)) {
    throw new Error(`Refusing to run tests against a non-local database (${host}).`);
  }
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const address = srv.address();
      const port = typeof address === "object" && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/**
 * The PostgreSQL major version a test run asks for in TEST_PG_VERSION (15 or 18; 18 when unset):
 * the embedded server's version, or what the server at TEST_DATABASE_URL must be.
 */
export function testPostgresMajor(value = process.env.TEST_PG_VERSION): PostgresMajor | undefined {
  if (value === undefined || value === "") return undefined;
  const major = POSTGRES_MAJORS.find((m) => m === value);
  if (!major) throw new Error(`TEST_PG_VERSION must be one of ${POSTGRES_MAJORS.join(", ")}, not "${value}".`);
  return major;
}

/** Refuses a given server whose major version is not the one the run asked for. */
async function assertServerMajor(url: string, major: PostgresMajor): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ v: string }>("select current_setting('server_version_num') as v");
    const actual = String(Math.floor(Number(rows[0]?.v) / 10_000));
    if (actual !== major) throw new Error(`TEST_PG_VERSION is ${major} but the server is PostgreSQL ${actual}.`);
  } finally {
    await client.end();
  }
}

async function createDatabase(adminUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
}

async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

/**
 * Creates and migrates a new database on a running local server. The URL is that of a role of
 * the same name that owns the database when the server's user may make one (a superuser), else
 * the server's own user.
 */
export async function createDatabaseOn(serverUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
  assertLocalDatabaseUrl(serverUrl);
  const name = `bii_test_${Date.now().toString(36)}_${randomBytes(3).toString("hex")}`;
  let url: string;
  let drop: () => Promise<void>;
  if (await isSuperuser(serverUrl)) {
    const password = randomBytes(18).toString("base64url");
    url = await provisionAppDatabase({ adminUrl: serverUrl, database: name, role: name, password });
    drop = async () => {
      await dropDatabase(serverUrl, name);
      await dropRole(serverUrl, name);
    };
  } else {
    await createDatabase(serverUrl, name);
    url = Object.assign(new URL(serverUrl), { pathname: `/${name}` }).toString();
    drop = () => dropDatabase(serverUrl, name);
  }
  try {
    await migrateDatabase(url);
  } catch (error) {
    await drop();
    throw error;
  }
  return { url, drop };
}

export async function createTestDatabase(serverUrl?: string, major = testPostgresMajor()): Promise<TestDatabase> {
  if (serverUrl) {
    assertLocalDatabaseUrl(serverUrl);
    if (major) await assertServerMajor(serverUrl, major);
    const created = await createDatabaseOn(serverUrl);
    return { url: created.url, serverUrl, dispose: created.drop };
  }
  const dir = path.join(tmpdir(), `bii-pg-${Date.now().toString(36)}-${randomBytes(3).toString("hex")}`);
  const server = await startEmbeddedPostgres({ dir, port: await freePort(), persistent: false, major });
  try {
    const created = await createDatabaseOn(server.url("postgres"));
    return { url: created.url, serverUrl: server.url("postgres"), dispose: () => server.stop() };
  } catch (error) {
    await server.stop();
    throw error;
  }
}
