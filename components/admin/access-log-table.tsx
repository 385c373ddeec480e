import { useLocale, useTranslations } from "next-intl";
import type { AccessLogEntry } from "@/db/queries/customer-access";
import { DEFAULT_TIME_ZONE, formatDate, formatTimeWithSeconds } from "@/lib/datetime";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";

/** The bank-wide log, in UTC like the audit log: accesses from every branch on one clock. */
export function AccessLogTable({
  entries,
  branchCode,
}: {
  entries: AccessLogEntry[];
  branchCode: Map<string, string>;
}) {
  const t = useTranslations("AccessLog");
  const locale = useLocale();
  const zone = DEFAULT_TIME_ZONE;
  if (entries.length === 0) return <p className="text-slate-700">{t("empty")}</p>;
  return (
    <Table caption={t("caption")} minWidth="min-w-[48rem]">
      <TableHeader>
        <TableRow>
          <TableHead>{t("when", { zone })}</TableHead>
          <TableHead>{t("who")}</TableHead>
          <TableHead>{t("branch")}</TableHead>
          <TableHead>{t("customer")}</TableHead>
          <TableHead>{t("where")}</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {entries.map((e) => (
          <TableRow key={e.id}>
            <TableCell className="whitespace-nowrap">
              <time
                dateTime={e.at.toISOString()}
              >{`${formatDate(e.at, zone, locale)} ${formatTimeWithSeconds(e.at, zone)}`}</time>
            </TableCell>
            <TableCell>{e.userEmail ?? e.userId}</TableCell>
            <TableCell>{e.branchId ? (branchCode.get(e.branchId) ?? "—") : "—"}</TableCell>
            <TableCell>
              {e.customerName ?? t("removedCustomer")}
              <span className="block font-mono text-xs text-slate-700">{e.customerNumber ?? e.customerId}</span>
            </TableCell>
            <TableCell>{t(`screen.${e.screen}`)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
