import type { Metadata } from "next";
import Link from "next/link";
import { BranchTimeZone } from "@/components/branch-time";
import { BranchPicker } from "@/components/manager/branch-picker";
import { EndOfDayCount } from "@/components/manager/end-of-day-count";
import { EndOfDayHistory } from "@/components/manager/end-of-day-history";
import { ExplainDifferenceForm } from "@/components/manager/explain-difference-form";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { InputField } from "@/components/ui/field";
import { guardPage } from "@/lib/auth/page-guard";
import { formatCalendarDate } from "@/lib/datetime";
import { ssoConfirmName } from "@/lib/dual-control/sso-confirm";
import { pageBranch } from "@/lib/page-branch";
import { loadEndOfDay } from "@/lib/stock/end-of-day-page";
import { stockCountHistorySchema } from "@/lib/validations/stock-count";

export const metadata: Metadata = { title: "End of day" };

const one = (v: string | string[] | undefined) => (typeof v === "string" ? v : undefined);

export default async function EndOfDayPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await guardPage("manager");
  const params = await searchParams;
  const { branch, choices } = await pageBranch(user, params.branchId);
  const range = stockCountHistorySchema.safeParse({ from: one(params.from), to: one(params.to) });
  const eod = await loadEndOfDay(branch, { day: one(params.day), ...(range.success ? range.data : {}) });
  const canCount = user.role === "manager";
  const sso = ssoConfirmName();
  const branchQuery = user.role === "admin" ? `&branchId=${branch.id}` : "";
  const csv = `/api/manager/end-of-day/export?from=${eod.from}&to=${eod.to}${branchQuery}`;
  return (
    <BranchTimeZone timeZone={branch.timezone}>
      <div className="space-y-6">
        <div className="flex flex-wrap items-end justify-between gap-4">
          <div>
            <h1 className="text-2xl font-bold">End of day</h1>
            <p className="text-slate-700">
              {branch.name} ({branch.code}) · blank card stock counted per place by two people
            </p>
          </div>
          {choices.length ? <BranchPicker branches={choices} current={branch.id} /> : null}
        </div>

        {eod.unexplained.length ? (
          <Card title="Differences to explain" headingId="explain" className="min-w-0">
            <div className="space-y-3">
              {eod.unexplained.map((c) =>
                canCount ? (
                  <ExplainDifferenceForm key={c.id} count={c} />
                ) : (
                  <p key={c.id}>Not explained yet: {formatCalendarDate(c.businessDate)}</p>
                ),
              )}
            </div>
          </Card>
        ) : null}

        <section aria-labelledby="count-heading" className="space-y-3">
          <h2 id="count-heading" className="text-lg font-semibold">
            Count of {formatCalendarDate(eod.day)}
          </h2>
          <nav aria-label="Day to count" className="flex flex-wrap gap-4 text-sm">
            {eod.days.map((d, i) => (
              <Link
                key={d}
                href={`/manager/end-of-day?day=${d}${branchQuery}`}
                aria-current={d === eod.day ? "page" : undefined}
                className="text-brand-700 underline aria-[current=page]:font-semibold aria-[current=page]:no-underline"
              >
                {i === 0
                  ? `Today (${formatCalendarDate(d)})`
                  : `Yesterday, counted after midnight (${formatCalendarDate(d)})`}
              </Link>
            ))}
          </nav>
          <p className="text-sm text-slate-700">
            Expected = opening balance + the day&apos;s movements (received, loaded, produced, spoiled, destroyed,
            corrected; out of a place counts negative). You enter the figure you counted; a second person of the branch
            confirms it with their own password{sso ? ` or through ${sso}` : ""}. Each place is counted once a day.
          </p>
          {eod.places.length === 0 ? (
            <p className="text-slate-700">No blank card stock has been recorded at this branch yet.</p>
          ) : (
            eod.places.map((p) => (
              <EndOfDayCount
                key={`${eod.day}-${p.place}-${p.stationId}-${p.stockTypeId}`}
                place={p}
                day={eod.day}
                canCount={canCount}
                sso={sso}
              />
            ))
          )}
        </section>

        <Card
          title="History"
          headingId="history-heading"
          description={`Counts from ${formatCalendarDate(eod.from)} to ${formatCalendarDate(eod.to)}.`}
          actions={
            <a href={csv} className="text-brand-700 underline" download>
              Export CSV
            </a>
          }
          className="min-w-0"
        >
          <form method="get" className="mb-4 flex flex-wrap items-end gap-3" aria-label="Days of the history">
            {user.role === "admin" ? <input type="hidden" name="branchId" value={branch.id} /> : null}
            <InputField id="history-from" name="from" type="date" label="From" defaultValue={eod.from} />
            <InputField id="history-to" name="to" type="date" label="To" defaultValue={eod.to} />
            <Button type="submit" variant="secondary">
              Show
            </Button>
          </form>
          <EndOfDayHistory counts={eod.history} />
        </Card>
      </div>
    </BranchTimeZone>
  );
}
