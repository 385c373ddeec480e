import { getLocale } from "next-intl/server";
import type { Metadata } from "next";
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

export const metadata: Metadata = { title: "Reports" };

/** The three "cards issued by …" tables: the same table and CSV link, one per grouping. */
const ISSUED = [
  {
    report: "teller",
    heading: "Teller",
    description: "Cards produced, counted on the day they came out; the teller who requested them.",
  },
  { report: "product", heading: "Product", description: undefined },
  { report: "station", heading: "Station", description: undefined },
] as const;
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
  const days = `${formatCalendarDate(from)} to ${formatCalendarDate(to)}`;
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">Reports</h1>
        <p className="text-slate-700">
          {branch.name} ({branch.code}) · {days} · days and weeks in {branch.timezone}, weeks from Monday
        </p>
      </div>
      {Object.keys(errors).length > 0 ? (
        <Alert tone="error" live>
          Some choices were not valid, so the last 7 days are shown: see the messages below the fields.
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
          title="All branches"
          description={`${days}, each branch in its own time zone.`}
          actions={<CsvLink query={range} report="branches" what="all branches" />}
        >
          <BranchComparison rows={comparison} query={range} />
        </Card>
      ) : null}
      <BranchTimeZone timeZone={branch.timezone}>
        <div className="grid gap-6 xl:grid-cols-2">
          {ISSUED.map(({ report: key, heading, description }) => (
            <Card
              key={key}
              title={`Cards issued by ${key}`}
              className="min-w-0"
              description={description}
              actions={<CsvLink query={query} report={key} what={`cards issued by ${key}`} />}
            >
              <CountTable
                table={report[ISSUED_TABLE[key]]}
                grain={grain}
                caption={`Cards issued by ${key}`}
                rowHeading={heading}
                unit="cards"
                empty="No card was produced on these days."
              />
            </Card>
          ))}
          <Card
            title="Spoiled cards by reason"
            className="min-w-0"
            description="From the stock ledger: every card set apart as spoiled, until destroyed."
            actions={<CsvLink query={query} report="spoilage" what="spoiled cards by reason" />}
          >
            <CountTable
              table={report.spoilage}
              grain={grain}
              caption="Spoiled cards by reason"
              rowHeading="Reason"
              unit="cards"
              empty="No card was spoiled on these days."
            />
          </Card>
        </div>
        <Card
          title="Time to card"
          className="mt-6 min-w-0"
          actions={<CsvLink query={query} report="time" what="time to card" />}
        >
          <TimeToCardTable rows={report.timeToCard.periods} total={report.timeToCard.total} grain={grain} />
        </Card>
        <Card
          title={`Exceptions that still need action (${report.needsAction.length})`}
          className="mt-6 min-w-0"
          description="Failed, and neither retried, moved nor canceled: open the request to retry or cancel it."
          actions={<CsvLink query={query} report="exceptions" what="all exceptions" />}
        >
          <ExceptionsList
            rows={report.needsAction}
            caption="Failed requests that still need action"
            empty="Nothing to act on: every failed request of these days was retried, moved or canceled."
            canOpenJobs={canOpenJobs}
            showHandling={false}
          />
        </Card>
        <Card
          title={`Exceptions already handled (${report.handled.length})`}
          className="mt-6 min-w-0"
          description="Failed requests someone retried, moved to another station or canceled."
        >
          <ExceptionsList
            rows={report.handled}
            caption="Failed requests already handled"
            empty="None on these days."
            canOpenJobs={canOpenJobs}
            showHandling
          />
        </Card>
      </BranchTimeZone>
    </div>
  );
}
