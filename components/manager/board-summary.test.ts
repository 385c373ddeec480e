import { describe, expect, it } from "vitest";
import { weekIsToday } from "./board-summary";

const period = (issued: number, exceptions: number) => ({
  issued,
  exceptions,
  needsAction: 0,
  medianSeconds: null,
  p90Seconds: null,
  byReason: [],
});

describe("the board's note that the last 7 days are today's figures", () => {
  it("is shown on a new system whose first cards came today, and only then", () => {
    expect(weekIsToday({ today: period(3, 1), week: period(3, 1) })).toBe(true);
    expect(weekIsToday({ today: period(3, 1), week: period(5, 1) })).toBe(false);
    // Nothing at all: both read zero, which needs no note.
    expect(weekIsToday({ today: period(0, 0), week: period(0, 0) })).toBe(false);
  });
});
