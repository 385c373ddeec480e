// A report period's name in the user's language: "Mon 30 Nov" / "Mo., 30. Nov." for a day,
// "Week 49 (30 Nov – 6 Dec)" / "KW 49 (30. Nov. – 6. Dez.)" for a week.
import { useLocale, useTranslations } from "next-intl";
import { periodParts } from "@/lib/reports/periods";
import type { ReportGrain } from "@/lib/validations/reports";

export function usePeriodLabel(): (period: string, grain: ReportGrain) => string {
  const t = useTranslations("Reports");
  const locale = useLocale();
  return (period, grain) => {
    const parts = periodParts(period, grain, locale);
    return "day" in parts ? parts.day : t("weekLabel", parts);
  };
}
