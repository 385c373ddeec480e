"use client";

import { useState, type RefObject } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/select";

type Props = {
  warning: string;
  /** One line per waiting request: customer · product · state. */
  waiting: string[];
  others: { id: string; label: string }[];
  pending: boolean;
  confirmRef: RefObject<HTMLButtonElement | null>;
  onDisable: () => void;
  onMove: (toStationId: string) => void;
  onKeep: () => void;
};

/** The second step of disabling a station with waiting requests: whose they are, and where to move them. */
export function DisableStationWarning({
  warning,
  waiting,
  others,
  pending,
  confirmRef,
  onDisable,
  onMove,
  onKeep,
}: Props) {
  const t = useTranslations("Stations");
  const [target, setTarget] = useState(others[0]?.id ?? "");
  return (
    <div
      role="alert"
      className="max-w-md rounded-md border border-amber-400 bg-amber-50 p-3 text-left text-sm text-amber-950"
    >
      <p>
        <strong>{t("warning")} </strong>
        {warning}
      </p>
      {waiting.length > 0 ? (
        <ul className="mt-2 list-disc pl-5" aria-label={t("waitingHere")}>
          {waiting.map((line, i) => (
            <li key={i}>{line}</li>
          ))}
        </ul>
      ) : null}
      {others.length > 0 ? (
        <div className="mt-3 flex flex-wrap items-end gap-2">
          <label className="flex flex-col gap-1">
            <span className="font-medium">{t("moveTo")}</span>
            <Select inline sizing="sm" value={target} onChange={(e) => setTarget(e.target.value)}>
              {others.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.label}
                </option>
              ))}
            </Select>
          </label>
          <Button ref={confirmRef} disabled={pending || !target} onClick={() => onMove(target)}>
            {t("moveAndDisable")}
          </Button>
        </div>
      ) : null}
      <div className="mt-3 flex flex-wrap gap-2">
        <Button
          ref={others.length > 0 ? undefined : confirmRef}
          variant="danger"
          disabled={pending}
          onClick={onDisable}
        >
          {t("disableAnyway")}
        </Button>
        <Button variant="secondary" disabled={pending} onClick={onKeep}>
          {t("keepEnabled")}
        </Button>
      </div>
    </div>
  );
}
