// The scrape-time count of card requests: open ones whatever their age, finished ones of the last
// day, customers' cards only (a station's test card is no card request).
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { makeCounter, makeJob } from "@/db/testing/factories";
import { cardRequestCounts } from "./metrics";

describe("card requests by state for /api/metrics", () => {
  it("counts open and recently finished customer requests, not old ones or test cards", async () => {
    const counter = await makeCounter(db);
    await makeJob(db, counter, { state: "requested" });
    await makeJob(db, counter, { state: "done", completedAt: new Date() });
    const old = await makeJob(db, counter, { state: "done" });
    await db.execute(sql`update issuance_jobs set completed_at = now() - interval '3 days' where id = ${old.id}::uuid`);
    await makeJob(db, counter, { state: "requested", purpose: "station_test", customerId: null });
    const mine = (await cardRequestCounts({ db })).filter((r) => r.station === counter.station.persoStation);
    expect(mine.sort((x, y) => x.state.localeCompare(y.state))).toEqual([
      expect.objectContaining({ state: "done", n: 1 }),
      expect.objectContaining({ state: "requested", n: 1 }),
    ]);
  });
});
