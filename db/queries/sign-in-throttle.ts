import { inArray, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { signInThrottle } from "@/db/schema";

/** The time until which any of the keys is locked, or null. */
export async function lockedUntil({ db, keys }: { db: Executor; keys: string[] }): Promise<Date | null> {
  const [row] = await db
    .select({ until: sql<Date | null>`max(${signInThrottle.lockedUntil})` })
    .from(signInThrottle)
    .where(sql`${inArray(signInThrottle.key, keys)} and ${signInThrottle.lockedUntil} > now()`);
  return row?.until ? new Date(row.until) : null;
}

/** Counts a failure in a sliding window; locks the key once it reaches `max` failures. */
export async function recordFailure({
  db,
  key,
  max,
  lockMinutes,
}: {
  db: Executor;
  key: string;
  max: number;
  lockMinutes: number;
}) {
  const window = sql`make_interval(mins => ${lockMinutes})`;
  await db.execute(sql`
    insert into sign_in_throttle (key, failures, window_started_at, locked_until)
    values (${key}, 1, now(), case when 1 >= ${max} then now() + ${window} end)
    on conflict (key) do update set
      failures = case when sign_in_throttle.window_started_at < now() - ${window} then 1
                      else sign_in_throttle.failures + 1 end,
      window_started_at = case when sign_in_throttle.window_started_at < now() - ${window} then now()
                               else sign_in_throttle.window_started_at end,
      locked_until = case
        when (case when sign_in_throttle.window_started_at < now() - ${window} then 1
                   else sign_in_throttle.failures + 1 end) >= ${max}
        then now() + ${window} else sign_in_throttle.locked_until end`);
}

export async function clearFailures({ db, key }: { db: Executor; key: string }) {
  await db.delete(signInThrottle).where(inArray(signInThrottle.key, [key]));
}
