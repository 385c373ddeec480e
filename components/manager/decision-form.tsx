"use client";

// The manager's decision on a request awaiting approval: a reason is required either way (it is
// audited and the teller sees it), then Approve (sent to D1 now) or Reject (final).
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { approveRequestAction } from "@/lib/actions/manager/approve-request";
import { rejectRequestAction } from "@/lib/actions/manager/reject-request";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Textarea } from "@/components/ui/textarea";

export function DecisionForm({ jobId }: { jobId: string }) {
  const t = useTranslations("Approvals");
  const [note, setNote] = useState("");
  const [pending, start] = useTransition();
  const [errors, setErrors] = useState<string[] | undefined>();
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const decided = message !== null && !message.error;
  const decide = (approve: boolean) =>
    start(async () => {
      const result = await (approve ? approveRequestAction : rejectRequestAction)({ jobId, note });
      if (result.ok) {
        setErrors(undefined);
        setMessage({
          text: approve ? t("approvedNow") : t("rejectedNow"),
          error: false,
        });
      } else {
        setErrors(result.fieldErrors?.note);
        setMessage(result.fieldErrors?.note ? null : { text: result.message, error: true });
      }
    });
  return (
    <Card title={t("yourDecision")} headingId="decision-heading">
      <form onSubmit={(e) => e.preventDefault()} className="space-y-3">
        <Field id="decision-note" label={t("noteLabel")} hint={t("noteHint")} errors={errors}>
          {(control) => (
            <Textarea {...control} name="note" rows={3} value={note} onChange={(e) => setNote(e.target.value)} />
          )}
        </Field>
        {decided ? (
          <Link href="/manager/approvals" className="font-semibold text-brand-700 underline">
            {t("backToQueue")}
          </Link>
        ) : (
          <div className="flex flex-wrap gap-3">
            <Button type="button" disabled={pending} onClick={() => decide(true)}>
              {pending ? t("saving") : t("approve")}
            </Button>
            <Button type="button" variant="danger" disabled={pending} onClick={() => decide(false)}>
              {t("reject")}
            </Button>
          </div>
        )}
        {message ? (
          <Alert tone={message.error ? "error" : "success"} live>
            <span data-testid="decision-message">{message.text}</span>
          </Alert>
        ) : null}
      </form>
    </Card>
  );
}
