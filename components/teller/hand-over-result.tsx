"use client";

// After the hand-over: whether the card is active (or why not, with a retry), whether the card
// it replaces is blocked, the receipt to sign, and the way to the next customer.
import { useTranslations } from "next-intl";
import { useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useCallback, useState, useTransition } from "react";
import { retryActivationAction } from "@/lib/actions/teller/retry-activation";
import { settleFailure, type SettleFailure } from "@/lib/hand-over/settle-failure";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { HandOverJob } from "./hand-over";

/**
 * The last failure of a kind among the job's events: its reason (the screen says it in the
 * reader's language) or, for an event recorded before reasons were kept, its stored words.
 */
function lastFailure(
  job: HandOverJob,
  done: string,
  failed: string,
): { reason: SettleFailure | null; stored: string | null } | null {
  const last = job.events.filter((e) => e.kind === done || e.kind === failed).at(-1);
  if (last?.kind !== failed) return null;
  return {
    reason: settleFailure(last.detail),
    stored: typeof last.detail.message === "string" ? last.detail.message : null,
  };
}

export function HandOverResult({ job, focus }: { job: HandOverJob; focus: boolean }) {
  const t = useTranslations("HandOver");
  const v = useTranslations("Vocab");
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
      {retrying ? t("asking") : label}
    </Button>
  );
  const old = job.replacedCard;
  const blockFailed = old && !old.blocked ? lastFailure(job, "old_card_blocked", "old_card_block_failed") : null;
  const oldFailure = blockFailed
    ? blockFailed.reason
      ? t(`failure.block.${blockFailed.reason}`)
      : (blockFailed.stored ?? t("notBlockedByCardSystem"))
    : null;
  const activationFailed = job.activationError ? lastFailure(job, "activated", "activation_failed") : null;
  const activationFailure = activationFailed?.reason
    ? t(`failure.activate.${activationFailed.reason}`)
    : job.activationError;

  return (
    <div className="space-y-4">
      <Alert tone="success">
        <p ref={focusOnce} tabIndex={-1} className="text-lg font-semibold outline-none" data-testid="handed-over">
          {t("handedOver", { product: job.productName, last4: job.panLast4 ?? "" })}
        </p>
        {job.idDocumentType ? (
          <p>
            {t.rich("idChecked", {
              document: v(`idDocument.${job.idDocumentType}`),
              last: job.idDocumentLast ?? "",
              mono: (chunks) => <span className="font-mono">{chunks}</span>,
            })}
          </p>
        ) : null}
      </Alert>
      <div role="status" data-testid="activation">
        {job.cardStatus === "replaced" ? (
          <p>{t("replaced")}</p>
        ) : job.cardStatus === "blocked" ? (
          <p>{t("blocked")}</p>
        ) : job.cardStatus === "active" ? (
          <p className="font-semibold">
            <span aria-hidden>✓ </span>
            {t("active")}
          </p>
        ) : !job.activateAtHandOver ? (
          <p>{t("customerActivates")}</p>
        ) : job.activationError ? (
          <Alert tone="error">
            <p className="font-semibold">{t("notActive")}</p>
            <p>
              {activationFailure} {t("recorded")}
            </p>
            {retryButton(t("retryActivation"))}
          </Alert>
        ) : (
          <p>{t("activating")}</p>
        )}
      </div>
      {old ? (
        <div role="status" data-testid="replaced-card">
          {old.blocked ? (
            <p>{t("oldBlocked", { last4: old.panLast4 ?? "" })}</p>
          ) : oldFailure ? (
            <Alert tone="error">
              <p className="font-semibold">{t("oldNotBlocked", { last4: old.panLast4 ?? "" })}</p>
              <p>{oldFailure}</p>
              {retryButton(t("retryBlock"))}
            </Alert>
          ) : (
            <p>{t("blocking", { last4: old.panLast4 ?? "" })}</p>
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
            {t("receipt")}
          </a>
        </Button>
        <Button asChild>
          <Link href="/teller">{t("next")}</Link>
        </Button>
      </div>
    </div>
  );
}
