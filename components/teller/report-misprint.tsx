"use client";

// A produced card the teller sees is misprinted (wrong name, smudged, chip damaged): reported
// here, it goes to the spoiled pile and can no longer be handed over; the page then offers to
// issue it again.
import { useTranslations } from "next-intl";
import { useQueryClient } from "@tanstack/react-query";
import { useState, useTransition } from "react";
import { reportMisprintAction } from "@/lib/actions/teller/report-misprint";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

export function ReportMisprint({ jobId }: { jobId: string }) {
  const queryClient = useQueryClient();
  const t = useTranslations("Misprint");
  const [asking, setAsking] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const report = () =>
    start(async () => {
      const result = await reportMisprintAction({ jobId });
      setError(result.ok ? null : result.message);
      setAsking(false);
      await queryClient.invalidateQueries({ queryKey: ["job", jobId] });
    });
  return (
    <section aria-labelledby="misprint-heading" className="rounded-md border border-slate-300 bg-white p-4">
      <h2 id="misprint-heading" className="text-base font-semibold">
        {t("title")}
      </h2>
      <p className="text-sm text-slate-700">{t("text")}</p>
      {asking ? (
        <div className="mt-2 flex flex-wrap gap-3" role="group" aria-label={t("confirm")}>
          <Button type="button" variant="danger" disabled={pending} onClick={report}>
            {pending ? t("reporting") : t("yes")}
          </Button>
          <Button type="button" variant="secondary" disabled={pending} onClick={() => setAsking(false)}>
            {t("no")}
          </Button>
        </div>
      ) : (
        <Button type="button" variant="secondary" className="mt-2" onClick={() => setAsking(true)}>
          {t("report")}
        </Button>
      )}
      {error ? (
        <Alert tone="error" live>
          {error}
        </Alert>
      ) : null}
    </section>
  );
}
