import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/db";

describe("test database", () => {
  afterAll(() => db.$client.end());
  it("is migrated, with pg_trgm for typo-tolerant search", async () => {
    const { rows } = await db.execute<{ similar: boolean }>(
      sql`select similarity('jonathan', 'jonathon') > 0.4 as similar`,
    );
    expect(rows[0]?.similar).toBe(true);
  });
});
