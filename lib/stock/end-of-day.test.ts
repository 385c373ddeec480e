import { describe, expect, it } from "vitest";
import { countableDays, placeLabel, previousDate, signed } from "./end-of-day";

describe("end-of-day words and days", () => {
  it("steps back over month and year ends and leap days", () => {
    expect(previousDate("2026-03-01")).toBe("2026-02-28");
    expect(previousDate("2028-03-01")).toBe("2028-02-29");
    expect(previousDate("2027-01-01")).toBe("2026-12-31");
    expect(countableDays("2026-12-01")).toEqual(["2026-12-01", "2026-11-30"]);
  });

  it("names places and signs movements as the breakdown shows them", () => {
    expect(placeLabel({ place: "vault", stationLabel: null })).toBe("Vault");
    expect(placeLabel({ place: "station", stationLabel: "Counter printer 1" })).toBe("Counter printer 1");
    expect(placeLabel({ place: "spoiled", stationLabel: null })).toBe("Spoiled cards");
    expect([signed(5), signed(-3), signed(0)]).toEqual(["+5", "−3", "0"]);
  });
});

describe("the history's days", () => {
  it("takes real calendar days only", async () => {
    const { stockCountHistorySchema } = await import("@/lib/validations/stock-count");
    expect(stockCountHistorySchema.safeParse({ from: "2026-02-28", to: "2028-02-29" }).success).toBe(true);
    expect(stockCountHistorySchema.safeParse({ from: "2026-02-30" }).success).toBe(false);
    expect(stockCountHistorySchema.safeParse({ to: "2026-13-01" }).success).toBe(false);
  });
});
