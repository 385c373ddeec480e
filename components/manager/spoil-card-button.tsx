"use client";

// "Spoil" on a card produced but never handed over: after a confirmation it goes to the spoiled
// pile (kept apart until destroyed under dual control) and can no longer be handed over.
import { useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { spoilCardAction } from "@/lib/actions/manager/spoil-card";
import { Button } from "@/components/ui/button";

export function SpoilCardButton({ jobId, card }: { jobId: string; card: string }) {
  const t = useTranslations("Board");
  const client = useQueryClient();
  const [asking, setAsking] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const spoil = () =>
    start(async () => {
      const result = await spoilCardAction({ jobId });
      setError(result.ok ? null : result.message);
      setAsking(false);
      await client.invalidateQueries({ queryKey: ["branch-board"] });
    });
  if (!asking) {
    return (
      <>
        <Button
          type="button"
          variant="secondary"
          onClick={() => setAsking(true)}
          aria-label={t("spoilLabel", { card })}
        >
          {t("spoil")}
        </Button>
        <span aria-live="polite" className="block text-sm text-red-800">
          {error}
        </span>
      </>
    );
  }
  return (
    <div className="flex flex-wrap gap-2" role="group" aria-label={t("spoilAsk", { card })}>
      <Button type="button" variant="danger" disabled={pending} onClick={spoil}>
        {pending ? t("spoiling") : t("spoilYes")}
      </Button>
      <Button type="button" variant="secondary" disabled={pending} onClick={() => setAsking(false)}>
        {t("keep")}
      </Button>
    </div>
  );
}
