import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { D1CheckSteps } from "@/components/admin/d1-check-steps";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { guardPage } from "@/lib/auth/page-guard";
import { LOCAL_STEPS, runPreflight } from "@/lib/d1/preflight";
import { renderText } from "@/lib/d1/preflight-text";
import { formatCalendarDate, formatDateTime } from "@/lib/datetime";
import { env } from "@/lib/env";
import { log } from "@/lib/log";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("D1Check");
  return { title: t("title") };
}
export const dynamic = "force-dynamic";

export default async function D1ConnectionPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await guardPage("admin");
  const [t, locale] = await Promise.all([getTranslations("D1Check"), getLocale()]);
  const run = (await searchParams).run === "1";
  // The local steps (files, dates) are cheap and run on every view; the network steps (TLS,
  // token, productionStatus, receiver, card system) only when the administrator asks.
  const local = await runPreflight({ settings: env, only: LOCAL_STEPS });
  const full = run ? await runPreflight({ settings: env, logger: log.child({ part: "d1-check" }) }) : null;
  const expiry = local.steps.find((s) => s.id === "expiry");
  const files = local.steps.find((s) => s.id === "files");
  const failed = full?.steps.filter((s) => s.status === "fail") ?? [];
  const say = (step: (typeof local.steps)[number]) =>
    step.texts
      .map((m) =>
        renderText(
          (key, values) => t(key, values),
          m,
          (d) => formatCalendarDate(d, locale),
        ),
      )
      .join(" ");
  // Certificates are dated in UTC: operators compare the dates with certificate tooling.
  const utc = (iso: string | undefined) =>
    iso ? <time dateTime={iso}>{t("utc", { when: formatDateTime(iso, "UTC", locale) })}</time> : t("unknown");

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">{t("heading")}</h1>
        <p className="max-w-3xl text-slate-700">{t.rich("intro", { code: (chunks) => <code>{chunks}</code> })}</p>
      </div>

      <Card title={t("certificate")}>
        {expiry && expiry.status !== "skip" ? (
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
            <dt className="font-semibold">{t("subject")}</dt>
            <dd className="font-mono break-all">{files?.details.subject ?? t("unknown")}</dd>
            <dt className="font-semibold">{t("validFrom")}</dt>
            <dd>{utc(expiry.details.validFrom)}</dd>
            <dt className="font-semibold">{t("expires")}</dt>
            <dd>
              {utc(expiry.details.validTo)} {t("daysLeft", { count: Number(expiry.details.daysLeft) })}
            </dd>
            {expiry.details.caValidTo ? (
              <>
                <dt className="font-semibold">{t("caExpires")}</dt>
                <dd>{utc(expiry.details.caValidTo)}</dd>
              </>
            ) : null}
          </dl>
        ) : null}
        {expiry && expiry.status !== "ok" ? (
          <Alert tone={expiry.status === "fail" || expiry.status === "skip" ? "error" : "info"}>
            {expiry.status === "skip" && files ? say(files) : say(expiry)}
          </Alert>
        ) : null}
      </Card>

      <form method="get" action="/admin/d1">
        <input type="hidden" name="run" value="1" />
        <Button type="submit">{full ? t("runAgain") : t("run")}</Button>
      </form>

      {full ? (
        <Card title={t("results")}>
          <Alert tone={full.ok ? "success" : "error"} live>
            {full.ok
              ? full.steps.some((s) => s.status === "warn")
                ? t("allPassedWarnings")
                : t("allPassed")
              : t("failed", { steps: failed.map((s) => t(`steps.${s.id}`)).join(", ") })}
          </Alert>
          <D1CheckSteps steps={full.steps} caption={t("caption", { when: formatDateTime(full.at, "UTC", locale) })} />
        </Card>
      ) : null}
    </div>
  );
}
