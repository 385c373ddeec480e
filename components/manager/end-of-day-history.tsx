import { useLocale, useTranslations } from "next-intl";
import type { CountRecord } from "@/lib/board";
import { formatCalendarDate } from "@/lib/datetime";
import { MOVEMENT_ORDER, signed } from "@/lib/stock/end-of-day";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { Time } from "@/components/branch-time";
import { usePlaceName } from "./place-name";

/** Past end-of-day counts, newest day first: breakdown, counted figure, both names, explanation. */
export function EndOfDayHistory({ counts }: { counts: CountRecord[] }) {
  const t = useTranslations("EndOfDay");
  const locale = useLocale();
  const v = useTranslations("Vocab");
  const placeName = usePlaceName();
  if (counts.length === 0) return <p className="text-slate-700">{t("noCount")}</p>;
  return (
    <Table caption={t("historyCaption")} minWidth="min-w-[72rem]" density="compact">
      <TableHeader>
        <TableRow>
          <TableHead>{t("day")}</TableHead>
          <TableHead>{t("placeHeading")}</TableHead>
          <TableHead>{t("openingShort")}</TableHead>
          {MOVEMENT_ORDER.map((m) => (
            <TableHead key={m}>{v(`stockMovement.${m}`)}</TableHead>
          ))}
          <TableHead>{t("expected")}</TableHead>
          <TableHead>{t("counted")}</TableHead>
          <TableHead>{t("difference")}</TableHead>
          <TableHead>{t("countedConfirmed")}</TableHead>
          <TableHead>{t("explanation")}</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {counts.map((c) => {
          const difference = c.counted - c.expected;
          return (
            <TableRow key={c.id}>
              <TableCell>{formatCalendarDate(c.businessDate, locale)}</TableCell>
              <TableCell>
                {placeName(c)}
                <span className="block text-xs text-slate-700">{c.stockTypeName}</span>
              </TableCell>
              <TableCell className="tabular-nums">{c.opening}</TableCell>
              {MOVEMENT_ORDER.map((m) => (
                <TableCell key={m} className="tabular-nums">
                  {signed(c.movements[m])}
                </TableCell>
              ))}
              <TableCell className="tabular-nums">{c.expected}</TableCell>
              <TableCell className="tabular-nums">{c.counted}</TableCell>
              <TableCell className={difference === 0 ? "tabular-nums" : "font-semibold text-red-800 tabular-nums"}>
                {difference === 0 ? t("balancedShort") : signed(difference)}
              </TableCell>
              <TableCell>
                {c.countedBy} / {c.confirmedBy}
                <span className="block text-xs text-slate-700">
                  <Time value={c.at} format="dateTime" />
                </span>
              </TableCell>
              <TableCell>
                {c.explanation ? (
                  <>
                    {c.explanation}
                    <span className="block text-xs text-slate-700">
                      {c.explainedBy}, {c.explainedAt ? <Time value={c.explainedAt} format="dateTime" /> : null}
                    </span>
                  </>
                ) : difference === 0 ? (
                  ""
                ) : (
                  <span className="font-semibold text-red-800">{t("notExplained")}</span>
                )}
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
