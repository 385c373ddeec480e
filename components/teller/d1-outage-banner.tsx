"use client";

// One banner on the Counter while D1 is unreachable for the branch (UX walk T19): since when, how
// long, and when the requests are sent again. It follows the live channel: a failed try, an
// accepted order or a new request refetches it, so it appears and disappears without a reload.
import { useTranslations } from "next-intl";
import { useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import type { D1Outage } from "@/db/queries/d1-outage";
import { liveMeta } from "@/components/live/live-query";
import { useBranchTime } from "@/components/branch-time";
import { isFinal } from "@/lib/issuance/states";

type Status = { outage: D1Outage | null };

type OutageT = ReturnType<typeof useTranslations<"D1Outage">>;

const minutes = (ms: number, t: OutageT) => {
  const m = Math.floor(ms / 60_000);
  return m < 1 ? t("underMinute") : m < 60 ? t("minutes", { m }) : t("hours", { h: Math.floor(m / 60), m: m % 60 });
};

const nextIn = (ms: number, t: OutageT) =>
  ms <= 1_000 ? t("anyMoment") : t("inSeconds", { s: Math.ceil(ms / 1_000) });

export function D1OutageBanner({ initial }: { initial: D1Outage | null }) {
  const { time } = useBranchTime();
  const t = useTranslations("D1Outage");
  const { data } = useQuery({
    queryKey: ["d1-status"],
    initialData: { outage: initial },
    queryFn: async () => {
      const response = await fetch("/api/teller/d1-status", { cache: "no-store" });
      if (!response.ok) throw new Error(t("checkFailed"));
      return (await response.json()) as Status;
    },
    meta: liveMeta<Status>({
      refetch: (e) => e.kind === "submit_retrying" || e.kind === "accepted" || e.kind === "created" || isFinal(e.state),
    }),
  });
  // The clock starts after hydration: the server's "now" and the browser's would differ.
  const [now, setNow] = useState<number | null>(null);
  const outage = data.outage;
  useEffect(() => {
    if (!outage) return;
    const tick = () => setNow(Date.now());
    const first = setTimeout(tick, 0);
    const timer = setInterval(tick, 1_000);
    return () => {
      clearTimeout(first);
      clearInterval(timer);
    };
  }, [outage]);
  return (
    <div aria-live="polite" role="status" className="empty:hidden">
      {outage ? (
        <div
          className="rounded-md border border-amber-400 bg-amber-50 px-4 py-3 text-amber-950"
          data-testid="d1-outage"
        >
          <p className="font-semibold">
            <span aria-hidden>⚠ </span>
            {t("since", { time: time(outage.since) })}
            {now !== null ? <span aria-hidden> ({minutes(now - Date.parse(outage.since), t)})</span> : null}.
          </p>
          <p>
            {t("kept", { count: outage.waiting })}
            {outage.nextAttemptAt && now !== null ? (
              <span aria-hidden>{t("next", { when: nextIn(Date.parse(outage.nextAttemptAt) - now, t) })}</span>
            ) : null}
            {t("newWait")}
          </p>
        </div>
      ) : null}
    </div>
  );
}
