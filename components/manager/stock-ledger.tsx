import Link from "next/link";
import { useTranslations } from "next-intl";
import type { LedgerEntry } from "@/db/queries/stock";
import { Time } from "@/components/branch-time";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";

/** The branch's stock ledger, newest first: every row an auditor replays, with both names. */
export function StockLedger({ entries }: { entries: Array<Omit<LedgerEntry, "at"> & { at: Date | string }> }) {
  const t = useTranslations("Stock");
  const v = useTranslations("Vocab");
  if (entries.length === 0) return <p className="text-slate-700">{t("noMovement")}</p>;
  return (
    <Table caption={t("ledgerCaption")} minWidth="min-w-[48rem]">
      <TableHeader>
        <TableRow>
          <TableHead>{t("when")}</TableHead>
          <TableHead>{t("movement")}</TableHead>
          <TableHead>{t("place")}</TableHead>
          <TableHead className="text-right">{t("cards")}</TableHead>
          <TableHead>{t("cardStock")}</TableHead>
          <TableHead>{t("details")}</TableHead>
          <TableHead>{t("by")}</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {entries.map((e) => (
          <TableRow key={e.id}>
            <TableCell>
              <Time value={e.at} format="dateTime" />
            </TableCell>
            <TableCell>{v(`stockMovement.${e.movement}`)}</TableCell>
            <TableCell>{e.station ?? v(`stockPlace.${e.place}`)}</TableCell>
            <TableCell className="text-right tabular-nums">{e.quantity > 0 ? `+${e.quantity}` : e.quantity}</TableCell>
            <TableCell>{e.stockType}</TableCell>
            <TableCell>
              {[
                e.spoilReason ? v(`spoilReason.${e.spoilReason}`) : null,
                e.lot ? t("lot", { lot: e.lot }) : null,
                e.supplierRef ? t("ref", { ref: e.supplierRef }) : null,
              ]
                .filter(Boolean)
                .join(" · ")}
              {e.jobId ? (
                <>
                  {" "}
                  <Link href={`/teller/jobs/${e.jobId}`} className="text-brand-700 underline">
                    {t("cardRequest")}
                  </Link>
                </>
              ) : null}
            </TableCell>
            <TableCell>
              {e.secondBy ? t("byTwo", { first: e.by ?? t("system"), second: e.secondBy }) : (e.by ?? t("system"))}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
