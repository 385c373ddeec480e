import { createTranslator } from "next-intl";
import { afterEach, describe, expect, it, vi } from "vitest";
import { MESSAGES } from "@/lib/i18n/messages";
import { calendarDay, calendarDayText } from "./calendar-day";

const words = (locale: "en" | "de") =>
  createTranslator({ locale, messages: { Vocab: MESSAGES[locale].Vocab }, namespace: "Vocab" });

describe("a calendar day's short name", () => {
  afterEach(() => vi.restoreAllMocks());

  it("reads the day from its date alone", () => {
    expect(calendarDay("2026-11-30")).toEqual({ weekday: "mon", day: 30, month: "nov" });
    expect(calendarDay("2027-01-03")).toEqual({ weekday: "sun", day: 3, month: "jan" });
  });

  it("says it in English and German with the messages' names", () => {
    expect(calendarDayText("2026-11-30", words("en"))).toBe("Mon 30 Nov");
    expect(calendarDayText("2026-11-30", words("de"))).toBe("Mo., 30. Nov.");
    expect(calendarDayText("2026-12-06", words("de"), { weekday: false })).toBe("6. Dez.");
    expect(calendarDayText("2026-09-07", words("en"))).toBe("Mon 7 Sep");
  });

  it("prints the same characters whatever the runtime's ICU names (server and browser differ: Sep/Sept)", () => {
    // Another ICU's month and weekday names: the label must not change with them.
    vi.spyOn(Date.prototype, "toLocaleDateString").mockReturnValue("ICU words");
    vi.spyOn(Intl, "DateTimeFormat").mockImplementation(() => {
      throw new Error("Intl's calendar names differ between server and browser");
    });
    expect(calendarDayText("2026-09-07", words("en"))).toBe("Mon 7 Sep");
    expect(calendarDayText("2026-09-07", words("de"))).toBe("Mo., 7. Sept.");
  });
});
