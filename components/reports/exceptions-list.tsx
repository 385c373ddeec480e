import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import type { ReportException } from "@/lib/reports/load";
import { capitalisedIn } from "@/lib/capitalised";
import { ProblemWords } from "@/components/problem-words";
import { Time } from "@/components/branch-time";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";

/**
 * Failed requests in plain words, the raw code in a tooltip. `canOpenJobs`: the viewer may open
 * a request's page (managers share the teller area; admins do not).
 */
export function ExceptionsList({
  rows,
  caption,
  empty,
  canOpenJobs,
  showHandling,
}: {
  rows: ReportException[];
  caption: string;
  empty: string;
  canOpenJobs: boolean;
  showHandling: boolean;
}) {
  const t = useTranslations("Reports");
  const v = useTranslations("Vocab");
  const locale = useLocale();
  if (rows.length === 0) return <p className="text-slate-700">{empty}</p>;
  return (
    <Table caption={caption} density="compact" minWidth="min-w-[44rem]" keyboardScroll={!canOpenJobs}>
      <TableHeader>
        <TableRow>
          <TableHead>{t("failed")}</TableHead>
          <TableHead>{t("whatHappened")}</TableHead>
          {showHandling ? <TableHead>{t("sinceThen")}</TableHead> : null}
          <TableHead>{t("product")}</TableHead>
          <TableHead>{t("station")}</TableHead>
          <TableHead>{t("teller")}</TableHead>
          <TableHead>{t("request")}</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((e) => (
          <TableRow key={e.id}>
            <TableCell>
              <Time value={e.completedAt} format="dateTime" />
            </TableCell>
            <TableCell>
              <ProblemWords label={capitalisedIn(v(`problem.${e.kind}`), locale)} codes={[e.code]} />
            </TableCell>
            {showHandling ? <TableCell>{t(`handling.${e.handling}`)}</TableCell> : null}
            <TableCell>{e.product}</TableCell>
            <TableCell>{e.station}</TableCell>
            <TableCell>{e.teller}</TableCell>
            <TableCell className="font-mono text-xs">
              {canOpenJobs ? (
                <Link href={`/teller/jobs/${e.id}`} className="text-brand-700 underline">
                  {e.reference}
                  <span className="sr-only">{t("openRequest")}</span>
                </Link>
              ) : (
                e.reference
              )}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
