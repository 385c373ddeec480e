"use client";

// One banner on the Counter while D1 is unreachable for the branch (UX walk T19): since when, how
// long, and when the requests are sent again. It follows the live channel: a failed try, an
// accepted order or a new request refetches it, so it appears and disappears without a reload.
import { useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import type { D1Outage } from "@/db/queries/d1-outage";
import { liveMeta } from "@/components/live/live-query";
import { useBranchTime } from "@/components/branch-time";
import { isFinal } from "@/lib/issuance/states";

type Status = { outage: D1Outage | null };

const minutes = (ms: number) => {
  const m = Math.floor(ms / 60_000);
  return m < 1 ? "under a minute" : m < 60 ? `${m} min` : `${Math.floor(m / 60)} h ${m % 60} min`;
};

const nextIn = (ms: number) => (ms <= 1_000 ? "any moment now" : `in ~${Math.ceil(ms / 1_000)} s`);

export function D1OutageBanner({ initial }: { initial: D1Outage | null }) {
  const { time } = useBranchTime();
  const { data } = useQuery({
    queryKey: ["d1-status"],
    initialData: { outage: initial },
    queryFn: async () => {
      const response = await fetch("/api/teller/d1-status", { cache: "no-store" });
      if (!response.ok) throw new Error("Could not check D1.");
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
            <span aria-hidden>⚠ </span>D1 is unreachable since {time(outage.since)}
            {now !== null ? <span aria-hidden> ({minutes(now - Date.parse(outage.since))})</span> : null}.
          </p>
          <p>
            {outage.waiting === 1 ? "1 request is" : `${outage.waiting} requests are`} kept and sent again automatically
            {outage.nextAttemptAt && now !== null ? (
              <span aria-hidden>; next attempt {nextIn(Date.parse(outage.nextAttemptAt) - now)}</span>
            ) : null}
            . New requests are accepted and wait too.
          </p>
        </div>
      ) : null}
    </div>
  );
}
