import { describe, expect, it } from "vitest";
import { isoWeek, periodCode, periodParts, periodsOf, weekStart } from "./periods";
import { pivot } from "./pivot";

describe("report periods", () => {
  it("starts weeks on Monday and numbers them as ISO 8601 does", () => {
    expect(weekStart("2026-11-29")).toBe("2026-11-23"); // a Sunday
    expect(weekStart("2026-11-30")).toBe("2026-11-30"); // a Monday
    expect(isoWeek("2026-11-30")).toEqual([2026, 49]);
    // 1 January 2027 is a Friday: it belongs to 2026's week 53.
    expect(isoWeek("2027-01-01")).toEqual([2026, 53]);
    expect(periodCode("2027-01-01", "week")).toBe("2026-W53");
    expect(periodParts("2026-11-30", "week")).toEqual({
      week: 49,
      from: { weekday: "mon", day: 30, month: "nov" },
      to: { weekday: "sun", day: 6, month: "dec" },
    });
    expect(periodParts("2026-11-30", "day")).toEqual({ day: { weekday: "mon", day: 30, month: "nov" } });
  });

  it("lists every day or every week that overlaps the range", () => {
    expect(periodsOf("2026-11-28", "2026-12-01", "day")).toEqual([
      "2026-11-28",
      "2026-11-29",
      "2026-11-30",
      "2026-12-01",
    ]);
    expect(periodsOf("2026-11-29", "2026-12-07", "week")).toEqual(["2026-11-23", "2026-11-30", "2026-12-07"]);
  });

  it("pivots rows into a table with totals, busiest first", () => {
    const table = pivot(
      [
        { period: "2026-11-30", key: "a", label: "Ann", count: 1 },
        { period: "2026-12-01", key: "b", label: "Bob", count: 3 },
        { period: "2026-12-01", key: "a", label: "Ann", count: 1 },
      ],
      ["2026-11-30", "2026-12-01"],
    );
    expect(table).toEqual({
      periods: ["2026-11-30", "2026-12-01"],
      rows: [
        { key: "b", label: "Bob", counts: [0, 3], total: 3 },
        { key: "a", label: "Ann", counts: [1, 1], total: 2 },
      ],
      totals: [1, 4],
      total: 5,
    });
  });
});
