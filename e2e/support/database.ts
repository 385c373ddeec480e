// One statement against the run's database, for a journey that needs an id or a count the
// screens do not show (a customer's id, how many access-log rows a page view wrote).
import pg from "pg";
import { readRunInfo } from "./run-dir";

export async function query<T extends pg.QueryResultRow>(text: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: readRunInfo().databaseUrl });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}
