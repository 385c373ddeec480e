import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
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

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("EndOfDay");
  return { title: t("title") };
}

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
  const [t, locale] = await Promise.all([getTranslations("EndOfDay"), getLocale()]);
  const branchQuery = user.role === "admin" ? `&branchId=${branch.id}` : "";
  const csv = `/api/manager/end-of-day/export?from=${eod.from}&to=${eod.to}${branchQuery}`;
  return (
    <BranchTimeZone timeZone={branch.timezone}>
      <div className="space-y-6">
        <div className="flex flex-wrap items-end justify-between gap-4">
          <div>
            <h1 className="text-2xl font-bold">{t("title")}</h1>
            <p className="text-slate-700">{t("subtitle", { branch: `${branch.name} (${branch.code})` })}</p>
          </div>
          {choices.length ? <BranchPicker branches={choices} current={branch.id} /> : null}
        </div>

        {eod.unexplained.length ? (
          <Card title={t("toExplain")} headingId="explain" className="min-w-0">
            <div className="space-y-3">
              {eod.unexplained.map((c) =>
                canCount ? (
                  <ExplainDifferenceForm key={c.id} count={c} />
                ) : (
                  <p key={c.id}>{t("notExplainedYet", { day: formatCalendarDate(c.businessDate, locale) })}</p>
                ),
              )}
            </div>
          </Card>
        ) : null}

        <section aria-labelledby="count-heading" className="space-y-3">
          <h2 id="count-heading" className="text-lg font-semibold">
            {t("countOf", { day: formatCalendarDate(eod.day, locale) })}
          </h2>
          <nav aria-label={t("dayToCount")} className="flex flex-wrap gap-4 text-sm">
            {eod.days.map((d, i) => (
              <Link
                key={d}
                href={`/manager/end-of-day?day=${d}${branchQuery}`}
                aria-current={d === eod.day ? "page" : undefined}
                className="text-brand-700 underline aria-[current=page]:font-semibold aria-[current=page]:no-underline"
              >
                {i === 0
                  ? t("today", { day: formatCalendarDate(d, locale) })
                  : t("yesterday", { day: formatCalendarDate(d, locale) })}
              </Link>
            ))}
          </nav>
          <p className="text-sm text-slate-700">{sso ? t("howSso", { sso }) : t("how")}</p>
          {eod.places.length === 0 ? (
            <p className="text-slate-700">{t("noStock")}</p>
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
          title={t("history")}
          headingId="history-heading"
          description={t("historyRange", {
            from: formatCalendarDate(eod.from, locale),
            to: formatCalendarDate(eod.to, locale),
          })}
          actions={
            <a href={csv} className="text-brand-700 underline" download>
              {t("exportCsv")}
            </a>
          }
          className="min-w-0"
        >
          <form method="get" className="mb-4 flex flex-wrap items-end gap-3" aria-label={t("historyDays")}>
            {user.role === "admin" ? <input type="hidden" name="branchId" value={branch.id} /> : null}
            <InputField id="history-from" name="from" type="date" label={t("from")} defaultValue={eod.from} />
            <InputField id="history-to" name="to" type="date" label={t("to")} defaultValue={eod.to} />
            <Button type="submit" variant="secondary">
              {t("show")}
            </Button>
          </form>
          <EndOfDayHistory counts={eod.history} />
        </Card>
      </div>
    </BranchTimeZone>
  );
}
