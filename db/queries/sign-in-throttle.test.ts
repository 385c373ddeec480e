import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { clearFailures, lockedUntil, recordFailure } from "./sign-in-throttle";

const key = (name: string) => `account:${name}-${Math.random().toString(36).slice(2)}@test`;

describe("sign-in throttling", () => {
  afterAll(() => db.$client.end());

  it("locks a key after the maximum number of failures, not before", async () => {
    const k = key("lock");
    for (let i = 0; i < 4; i++) await recordFailure({ db, key: k, max: 5, lockMinutes: 15 });
    expect(await lockedUntil({ db, keys: [k] })).toBeNull();
    await recordFailure({ db, key: k, max: 5, lockMinutes: 15 });
    const until = await lockedUntil({ db, keys: [k] });
    expect(until).not.toBeNull();
    expect(until!.getTime() - Date.now()).toBeGreaterThan(14 * 60_000);
  });

  it("reports a lock on any of the keys (account or address)", async () => {
    const account = key("a");
    const address = `address:10.0.0.${Math.floor(Math.random() * 250)}`;
    await recordFailure({ db, key: address, max: 1, lockMinutes: 5 });
    expect(await lockedUntil({ db, keys: [account, address] })).not.toBeNull();
    await clearFailures({ db, key: address });
  });

  it("starts a new window once the old one has passed", async () => {
    const k = key("window");
    for (let i = 0; i < 4; i++) await recordFailure({ db, key: k, max: 5, lockMinutes: 15 });
    await db.execute(
      sql`update sign_in_throttle set window_started_at = now() - interval '16 minutes' where key = ${k}`,
    );
    await recordFailure({ db, key: k, max: 5, lockMinutes: 15 });
    const { rows } = await db.execute<{ failures: number }>(
      sql`select failures from sign_in_throttle where key = ${k}`,
    );
    expect(rows[0]?.failures).toBe(1);
    expect(await lockedUntil({ db, keys: [k] })).toBeNull();
  });

  it("clears an account's failures after a successful sign-in", async () => {
    const k = key("clear");
    await recordFailure({ db, key: k, max: 1, lockMinutes: 15 });
    expect(await lockedUntil({ db, keys: [k] })).not.toBeNull();
    await clearFailures({ db, key: k });
    expect(await lockedUntil({ db, keys: [k] })).toBeNull();
  });
});
