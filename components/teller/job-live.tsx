"use client";

// A job's live production page. The job lives in the TanStack Query cache under ["job", id];
// the live channel writes each event into it, so the timeline moves without a reload. Every
// change of state is announced to screen readers.
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import type { JobView } from "@/db/queries/job-views";
import { applyEvent } from "@/lib/events/apply-event";
import { isFinal } from "@/lib/issuance/states";
import { jobOutcome } from "@/lib/issuance/outcome";
import { stateMessage, type StateMessageJob } from "@/lib/issuance/state-message";
import { liveMeta } from "@/components/live/live-query";
import { useBranchTime } from "@/components/branch-time";
import { useApprovalReasons } from "./approval-reasons";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { JobStateBadge } from "./job-state-badge";
import { HandOver } from "./hand-over";
import { JobTimeline } from "./job-timeline";
import { OpenRequestActions } from "./open-request-actions";
import { RecoveryActions, type RetryStation } from "./recovery-actions";
import { ReportMisprint } from "./report-misprint";

type JobT = ReturnType<typeof useTranslations<"Job">>;

/** What the page says about a request canceled at the counter, from its "canceled" event. */
function canceledSentence(job: JobView, t: JobT): string {
  if (job.producedAfterCancelAt) return t("destroySentence");
  const event = job.events.findLast((e) => e.kind === "canceled");
  const reach = event?.detail.reach;
  if (reach === "never_sent") return t("cancelNeverSent");
  if (reach === "stopped") return t("cancelStopped");
  if (reach === "not_stopped") return t("cancelNotStopped", { station: job.stationLabel });
  return t("canceledSentence");
}

/** The job's sentence (lib/issuance/state-message.ts) in the user's language. */
function useStateSentence(): (job: StateMessageJob) => string {
  const t = useTranslations("JobSentence");
  const approvalReasons = useApprovalReasons();
  return (job) => {
    const m = stateMessage(job);
    const reasons: Record<string, string> = m.rules !== undefined ? { reasons: approvalReasons(m.rules) } : {};
    const sentence = t(m.key, { ...m.values, ...reasons });
    // The recorded words (D1's, in English) follow the reader's sentence as a detail for support.
    return m.detail ? `${sentence} ${t("detail", { text: m.detail })}` : sentence;
  };
}

