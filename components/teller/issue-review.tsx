"use client";

// The review step of the issue form: what will be issued, what it replaces (and that a lost or
// stolen card is blocked first), the account of a debit card, and the confirmation the server
// asks for when the same product was requested for the customer within a day; and, before the
// teller issues, that the request will wait for a manager's approval.
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import type { issueCardAction } from "@/lib/actions/teller/issue-card";
import { fieldNames } from "@/lib/actions/fields";
import { cardName } from "@/lib/issuance/card-status";
import { useApprovalReasons } from "./approval-reasons";
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
  const t = useTranslations("IssueForm");
  const approvalReasons = useApprovalReasons();
  return (
    <section
      aria-labelledby="review-heading"
      className="rounded-md border border-brand-100 bg-brand-50 p-4"
      tabIndex={-1}
      ref={onMount}
    >
      <h3 id="review-heading" className="font-semibold">
        {t("checkBeforeIssuing")}
      </h3>
      <p className="mt-1">{props.children}</p>
      {replaced ? (
        <p className="mt-1">
          {t.rich("itReplaces", {
            card: cardName(replaced),
            reason: replacementReason || "none",
            b: (chunks) => <strong>{chunks}</strong>,
          })}
        </p>
      ) : null}
      {props.accountNumber ? <p className="mt-1">{t("forAccount", { account: props.accountNumber })}</p> : null}
      {props.approvalRules?.length ? (
        <p className="mt-2 rounded border border-amber-300 bg-amber-50 p-2 text-amber-950" data-testid="needs-approval">
          <strong>{t("needsApproval")}</strong>{" "}
          {t("needsApprovalText", { reasons: approvalReasons(props.approvalRules) })}
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
            label={t("issueAnother", { product: props.productName })}
          />
        </div>
      ) : null}
      <div className="mt-3 flex gap-3">
        <Button type="submit" disabled={props.pending}>
          {props.pending ? t("issuing") : t("issue")}
        </Button>
        <Button variant="secondary" onClick={props.onChange} disabled={props.pending}>
          {t("change")}
        </Button>
      </div>
    </section>
  );
}
