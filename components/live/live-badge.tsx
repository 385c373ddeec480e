"use client";

// Says whether what the screen shows is live: words and a symbol, never colour alone. Changes
// are announced politely to screen readers, except the first time the screen goes live (every
// page load would otherwise say "Live").
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { cn } from "@/lib/utils";
import { useLiveChannel } from "./live-events";
import type { LiveStatus } from "./live-state";

const SYMBOL: Record<LiveStatus, string> = { connecting: "…", live: "●", polling: "↻", offline: "!" };
const TONE: Record<LiveStatus, string> = {
  connecting: "border-slate-300 text-slate-800",
  live: "border-green-300 text-green-900",
  polling: "border-amber-300 text-amber-900",
  offline: "border-red-300 text-red-900",
};

export function LiveBadge() {
  const t = useTranslations("Live");
  const { status, pollSeconds } = useLiveChannel();
  // Connecting is not announced: the page has just loaded.
  const announcement = (s: LiveStatus, seconds: number) => (s === "connecting" ? "" : t(`said.${s}`, { seconds }));
  const [said, setSaid] = useState("");
  const previous = useRef(status);
  const wasLive = useRef(false);
  useEffect(() => {
    if (previous.current === status) return;
    previous.current = status;
    const first = status === "live" && !wasLive.current;
    if (status === "live") wasLive.current = true;
    setSaid(first ? "" : announcement(status, pollSeconds));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the words follow the language, the effect the status
  }, [status, pollSeconds]);
  return (
    <>
      <span
        data-testid="live-status"
        data-status={status}
        className={cn(
          "inline-flex items-center gap-1 rounded-full border bg-white px-2 py-0.5 text-xs font-medium",
          TONE[status],
        )}
      >
        <span aria-hidden>{SYMBOL[status]}</span>
        {t(`status.${status}`, { seconds: pollSeconds })}
      </span>
      <span role="status" className="sr-only" data-testid="live-announcer">
        {said}
      </span>
    </>
  );
}
