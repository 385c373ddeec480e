import type { BranchStats, PeriodStats } from "@/db/queries/branch-stats";
import { Card } from "@/components/ui/card";
import { formatDuration, reasonLabel } from "./format";

type Period = PeriodStats & { byReason: { reason: string; count: number }[] };

function PeriodCard({ title, stats }: { title: string; stats: Period }) {
  return (
    <Card title={title} level={3} padding="compact">
      <dl className="grid grid-cols-2 gap-x-4 gap-y-1 text-sm">
        <dt className="text-slate-700">Cards issued</dt>
        <dd className="text-lg font-semibold">{stats.issued}</dd>
        <dt className="text-slate-700">Exceptions</dt>
        <dd className="text-lg font-semibold">{stats.exceptions}</dd>
        <dt className="text-slate-700">Median time to card</dt>
        <dd>{formatDuration(stats.medianSeconds)}</dd>
        <dt className="text-slate-700">90% of cards within</dt>
        <dd>{formatDuration(stats.p90Seconds)}</dd>
      </dl>
      {stats.byReason.length ? (
        <>
          <h4 className="mt-3 text-sm font-semibold">Exceptions by reason</h4>
          <ul className="mt-1 text-sm">
            {stats.byReason.map((r) => (
              <li key={r.reason}>
                {r.count} × {reasonLabel(r.reason)}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </Card>
  );
}

export function BoardSummary({ stats, inProgress }: { stats: BranchStats; inProgress: number }) {
  return (
    <div className="grid gap-4 md:grid-cols-3">
      <PeriodCard title="Today" stats={stats.today} />
      <PeriodCard title="Last 7 days" stats={stats.week} />
      <Card title="In progress now" level={3} padding="compact">
        <p className="text-3xl font-semibold">{inProgress}</p>
        <p className="text-sm text-slate-700">{inProgress === 1 ? "card on its way" : "cards on their way"}</p>
      </Card>
    </div>
  );
}
