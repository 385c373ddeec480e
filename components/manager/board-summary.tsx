import type { PeriodStats } from "@/db/queries/branch-stats";
import type { BoardStats } from "@/lib/board";
import { capitalised, type ReasonCount } from "@/lib/issuance/station-problems";
import { Card } from "@/components/ui/card";
import { ProblemWords } from "@/components/problem-words";
import { formatDuration } from "./format";
import { dayName } from "./board-chart";

type Period = PeriodStats & { byReason: ReasonCount[] };

const P90_NOTE_ID = "time-to-card-note";

function PeriodCard({ title, range, stats }: { title: string; range: string; stats: Period }) {
  return (
    <Card title={title} level={3} padding="compact" description={range}>
      <dl className="grid grid-cols-2 gap-x-4 gap-y-1 text-sm">
        {/* The same count as the chart's solid bars: produced cards, not requests. */}
        <dt className="text-slate-700">Cards produced</dt>
        <dd className="text-lg font-semibold">{stats.issued}</dd>
        <dt className="text-slate-700">Exceptions</dt>
        <dd className="text-lg font-semibold">{stats.exceptions}</dd>
        {/* Failures nobody retried, moved or canceled yet, apart from those already handled (M3). */}
        <dt className="text-slate-700">Still need action</dt>
        <dd className={stats.needsAction > 0 ? "font-semibold text-red-800" : undefined}>{stats.needsAction}</dd>
        <dt className="text-slate-700">Median time to card</dt>
        <dd>{formatDuration(stats.medianSeconds)}</dd>
        <dt className="text-slate-700">90% of cards within</dt>
        <dd aria-describedby={P90_NOTE_ID}>{formatDuration(stats.p90Seconds)}</dd>
      </dl>
      {stats.byReason.length ? (
        <>
          <h4 className="mt-3 text-sm font-semibold">Exceptions by reason</h4>
          <ul className="mt-1 text-sm">
            {stats.byReason.map((r) => (
              <li key={r.reason}>
                {r.count} × <ProblemWords label={capitalised(r.reason)} codes={r.codes} />
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </Card>
  );
}

/** Something finished today and nothing before: the week's figures are today's, and the board says so (M8). */
export const weekIsToday = (stats: Pick<BoardStats, "today" | "week">) =>
  stats.today.issued + stats.today.exceptions > 0 &&
  stats.week.issued === stats.today.issued &&
  stats.week.exceptions === stats.today.exceptions;

export function BoardSummary({ stats, inProgress }: { stats: BoardStats; inProgress: number }) {
  const first = stats.days[0]?.day;
  const last = stats.days.at(-1)?.day;
  return (
    <div className="space-y-2">
      <div className="grid gap-4 md:grid-cols-3">
        <PeriodCard title="Today" range={last ? dayName(last) : ""} stats={stats.today} />
        <PeriodCard
          title="Last 7 days"
          range={first && last ? `${dayName(first)} – ${dayName(last)}, today included` : ""}
          stats={stats.week}
        />
        <Card title="In progress now" level={3} padding="compact">
          <p className="text-3xl font-semibold">{inProgress}</p>
          <p className="text-sm text-slate-700">{inProgress === 1 ? "card on its way" : "cards on their way"}</p>
        </Card>
      </div>
      {weekIsToday(stats) ? (
        <p className="text-sm text-slate-700" data-testid="week-equals-today">
          No card was finished in the 6 days before today, so the last 7 days show today&apos;s figures.
        </p>
      ) : null}
      <p id={P90_NOTE_ID} className="text-sm text-slate-700">
        Time to card runs from the request to the card coming out: it is what the customer waits, so a card that waited
        for D1 or at a station that was offline counts with its wait. A high “90% within” next to a low median usually
        means a few cards waited; the stations page shows which station had problems.
      </p>
    </div>
  );
}
