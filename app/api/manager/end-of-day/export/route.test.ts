// The end-of-day history as CSV: the breakdown, both names and the explanation of each count of
// the manager's own branch, with a BOM and formula cells neutralised; nothing for anyone else.
import { afterAll, describe, expect, it, vi } from "vitest";
import { db } from "@/db";
import { insertStockRows } from "@/db/queries/stock";
import { insertCount } from "@/db/queries/stock-count";
import { stockTypes } from "@/db/schema";
import { makeBranch, makeStation, makeUser, uniq } from "@/db/testing/factories";
import { actAs } from "@/test-support/action-session";

vi.mock("@/lib/auth/session", () => import("@/test-support/action-session"));

const { GET } = await import("./route");

afterAll(() => db.$client.end());

const get = (query = "") => GET(new Request(`http://app.test/api/manager/end-of-day/export${query}`));

describe("GET /api/manager/end-of-day/export", () => {
  it("exports the branch's counts in a range, guarded, for its manager only", async () => {
    const branch = await makeBranch(db, { timezone: "Europe/Berlin" });
    const station = await makeStation(db, branch.id, { label: "Counter printer 1" });
    const manager = await makeUser(db, "manager", branch.id, { name: "Max Manager" });
    const teller = await makeUser(db, "teller", branch.id, { name: "Tara Teller" });
    const [type] = await db
      .insert(stockTypes)
      .values({ code: uniq("ST-"), name: "Visa blank" })
      .returning();
    const at = { branchId: branch.id, stockTypeId: type!.id, place: "station" as const, stationId: station.id };
    await insertStockRows({
      db,
      rows: [{ ...at, movement: "loaded", quantity: 100, at: new Date("2026-03-10T08:00:00Z") }],
    });
    await insertStockRows({
      db,
      rows: [{ ...at, movement: "produced", quantity: -6, at: new Date("2026-03-10T09:00:00Z") }],
    });
    await insertCount({
      db,
      count: {
        ...at,
        businessDate: "2026-03-10",
        expected: 94,
        counted: 93,
        countedBy: manager.id,
        confirmedBy: teller.id,
        explanation: '=HYPERLINK("http://x") one card under the tray',
        explainedBy: manager.id,
        explainedAt: new Date("2026-03-11T07:00:00Z"),
        at: new Date("2026-03-10T17:00:00Z"),
      },
    });

    actAs(manager);
    const response = await get("?from=2026-03-01&to=2026-03-31");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const bytes = Buffer.from(await response.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString("utf8");
    expect(text.startsWith('"business_date","place","stock_type","opening","received"')).toBe(true);
    const lines = text.trim().split("\r\n");
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(
      '"2026-03-10","Counter printer 1","Visa blank","0","0","100","-6","0","0","0","94","93","-1","Max Manager","Tara Teller"',
    );
    expect(lines[1]).toContain(`"'=HYPERLINK(""http://x"") one card under the tray","Max Manager"`);

    // Outside the range: the header alone.
    expect((await (await get("?from=2026-04-01&to=2026-04-30")).text()).trim().split("\r\n")).toHaveLength(1);
    expect((await get("?from=yesterday")).status).toBe(400);

    actAs(teller);
    expect((await get()).status).toBe(403);
    actAs(await makeUser(db, "manager", (await makeBranch(db)).id));
    expect((await get(`?branchId=${branch.id}`)).status).toBe(403);
  });
});
