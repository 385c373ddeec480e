import { useFormatter, useTranslations } from "next-intl";
import type { TimeToCardRow } from "@/db/queries/reports";
import type { ReportGrain } from "@/lib/validations/reports";
import { useDuration } from "@/components/manager/format";
import { usePeriodLabel } from "./period-label";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow, TableRowHead } from "@/components/ui/table";

/** Median and 90th percentile per period: a table reads better than a chart for two figures a row. */
export function TimeToCardTable({
  rows,
  total,
  grain,
}: {
  rows: TimeToCardRow[];
  total: TimeToCardRow;
  grain: ReportGrain;
}) {
  const t = useTranslations("Reports");
  const duration = useDuration();
  const periodLabel = usePeriodLabel();
  const { number } = useFormatter();
  return (
    <>
      <Table caption={t("timeCaption")} density="compact">
        <TableHeader>
          <TableRow>
            <TableHead>{grain === "week" ? t("week") : t("day")}</TableHead>
            <TableHead numeric>{t("cardsProduced")}</TableHead>
            <TableHead numeric>{t("medianShort")}</TableHead>
            <TableHead numeric>{t("p90")}</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {[...rows, total].map((r) => (
            <TableRow key={r.period ?? "all"}>
              <TableRowHead className={r.period ? undefined : "font-semibold"}>
                {r.period ? periodLabel(r.period, grain) : t("wholeRange")}
              </TableRowHead>
              <TableCell numeric>{number(r.cards)}</TableCell>
              <TableCell numeric>{duration(r.medianSeconds)}</TableCell>
              <TableCell numeric>{duration(r.p90Seconds)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <p className="mt-2 text-sm text-slate-700">{t("timeNote")}</p>
    </>
  );
}
