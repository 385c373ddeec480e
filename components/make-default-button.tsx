"use client";

import { useTransition, useState } from "react";
import { setDefaultStationAction } from "@/lib/actions/manager/set-default-station";
import { Button } from "@/components/ui/button";

export function MakeDefaultButton({ stationId, label }: { stationId: string; label: string }) {
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <span className="inline-flex items-center gap-2">
      <Button
        variant="secondary"
        disabled={pending}
        aria-label={`Make ${label} the default station`}
        onClick={() =>
          startTransition(async () => {
            const result = await setDefaultStationAction({ stationId });
            setError(result.ok ? null : result.message);
          })
        }
      >
        {pending ? "Saving…" : "Make default"}
      </Button>
      {error ? <span role="alert" className="text-sm text-red-800">{error}</span> : null}
    </span>
  );
}
