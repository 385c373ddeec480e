"use client";

// The review step of the issue form: what will be issued, what it replaces (and that a lost or
// stolen card is blocked first), the account of a debit card, and the confirmation the server
// asks for when the same product was requested for the customer within a day; and, before the
// teller issues, that the request will wait for a manager's approval.
import type { ReactNode } from "react";
import type { issueCardAction } from "@/lib/actions/teller/issue-card";
import { fieldNames } from "@/lib/actions/fields";
import { cardName, REPLACEMENT_REASON_LABEL } from "@/lib/issuance/card-status";
import { approvalReasons } from "@/lib/issuance/approval-words";
import type { ApprovalRule, ReplacementReason } from "@/lib/vocabulary";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { FieldError } from "@/components/ui/field-error";
import type { CardChoice } from "./replaced-card-fields";

const field = fieldNames<typeof issueCardAction>();

export function IssueReview({
  onMount,
  ...props
}: {
  children: ReactNode;
  /** Called with the box when it mounts (the form moves focus to it). */
  onMount: (box: HTMLElement | null) => void;
  productName: string;
  replaced?: CardChoice;
  replacementReason: ReplacementReason | "";
  accountNumber?: string;
  duplicateErrors?: string[];
  /** The approval rules this request meets (foreseen; the server decides). */
  approvalRules?: ApprovalRule[];
  confirmDuplicate: boolean;
  onConfirmDuplicate: (confirmed: boolean) => void;
  pending: boolean;
  onChange: () => void;
}) {
  const { replaced, replacementReason } = props;
  const blocks = replacementReason === "lost" || replacementReason === "stolen";
  return (
    <section
      aria-labelledby="review-heading"
      className="rounded-md border border-brand-100 bg-brand-50 p-4"
      tabIndex={-1}
      ref={onMount}
    >
      <h3 id="review-heading" className="font-semibold">
        Check before issuing
      </h3>
      <p className="mt-1">{props.children}</p>
      {replaced ? (
        <p className="mt-1">
          It replaces <strong>{cardName(replaced)}</strong>
          {replacementReason ? ` (${REPLACEMENT_REASON_LABEL[replacementReason].toLowerCase()})` : ""}
          {blocks ? ", which will be blocked before the new card is ordered." : "."}
        </p>
      ) : null}
      {props.accountNumber ? <p className="mt-1">For account {props.accountNumber}.</p> : null}
      {props.approvalRules?.length ? (
        <p className="mt-2 rounded border border-amber-300 bg-amber-50 p-2 text-amber-950" data-testid="needs-approval">
          <strong>Needs a manager&apos;s approval:</strong> {approvalReasons(props.approvalRules)}. The card is sent to
          the station only after a manager of the branch approves it.
        </p>
      ) : null}
      {props.duplicateErrors ? (
        <div className="mt-3">
          <FieldError id="confirmDuplicate-error" errors={props.duplicateErrors} />
          <Checkbox
            name={field("confirmDuplicate")}
            value="true"
            checked={props.confirmDuplicate}
            onChange={(e) => props.onConfirmDuplicate(e.target.checked)}
            aria-describedby="confirmDuplicate-error"
            label={`Yes, issue another ${props.productName}`}
          />
        </div>
      ) : null}
      <div className="mt-3 flex gap-3">
        <Button type="submit" disabled={props.pending}>
          {props.pending ? "Issuing…" : "Issue card"}
        </Button>
        <Button variant="secondary" onClick={props.onChange} disabled={props.pending}>
          Change
        </Button>
      </div>
    </section>
  );
}
