import { useLocale, useTranslations } from "next-intl";
import type { PeriodStats } from "@/db/queries/branch-stats";
import type { BoardStats } from "@/lib/board";
import type { ReasonCount } from "@/lib/issuance/station-problems";
import { Card } from "@/components/ui/card";
import { ProblemWords } from "@/components/problem-words";
import { capitalisedIn } from "@/lib/capitalised";
import { useDuration } from "./format";
import { useDayName } from "./board-chart";

type Period = PeriodStats & { byReason: ReasonCount[] };

const P90_NOTE_ID = "time-to-card-note";

function PeriodCard({ title, range, stats }: { title: string; range: string; stats: Period }) {
  const t = useTranslations("Board");
  const v = useTranslations("Vocab");
  const locale = useLocale();
  const duration = useDuration();
  return (
    <Card title={title} level={3} padding="compact" description={range}>
      <dl className="grid grid-cols-2 gap-x-4 gap-y-1 text-sm">
        {/* The same count as the chart's solid bars: produced cards, not requests. */}
        <dt className="text-slate-700">{t("cardsProduced")}</dt>
        <dd className="text-lg font-semibold">{stats.issued}</dd>
        <dt className="text-slate-700">{t("exceptions")}</dt>
        <dd className="text-lg font-semibold">{stats.exceptions}</dd>
        {/* Failures nobody retried, moved or canceled yet, apart from those already handled (M3). */}
        <dt className="text-slate-700">{t("needAction")}</dt>
        <dd className={stats.needsAction > 0 ? "font-semibold text-red-800" : undefined}>{stats.needsAction}</dd>
        <dt className="text-slate-700">{t("median")}</dt>
        <dd>{duration(stats.medianSeconds)}</dd>
        <dt className="text-slate-700">{t("p90")}</dt>
        <dd aria-describedby={P90_NOTE_ID}>{duration(stats.p90Seconds)}</dd>
      </dl>
      {stats.byReason.length ? (
        <>
          <h4 className="mt-3 text-sm font-semibold">{t("byReason")}</h4>
          <ul className="mt-1 text-sm">
            {stats.byReason.map((r) => (
              <li key={r.kind}>
                {r.count} × <ProblemWords label={capitalisedIn(v(`problem.${r.kind}`), locale)} codes={r.codes} />
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
  const t = useTranslations("Board");
  const dayName = useDayName();
  const first = stats.days[0]?.day;
  const last = stats.days.at(-1)?.day;
  return (
    <div className="space-y-2">
      <div className="grid gap-4 md:grid-cols-3">
        <PeriodCard title={t("today")} range={last ? dayName(last) : ""} stats={stats.today} />
        <PeriodCard
          title={t("week")}
          range={first && last ? t("weekRange", { first: dayName(first), last: dayName(last) }) : ""}
          stats={stats.week}
        />
        <Card title={t("inProgress")} level={3} padding="compact">
          <p className="text-3xl font-semibold">{inProgress}</p>
          <p className="text-sm text-slate-700">{t("onTheirWay", { count: inProgress })}</p>
        </Card>
      </div>
      {weekIsToday(stats) ? (
        <p className="text-sm text-slate-700" data-testid="week-equals-today">
          {t("weekIsToday")}
        </p>
      ) : null}
      <p id={P90_NOTE_ID} className="text-sm text-slate-700">
        {t("timeToCardNote")}
      </p>
    </div>
  );
}
