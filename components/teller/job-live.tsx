"use client";

// A job's live production page. The job lives in the TanStack Query cache under ["job", id];
// the live channel writes each event into it, so the timeline moves without a reload. Every
// change of state is announced to screen readers.
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useEffect, useRef, useState } from "react";
import type { JobView } from "@/db/queries/job-views";
import { applyEvent } from "@/lib/events/apply-event";
import { STATE_LABEL, isFinal } from "@/lib/issuance/states";
import { cancelSentence, jobOutcome } from "@/lib/issuance/outcome";
import { stateSentence } from "@/lib/issuance/teller-messages";
import { REASON_LABEL } from "@/lib/issuance/reasons";
import { liveMeta } from "@/components/live/live-query";
import { Time } from "@/components/branch-time";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { JobStateBadge } from "./job-state-badge";
import { HandOver } from "./hand-over";
import { JobTimeline } from "./job-timeline";
import { OpenRequestActions } from "./open-request-actions";
import { RecoveryActions, type RetryStation } from "./recovery-actions";
import { ReportMisprint } from "./report-misprint";

const CANCELED_SENTENCE = "Canceled at the counter. No card was produced.";
const DESTROY_SENTENCE = "Printed after it was canceled: destroy this card, never hand it over.";

/** What the page says about a request canceled at the counter, from its "canceled" event. */
function canceledSentence(job: JobView): string {
  if (job.producedAfterCancelAt) return DESTROY_SENTENCE;
  const event = job.events.findLast((e) => e.kind === "canceled");
  const reach = event?.detail.reach;
  if (reach === "never_sent" || reach === "stopped" || reach === "not_stopped") {
    return cancelSentence({ reach, stationLabel: job.stationLabel });
  }
  return CANCELED_SENTENCE;
}

export function JobLive({ initial, stations }: { initial: JobView; stations: RetryStation[] }) {
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
    ? canceledSentence(job)
    : reissued
      ? `${outcome.kind === "moved" ? "Moved to" : "Issued again on"} ${job.retriedAsStation ?? "another station"}.`
      : stateSentence(job);
  // Announced whenever what the page says changes (a new state, or the last four digits that
  // arrive after it), never on the first render. The state's name leads, unless the card was
  // canceled or the sentence already starts with it ("Card produced. Hand the card…").
  const label = STATE_LABEL[job.state];
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
          {job.productName} for{" "}
          <Link href={`/teller/customers/${job.customerId}`} className="text-brand-700 underline">
            {job.customerName}
          </Link>
        </h1>
        <span data-testid="job-state">
          <JobStateBadge state={job.state} outcome={outcome} />
        </span>
      </header>
      <p className="text-sm text-slate-700">
        {REASON_LABEL[job.reason]} · printed as <span className="font-mono">{job.nameOnCard}</span> · at{" "}
        {job.stationLabel}
      </p>
      {job.retryOfJobId ? (
        <p data-testid="retry-of">
          {job.retryOf?.moved ? `Moved from ${job.retryOf.stationLabel}` : "Retry of"}{" "}
          <Link href={`/teller/jobs/${job.retryOfJobId}`} className="font-semibold text-brand-700 underline">
            ← earlier request
          </Link>
        </p>
      ) : null}
      <p className="text-xs text-slate-600">
        Reference for support:{" "}
        <span className="font-mono" data-testid="d1-reference">
          {job.issuerRequestId}
        </span>
      </p>
      {job.decidedAt && job.state !== "rejected" ? (
        <p data-testid="approved">
          Approved by {job.decidedByName ?? "a manager"} at <Time value={job.decidedAt} format="time" />:{" "}
          {`“${job.decisionNote ?? ""}”`}
        </p>
      ) : null}
      {spoiled && !reissued ? (
        <Alert tone="error">
          <p className="font-semibold" data-testid="spoiled">
            This card is spoiled: put it with the spoiled cards, never hand it over.
          </p>
          <p>Issue it again below; the spoiled card is destroyed under dual control.</p>
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
          <p>The request was canceled at the counter, but the station printed the card anyway.</p>
        </Alert>
      ) : reissued ? (
        <Alert tone="info">
          <p className="font-semibold" data-testid={outcome.kind}>
            {sentence}{" "}
            <Link href={`/teller/jobs/${job.retriedAs}`} className="text-brand-700 underline">
              → open the new request
            </Link>
          </p>
        </Alert>
      ) : closed ? (
        <Alert tone="info">
          <p className="font-semibold" data-testid="canceled">
            {sentence}
          </p>
          <p>To give the customer a card, issue a new one from their page.</p>
        </Alert>
      ) : rejected ? (
        <Alert tone="error">
          <p className="font-semibold" data-testid="rejected">
            {sentence}
          </p>
          <p>
            Decided by {job.decidedByName ?? "a manager"}
            {job.decidedAt ? (
              <>
                {" "}
                at <Time value={job.decidedAt} format="time" />
              </>
            ) : null}
            . Tell the customer why; a new request would need approval again.
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
          <p className="font-semibold">{STATE_LABEL[job.state]}</p>
          <p data-testid="failure">{sentence}</p>
          {job.errorCode ? <p className="mt-1 text-xs">Reference for support: {job.errorCode}</p> : null}
        </Alert>
      ) : (
        <Alert tone="info">
          <p data-testid="progress">{sentence}</p>
        </Alert>
      )}
      <Card title="Production" headingId="steps-heading">
        <JobTimeline
          state={job.state}
          events={job.events}
          failure={
            closed || outcome.kind === "moved"
              ? "canceled at the counter"
              : rejected
                ? "not approved by a manager"
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
