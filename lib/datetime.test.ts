import { describe, expect, it } from "vitest";
import {
  formatCalendarDate,
  formatDate,
  formatDateTime,
  formatTime,
  formatTimeWithSeconds,
  startOfDayIn,
} from "./datetime";

describe("dates and times in the branch's zone, one format", () => {
  it("shows a UTC instant in Europe/Berlin, 24-hour, day first", () => {
    const at = "2026-11-30T05:17:13Z";
    expect(formatDateTime(at, "Europe/Berlin")).toBe("30.11.2026 06:17");
    expect(formatTime(at, "Europe/Berlin")).toBe("06:17");
    expect(formatTimeWithSeconds(at, "Europe/Berlin")).toBe("06:17:13");
    // Summer time, and a date that is another day in the branch than in UTC.
    expect(formatDateTime("2026-07-01T22:30:00Z", "Europe/Berlin")).toBe("02.07.2026 00:30");
    expect(formatDate(new Date("2026-07-01T22:30:00Z"), "UTC")).toBe("01.07.2026");
  });

  it("prints the same whatever zone and language the process runs in (server and browser alike)", () => {
    // The browser's zone and locale must not leak in: the result depends on the arguments only.
    const before = process.env.TZ;
    const results = ["America/New_York", "Asia/Tokyo", "UTC"].map((tz) => {
      process.env.TZ = tz;
      return formatDateTime(new Date(Date.UTC(2026, 10, 30, 13, 5)), "Europe/Berlin");
    });
    process.env.TZ = before;
    expect(results).toEqual(["30.11.2026 14:05", "30.11.2026 14:05", "30.11.2026 14:05"]);
  });

  it("starts the branch's day at its own midnight, also on days the clocks change", () => {
    expect(startOfDayIn("Europe/Berlin", new Date("2026-11-30T05:00:00Z")).toISOString()).toBe(
      "2026-11-29T23:00:00.000Z",
    );
    // 00:30 in Berlin is still the previous day in UTC.
    expect(startOfDayIn("Europe/Berlin", new Date("2026-07-01T22:30:00Z")).toISOString()).toBe(
      "2026-07-01T22:00:00.000Z",
    );
    // 29 March 2026: Berlin moves from +01:00 to +02:00 at 02:00; midnight was still +01:00.
    expect(startOfDayIn("Europe/Berlin", new Date("2026-03-29T12:00:00Z")).toISOString()).toBe(
      "2026-03-28T23:00:00.000Z",
    );
    expect(startOfDayIn("America/New_York", new Date("2026-11-30T03:00:00Z")).toISOString()).toBe(
      "2026-11-29T05:00:00.000Z",
    );
  });

  it("shows a calendar date (a date of birth) in the same format, without shifting it by a zone", () => {
    expect(formatCalendarDate("1977-05-03")).toBe("03.05.1977");
  });
});

describe("dates in the user's language", () => {
  const at = "2026-11-30T13:05:00Z";
  it("orders and separates the date as the language does, in the branch's zone, always 24-hour", () => {
    expect(formatDateTime(at, "Europe/Berlin", "de")).toBe("30.11.2026 14:05");
    expect(formatDateTime(at, "Europe/Berlin", "en")).toBe("30/11/2026 14:05");
    // A language added later formats itself: American English puts the month first.
    expect(formatDate(at, "Europe/Berlin", "en-US")).toBe("11/30/2026");
    expect(formatCalendarDate("1977-05-03", "en")).toBe("03/05/1977");
    expect(formatCalendarDate("1977-05-03", "de")).toBe("03.05.1977");
  });

  it("never changes the zone with the language", () => {
    expect(formatDateTime("2026-07-01T22:30:00Z", "Europe/Berlin", "en")).toBe("02/07/2026 00:30");
    expect(formatDateTime("2026-07-01T22:30:00Z", "UTC", "de")).toBe("01.07.2026 22:30");
  });

  it("falls back to the branches' format for a tag Intl does not accept", () => {
    expect(formatDate(at, "Europe/Berlin", "not a language")).toBe("30.11.2026");
  });
});
