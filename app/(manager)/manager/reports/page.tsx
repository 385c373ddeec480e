import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { BranchTimeZone } from "@/components/branch-time";
import { BranchComparison } from "@/components/reports/branch-comparison";
import { CountTable } from "@/components/reports/count-table";
import { CsvLink } from "@/components/reports/csv-link";
import { ExceptionsList } from "@/components/reports/exceptions-list";
import { ReportFilters } from "@/components/reports/report-filters";
import { TimeToCardTable } from "@/components/reports/time-to-card-table";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { db } from "@/db";
import { branchToday } from "@/db/queries/reports";
import { guardPage } from "@/lib/auth/page-guard";
import { formatCalendarDate } from "@/lib/datetime";
import { pageBranch } from "@/lib/page-branch";
import { loadBranchComparison, loadBranchReport } from "@/lib/reports/load";
import { parseFilter, searchParamsToObject } from "@/lib/validations/audit";
import { reportFilterSchema, reportRange } from "@/lib/validations/reports";
import { SPOIL_REASONS } from "@/lib/vocabulary";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Reports");
  return { title: t("title") };
}

/** The three "cards issued by …" tables: the same table and CSV link, one per grouping. */
const ISSUED = ["teller", "product", "station"] as const;
const ISSUED_TABLE = { teller: "byTeller", product: "byProduct", station: "byStation" } as const;

/** A branch's reports over a range of its days; admins also compare every branch. */
export default async function ReportsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await guardPage("manager");
  const raw = searchParamsToObject(await searchParams);
  const { branch, choices } = await pageBranch(user, raw.branchId);
  // Invalid fields get a message beside them; the report shows the default range meanwhile.
  const { filter, errors } = parseFilter(reportFilterSchema, raw, await getLocale());
  const { from, to } = reportRange(filter, await branchToday({ db, branchId: branch.id }));
  const grain = filter.grain;
  const admin = user.role === "admin";
  const [report, comparison] = await Promise.all([
    loadBranchReport(branch.id, { from, to, grain }),
    admin ? loadBranchComparison({ from, to }) : null,
  ]);
  const range = new URLSearchParams({ from, to, grain }).toString();
  const query = admin ? `${range}&branchId=${branch.id}` : range;
  const canOpenJobs = user.role === "manager";
  const [t, v, locale] = await Promise.all([getTranslations("Reports"), getTranslations("Vocab"), getLocale()]);
  const days = t("days", { from: formatCalendarDate(from, locale), to: formatCalendarDate(to, locale) });
  // A spoil reason is a vocabulary word (its key); a reason no longer known, or none, says so.
  const reasonLabel = (row: { key: string }) => {
    const reason = SPOIL_REASONS.find((r) => r === row.key);
    return reason ? v(`spoilReason.${reason}`) : t("noReason");
  };
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <p className="text-slate-700">
          {t("subtitle", { branch: `${branch.name} (${branch.code})`, days, zone: branch.timezone })}
        </p>
      </div>
      {Object.keys(errors).length > 0 ? (
        <Alert tone="error" live>
          {t("invalid")}
        </Alert>
      ) : null}
      <ReportFilters
        from={from}
        to={to}
        grain={grain}
        errors={errors}
        branchId={branch.id}
        branches={admin ? choices : undefined}
      />
      {comparison ? (
        <Card
          title={t("allBranches")}
          description={t("allBranchesText", { days })}
          actions={<CsvLink query={range} report="branches" what={t("allBranchesWhat")} />}
        >
          <BranchComparison rows={comparison} query={range} />
        </Card>
      ) : null}
      <BranchTimeZone timeZone={branch.timezone}>
        <div className="grid gap-6 xl:grid-cols-2">
          {ISSUED.map((key) => (
            <Card
              key={key}
              title={t(`issued.${key}`)}
              className="min-w-0"
              description={key === "teller" ? t("issuedTellerText") : undefined}
              actions={<CsvLink query={query} report={key} what={t(`issuedWhat.${key}`)} />}
            >
              <CountTable
                table={report[ISSUED_TABLE[key]]}
                grain={grain}
                caption={t(`issued.${key}`)}
                rowHeading={t(`issuedRow.${key}`)}
                empty={t("noCards")}
              />
            </Card>
          ))}
          <Card
            title={t("spoiled")}
            className="min-w-0"
            description={t("spoiledText")}
            actions={<CsvLink query={query} report="spoilage" what={t("spoiledWhat")} />}
          >
            <CountTable
              table={report.spoilage}
              grain={grain}
              caption={t("spoiled")}
              rowHeading={t("reason")}
              empty={t("noSpoiled")}
              rowLabel={reasonLabel}
            />
          </Card>
        </div>
        <Card
          title={t("timeToCard")}
          className="mt-6 min-w-0"
          actions={<CsvLink query={query} report="time" what={t("timeWhat")} />}
        >
          <TimeToCardTable rows={report.timeToCard.periods} total={report.timeToCard.total} grain={grain} />
        </Card>
        <Card
          title={t("needsActionHeading", { count: report.needsAction.length })}
          className="mt-6 min-w-0"
          description={t("needsActionText")}
          actions={<CsvLink query={query} report="exceptions" what={t("exceptionsWhat")} />}
        >
          <ExceptionsList
            rows={report.needsAction}
            caption={t("needsActionCaption")}
            empty={t("needsActionEmpty")}
            canOpenJobs={canOpenJobs}
            showHandling={false}
          />
        </Card>
        <Card
          title={t("handledHeading", { count: report.handled.length })}
          className="mt-6 min-w-0"
          description={t("handledText")}
        >
          <ExceptionsList
            rows={report.handled}
            caption={t("handledCaption")}
            empty={t("handledEmpty")}
            canOpenJobs={canOpenJobs}
            showHandling
          />
        </Card>
      </BranchTimeZone>
    </div>
  );
}
