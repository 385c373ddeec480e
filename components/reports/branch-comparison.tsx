import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import type { BranchComparisonRow } from "@/db/queries/reports";
import { useDuration } from "@/components/manager/format";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow, TableRowHead } from "@/components/ui/table";
import { BarList } from "./bar-list";

/** The admins' network view (A10): every branch over the same calendar days, each in its own zone. */
export function BranchComparison({ rows, query }: { rows: BranchComparisonRow[]; query: string }) {
  const t = useTranslations("Reports");
  const duration = useDuration();
  const { number } = useFormatter();
  return (
    <>
      <BarList items={rows.map((r) => ({ label: `${r.name} (${r.code})`, value: r.issued }))} />
      <Table caption={t("branchesCaption")} density="compact" minWidth="min-w-[48rem]">
        <TableHeader>
          <TableRow>
            <TableHead>{t("branch")}</TableHead>
            <TableHead numeric>{t("cardsProduced")}</TableHead>
            <TableHead numeric>{t("exceptions")}</TableHead>
            <TableHead numeric>{t("needAction")}</TableHead>
            <TableHead numeric>{t("spoiledCards")}</TableHead>
            <TableHead numeric>{t("median")}</TableHead>
            <TableHead numeric>{t("p90")}</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((r) => (
            <TableRow key={r.branchId}>
              <TableRowHead>
                <Link href={`/manager/reports?${query}&branchId=${r.branchId}`} className="text-brand-700 underline">
                  {r.name} ({r.code})
                </Link>
                <span className="block text-xs text-slate-700">{r.timezone}</span>
              </TableRowHead>
              <TableCell numeric>{number(r.issued)}</TableCell>
              <TableCell numeric>{number(r.exceptions)}</TableCell>
              <TableCell numeric className={r.needsAction > 0 ? "font-semibold text-red-800" : undefined}>
                {number(r.needsAction)}
              </TableCell>
              <TableCell numeric>{number(r.spoiled)}</TableCell>
              <TableCell numeric>{duration(r.medianSeconds)}</TableCell>
              <TableCell numeric>{duration(r.p90Seconds)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </>
  );
}
