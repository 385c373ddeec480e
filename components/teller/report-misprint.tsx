"use client";

// A produced card the teller sees is misprinted (wrong name, smudged, chip damaged): reported
// here, it goes to the spoiled pile and can no longer be handed over; the page then offers to
// issue it again.
import { useQueryClient } from "@tanstack/react-query";
import { useState, useTransition } from "react";
import { reportMisprintAction } from "@/lib/actions/teller/report-misprint";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

export function ReportMisprint({ jobId }: { jobId: string }) {
  const queryClient = useQueryClient();
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
        Card misprinted?
      </h2>
      <p className="text-sm text-slate-700">
        Put a misprinted card with the spoiled cards: it is never handed over, and you can issue it again.
      </p>
      {asking ? (
        <div className="mt-2 flex flex-wrap gap-3" role="group" aria-label="Confirm the misprint">
          <Button type="button" variant="danger" disabled={pending} onClick={report}>
            {pending ? "Reporting…" : "Yes, the card is misprinted"}
          </Button>
          <Button type="button" variant="secondary" disabled={pending} onClick={() => setAsking(false)}>
            No, keep it
          </Button>
        </div>
      ) : (
        <Button type="button" variant="secondary" className="mt-2" onClick={() => setAsking(true)}>
          Report a misprint
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
