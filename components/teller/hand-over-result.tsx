"use client";

// After the hand-over: whether the card is active (or why not, with a retry), whether the card
// it replaces is blocked, the receipt to sign, and the way to the next customer.
import { useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useCallback, useState, useTransition } from "react";
import { retryActivationAction } from "@/lib/actions/teller/retry-activation";
import { ID_DOCUMENT_LABEL } from "@/lib/hand-over/labels";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { HandOverJob } from "./hand-over";

/** The last word on blocking the replaced card, from the job's events (no column holds it). */
function blockFailure(job: HandOverJob): string | null {
  const last = job.events.filter((e) => e.kind === "old_card_blocked" || e.kind === "old_card_block_failed").at(-1);
  if (last?.kind !== "old_card_block_failed") return null;
  return typeof last.detail.message === "string" ? last.detail.message : "The card system did not block it.";
}

export function HandOverResult({ job, focus }: { job: HandOverJob; focus: boolean }) {
  const queryClient = useQueryClient();
  const [retrying, startRetry] = useTransition();
  const [retryError, setRetryError] = useState<string | null>(null);
  const focusOnce = useCallback((el: HTMLElement | null) => (focus ? el?.focus() : undefined), [focus]);
  const retry = () =>
    startRetry(async () => {
      const result = await retryActivationAction({ jobId: job.id });
      setRetryError(result.ok ? null : result.message);
      await queryClient.invalidateQueries({ queryKey: ["job", job.id] });
    });
  const retryButton = (label: string) => (
    <Button variant="secondary" className="mt-2" disabled={retrying} onClick={retry}>
      {retrying ? "Asking the card system…" : label}
    </Button>
  );
  const old = job.replacedCard;
  const oldFailure = old && !old.blocked ? blockFailure(job) : null;

  return (
    <div className="space-y-4">
      <Alert tone="success">
        <p ref={focusOnce} tabIndex={-1} className="text-lg font-semibold outline-none" data-testid="handed-over">
          Card handed over: {job.productName} •••• {job.panLast4}
        </p>
        {job.idDocumentType ? (
          <p>
            Identity document checked: {ID_DOCUMENT_LABEL[job.idDocumentType]} ending in{" "}
            <span className="font-mono">{job.idDocumentLast}</span>
          </p>
        ) : null}
      </Alert>
      <div role="status" data-testid="activation">
        {job.cardStatus === "replaced" ? (
          <p>This card has since been replaced by a new card.</p>
        ) : job.cardStatus === "blocked" ? (
          <p>This card is blocked.</p>
        ) : job.cardStatus === "active" ? (
          <p className="font-semibold">
            <span aria-hidden>✓ </span>The card is active.
          </p>
        ) : !job.activateAtHandOver ? (
          <p>The customer activates the card themselves; it stays inactive until then.</p>
        ) : job.activationError ? (
          <Alert tone="error">
            <p className="font-semibold">The card is not active yet.</p>
            <p>{job.activationError} The hand-over is recorded.</p>
            {retryButton("Retry activation")}
          </Alert>
        ) : (
          <p>Activating the card…</p>
        )}
      </div>
      {old ? (
        <div role="status" data-testid="replaced-card">
          {old.blocked ? (
            <p>The card it replaces (•••• {old.panLast4}) is blocked.</p>
          ) : oldFailure ? (
            <Alert tone="error">
              <p className="font-semibold">The card it replaces (•••• {old.panLast4}) is not blocked yet.</p>
              <p>{oldFailure}</p>
              {retryButton("Retry blocking the old card")}
            </Alert>
          ) : (
            <p>Blocking the card it replaces (•••• {old.panLast4})…</p>
          )}
        </div>
      ) : null}
      {retryError ? (
        <p role="alert" className="text-sm text-red-800">
          {retryError}
        </p>
      ) : null}
      <div className="flex flex-wrap gap-3">
        {/* A plain link: the browser downloads the PDF the route answers with. */}
        <Button asChild variant="secondary">
          <a href={`/api/jobs/${job.id}/receipt`} download>
            Download receipt
          </a>
        </Button>
        <Button asChild>
          <Link href="/teller">Next customer</Link>
        </Button>
      </div>
    </div>
  );
}