export function JobLive({ initial, stations }: { initial: JobView; stations: RetryStation[] }) {
  const t = useTranslations("Job");
  const v = useTranslations("Vocab");
  const stateSentence = useStateSentence();
  const { time } = useBranchTime();
  const { data } = useQuery({
    queryKey: ["job", initial.id],
    initialData: { job: initial },
    queryFn: async () => {
      const response = await fetch(`/api/jobs/${initial.id}`, { cache: "no-store" });
      if (!response.ok) throw new Error("Could not refresh the job.");
      return (await response.json()) as { job: JobView };
    },
    meta: liveMeta<{ job: JobView }>({
      apply: (data, event) => {
        const job = applyEvent(data.job, event);
        return job === data.job ? data : { job };
      },
      // A final state: read the job once more for everything the event does not carry.
      refetch: (event) => event.jobId === initial.id && isFinal(event.state),
    }),
  });
  const job = data.job;
  const outcome = jobOutcome(job);
  const failed = outcome.kind === "failed";
  // A produced card reported misprinted (or never handed over): spoiled, to be issued again.
  const spoiled = job.state === "done" && job.destroyIfProduced;
  // Canceled at the counter (a failed card closed, or an open request canceled), retried or
  // moved: final for this request, so nothing about retrying or waiting is said any more.
  const closed = outcome.kind === "canceled" || outcome.kind === "destroy";
  const reissued = outcome.kind === "retried" || outcome.kind === "moved";
  const open = outcome.kind === "open";
  const awaiting = job.state === "awaiting_approval";
  const rejected = outcome.kind === "rejected";
  const sentence = closed
    ? canceledSentence(job, t)
    : reissued
      ? t("reissued", { moved: String(outcome.kind === "moved"), station: job.retriedAsStation ?? t("anotherStation") })
      : stateSentence(job);
  // Announced whenever what the page says changes (a new state, or the last four digits that
  // arrive after it), never on the first render. The state's name leads, unless the card was
  // canceled or the sentence already starts with it ("Card produced. Hand the card…").
  const label = v(`jobState.${job.state}`);
  const message = closed || reissued || sentence.startsWith(label) ? sentence : `${label}. ${sentence}`;
  const [announcement, setAnnouncement] = useState("");
  const previous = useRef(message);
  useEffect(() => {
    if (previous.current !== message) {
      previous.current = message;
      setAnnouncement(message);
    }
  }, [message]);

  return (
    <div className="space-y-6">
      <p aria-live="polite" role="status" className="sr-only" data-testid="announcer">
        {announcement}
      </p>
      <header className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-bold">
          {t.rich("heading", {
            product: job.productName,
            customer: job.customerName,
            link: (chunks) => (
              <Link href={`/teller/customers/${job.customerId}`} className="text-brand-700 underline">
                {chunks}
              </Link>
            ),
          })}
        </h1>
        <span data-testid="job-state">
          <JobStateBadge state={job.state} outcome={outcome} />
        </span>
      </header>
      <p className="text-sm text-slate-700">
        {t.rich("meta", {
          reason: v(`issuanceReason.${job.reason}`),
          name: job.nameOnCard,
          station: job.stationLabel,
          mono: (chunks) => <span className="font-mono">{chunks}</span>,
        })}
      </p>
      {job.retryOfJobId ? (
        <p data-testid="retry-of">
          {job.retryOf?.moved ? t("movedFrom", { station: job.retryOf.stationLabel }) : t("retryOf")}{" "}
          <Link href={`/teller/jobs/${job.retryOfJobId}`} className="font-semibold text-brand-700 underline">
            {t("earlierRequest")}
          </Link>
        </p>
      ) : null}
      <p className="text-xs text-slate-600">
        {t("supportReference")}{" "}
        <span className="font-mono" data-testid="d1-reference">
          {job.issuerRequestId}
        </span>
      </p>
      {job.decidedAt && job.state !== "rejected" ? (
        <p data-testid="approved">
          {t.rich("approved", {
            name: job.decidedByName ?? t("aManager"),
            time: time(job.decidedAt),
            note: job.decisionNote ?? "",
            at: (chunks) => <time dateTime={new Date(job.decidedAt!).toISOString()}>{chunks}</time>,
          })}
        </p>
      ) : null}
      {spoiled && !reissued ? (
        <Alert tone="error">
          <p className="font-semibold" data-testid="spoiled">
            {t("spoiled")}
          </p>
          <p>{t("spoiledNext")}</p>
        </Alert>
      ) : job.state === "done" || job.state === "handed_over" ? (
        <>
          <HandOver job={job} />
          {job.state === "done" && !job.destroyIfProduced ? <ReportMisprint jobId={job.id} /> : null}
        </>
      ) : outcome.kind === "destroy" ? (
        <Alert tone="error">
          <p className="text-lg font-semibold" data-testid="destroy">
            {sentence}
          </p>
          <p>{t("printedAnyway")}</p>
        </Alert>
      ) : reissued ? (
        <Alert tone="info">
          <p className="font-semibold" data-testid={outcome.kind}>
            {sentence}{" "}
            <Link href={`/teller/jobs/${job.retriedAs}`} className="text-brand-700 underline">
              {t("openNew")}
            </Link>
          </p>
        </Alert>
      ) : closed ? (
        <Alert tone="info">
          <p className="font-semibold" data-testid="canceled">
            {sentence}
          </p>
          <p>{t("issueNew")}</p>
        </Alert>
      ) : rejected ? (
        <Alert tone="error">
          <p className="font-semibold" data-testid="rejected">
            {sentence}
          </p>
          <p>
            {job.decidedAt
              ? t.rich("decidedAt", {
                  name: job.decidedByName ?? t("aManager"),
                  time: time(job.decidedAt),
                  at: (chunks) => <time dateTime={new Date(job.decidedAt!).toISOString()}>{chunks}</time>,
                })
              : t("decided", { name: job.decidedByName ?? t("aManager") })}
          </p>
        </Alert>
      ) : awaiting ? (
        <Alert tone="info">
          <p className="font-semibold" data-testid="awaiting">
            {sentence}
          </p>
        </Alert>
      ) : failed ? (
        <Alert tone="error">
          <p className="font-semibold">{label}</p>
          <p data-testid="failure">{sentence}</p>
          {job.errorCode ? (
            <p className="mt-1 text-xs">
              {t("supportReference")} {job.errorCode}
            </p>
          ) : null}
        </Alert>
      ) : (
        <Alert tone="info">
          <p data-testid="progress">{sentence}</p>
        </Alert>
      )}
      <Card title={t("production")} headingId="steps-heading">
        <JobTimeline
          state={job.state}
          events={job.events}
          failure={
            closed || outcome.kind === "moved"
              ? t("stoppedCanceled")
              : rejected
                ? t("stoppedRejected")
                : failed || outcome.kind === "retried"
                  ? (stateSentence(job).split(".")[0] ?? null)
                  : null
          }
        />
      </Card>
      {failed || (spoiled && !reissued) ? (
        <RecoveryActions jobId={job.id} failedStationId={job.stationId} stations={stations} canCancel={failed} />
      ) : open ? (
        <OpenRequestActions
          jobId={job.id}
          stations={stations.filter((s) => s.id !== job.stationId)}
          awaitingApproval={awaiting}
        />
      ) : null}
    </div>
  );
}
