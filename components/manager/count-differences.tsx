import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import type { CountRecord } from "@/lib/board";
import { formatCalendarDate } from "@/lib/datetime";
import { signed } from "@/lib/stock/end-of-day";
import { Card } from "@/components/ui/card";
import { usePlaceName } from "./place-name";

/**
 * End-of-day counts that did not balance and that no manager has explained yet. A station's
 * difference of an earlier day holds the station (no card goes there) until it is explained on
 * the End of day page; the board keeps it in sight, with both people who counted.
 */
export function CountDifferences({ counts }: { counts: CountRecord[] }) {
  const t = useTranslations("Board");
  const locale = useLocale();
  const placeName = usePlaceName();
  if (counts.length === 0) return null;
  return (
    <Card
      title={t("differencesHeading")}
      headingId="count-differences-heading"
      description={t("differencesText")}
      className="min-w-0 border-red-300"
    >
      <ul className="space-y-2" data-testid="count-differences">
        {counts.map((c) => (
          <li key={c.id} className="rounded border border-red-200 bg-red-50 p-3 text-red-950">
            <p className="font-semibold">
              <span aria-hidden="true">⚠ </span>
              {t("differenceLine", {
                place: placeName(c),
                stockType: c.stockTypeName,
                day: formatCalendarDate(c.businessDate, locale),
                expected: c.expected,
                counted: c.counted,
                difference: signed(c.counted - c.expected),
              })}
            </p>
            <p className="text-sm">
              {t("countedBy", { countedBy: c.countedBy, confirmedBy: c.confirmedBy })}{" "}
              <Link href="/manager/end-of-day#explain" className="text-brand-700 underline">
                {t("explainLink")}
              </Link>
            </p>
          </li>
        ))}
      </ul>
    </Card>
  );
}
