import { useTranslations } from "next-intl";
import type { DayStats } from "@/db/queries/branch-stats";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow, TableRowHead } from "@/components/ui/table";
import { calendarDayText } from "@/lib/calendar-day";

/**
 * "Mon 30 Nov" / "Mo., 30. Nov.": a calendar day (already the branch's) in the user's language,
 * from the messages' names, never Intl's: this renders in the browser too (branch-board.tsx).
 */
export function useDayName(): (day: string) => string {
  const v = useTranslations("Vocab");
  return (day) => calendarDayText(day, v);
}

const HATCH = "repeating-linear-gradient(45deg, transparent 0 3px, rgba(255,255,255,.55) 3px 5px)";

/**
 * Cards produced and exceptions per day as CSS bars. The bars are hidden from screen readers; the
 * same numbers are in the table below them, which is the chart's text alternative. The number
 * over a bar is the cards produced, the same count as the "Cards produced" tile; exceptions are
 * the hatched part on top, counted apart in the table.
 */
export function BoardChart({ days }: { days: DayStats[] }) {
  const t = useTranslations("Board");
  const dayName = useDayName();
  const max = Math.max(1, ...days.map((d) => d.issued + d.exceptions));
  return (
    <figure aria-labelledby="chart-caption">
      <figcaption id="chart-caption" className="mb-2 text-sm font-semibold">
        {t("chartCaption")}
      </figcaption>
      <div aria-hidden className="flex h-40 items-end gap-2 border-b border-slate-300 pb-1">
        {days.map((d) => (
          <div key={d.day} className="flex h-full flex-1 flex-col items-center justify-end gap-0.5">
            <span className="text-xs text-slate-700">{d.issued || ""}</span>
            {/* Exceptions are hatched as well as red, so they differ without colour. */}
            <div
              className="w-full max-w-12 rounded-t bg-red-700"
              style={{ height: `${(d.exceptions / max) * 100}%`, backgroundImage: HATCH }}
            />
            <div className="w-full max-w-12 bg-brand-600" style={{ height: `${(d.issued / max) * 100}%` }} />
          </div>
        ))}
      </div>
      <div aria-hidden className="mt-1 flex gap-2">
        {days.map((d) => (
          <span key={d.day} className="flex-1 text-center text-xs text-slate-700">
            {dayName(d.day)}
          </span>
        ))}
      </div>
      <p aria-hidden className="mt-2 flex gap-4 text-xs text-slate-700">
        <span>
          <span className="mr-1 inline-block h-3 w-3 bg-brand-600 align-middle" />
          {t("legendProduced")}
        </span>
        <span>
          <span className="mr-1 inline-block h-3 w-3 bg-red-700 align-middle" style={{ backgroundImage: HATCH }} />
          {t("legendExceptions")}
        </span>
      </p>
      <Table caption={t("chartTable")} density="compact" className="mt-4">
        <TableHeader>
          <TableRow>
            <TableHead>{t("day")}</TableHead>
            <TableHead numeric>{t("cardsProduced")}</TableHead>
            <TableHead numeric>{t("exceptions")}</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {days.map((d) => (
            <TableRow key={d.day}>
              <TableRowHead>{dayName(d.day)}</TableRowHead>
              <TableCell numeric>{d.issued}</TableCell>
              <TableCell numeric>{d.exceptions}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </figure>
  );
}
