// A report period's name in the user's language: "Mon 30 Nov" / "Mo., 30. Nov." for a day,
// "Week 49 (30 Nov – 6 Dec)" / "KW 49 (30. Nov. – 6. Dez.)" for a week; the names are the
// messages' (lib/calendar-day.ts), so server and browser print the same.
import { useTranslations } from "next-intl";
import { calendarDayText } from "@/lib/calendar-day";
import { periodParts } from "@/lib/reports/periods";
import type { ReportGrain } from "@/lib/validations/reports";

export function usePeriodLabel(): (period: string, grain: ReportGrain) => string {
  const t = useTranslations("Reports");
  const v = useTranslations("Vocab");
  return (period, grain) => {
    const parts = periodParts(period, grain);
    if ("day" in parts) return calendarDayText(parts.day, v);
    const short = { weekday: false };
    return t("weekLabel", {
      week: parts.week,
      from: calendarDayText(parts.from, v, short),
      to: calendarDayText(parts.to, v, short),
    });
  };
}
