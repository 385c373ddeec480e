// A fresh, migrated database for one test run: on the server in TEST_DATABASE_URL when set,
// else on a throwaway embedded PostgreSQL. Refuses anything but a local server, so a test run
// can never touch a bank's database.
import { randomBytes } from "node:crypto";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { startEmbeddedPostgres } from "../embedded";
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

/** Creates and migrates a new database on a running local server. */
export async function createDatabaseOn(serverUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
  assertLocalDatabaseUrl(serverUrl);
  const name = `bii_test_${Date.now().toString(36)}_${randomBytes(3).toString("hex")}`;
  await createDatabase(serverUrl, name);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  await migrateDatabase(url.toString());
  return { url: url.toString(), drop: () => dropDatabase(serverUrl, name) };
}

export async function createTestDatabase(serverUrl?: string): Promise<TestDatabase> {
  if (serverUrl) {
    const created = await createDatabaseOn(serverUrl);
    return { url: created.url, serverUrl, dispose: created.drop };
  }
  const dir = path.join(tmpdir(), `bii-pg-${Date.now().toString(36)}-${randomBytes(3).toString("hex")}`);
  const server = await startEmbeddedPostgres({ dir, port: await freePort(), persistent: false });
  try {
    const created = await createDatabaseOn(server.url("postgres"));
    return { url: created.url, serverUrl: server.url("postgres"), dispose: () => server.stop() };
  } catch (error) {
    await server.stop();
    throw error;
  }
}
