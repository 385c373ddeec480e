"use client";

// Signs an idle teller out at the limit and warns a minute before. Key presses and clicks that
// send no request of their own are reported to the server once a minute, so the server's own
// idle check (the backstop when this screen is closed) agrees with what the teller did.
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { idleStage, TOUCH_INTERVAL_SECONDS } from "@/lib/auth/session-policy";

const ACTIVITY_EVENTS = ["pointerdown", "pointermove", "keydown", "wheel", "touchstart"] as const;

/** How long the server has seen no activity (another tab may have been busy); null once it ended the session. */
async function serverIdleMs(): Promise<number | null> {
  try {
    const response = await fetch("/api/session/activity", { cache: "no-store" });
    if (response.status === 401) return null;
    if (!response.ok) return 0;
    return ((await response.json()) as { idleSeconds: number }).idleSeconds * 1000;
  } catch {
    // Unreachable server: sign out anyway, the screen must not stay open.
    return null;
  }
}

export function IdleTimer({ idleMinutes }: { idleMinutes: number }) {
  const t = useTranslations("Idle");
  const limitMs = idleMinutes * 60_000;
  const lastActivity = useRef(0);
  const lastReport = useRef(0);
  const [warning, setWarning] = useState<number | null>(null);

  useEffect(() => {
    // The page render that mounted this timer counted as activity on the server.
    lastActivity.current = Date.now();
    lastReport.current = Date.now();
    let ending = false;

    const onActivity = () => {
      const now = Date.now();
      lastActivity.current = now;
      if (now - lastReport.current >= TOUCH_INTERVAL_SECONDS * 1000) {
        lastReport.current = now;
        void fetch("/api/session/activity", { method: "POST" }).catch(() => {});
      }
    };

    const end = async () => {
      ending = true;
      const serverIdle = await serverIdleMs();
      if (serverIdle !== null && serverIdle < limitMs) {
        // Another tab of this session was used: count from there.
        lastActivity.current = Date.now() - serverIdle;
        ending = false;
        return;
      }
      await fetch("/api/session/sign-out", { method: "POST", redirect: "manual" }).catch(() => {});
      // A full load, not a client navigation: nothing of the customer's data may stay in memory.
      // eslint-disable-next-line @next/next/no-location-assign-relative-destination
      window.location.assign("/login?idle=1");
    };

    const tick = () => {
      if (ending) return;
      const idle = Date.now() - lastActivity.current;
      const stage = idleStage(idle, limitMs);
      if (stage === "end") void end();
      setWarning(stage === "warn" ? Math.max(1, Math.ceil((limitMs - idle) / 1000)) : null);
    };

    for (const type of ACTIVITY_EVENTS) window.addEventListener(type, onActivity, { passive: true });
    const interval = setInterval(tick, 1000);
    return () => {
      for (const type of ACTIVITY_EVENTS) window.removeEventListener(type, onActivity);
      clearInterval(interval);
    };
  }, [limitMs]);

  return (
    <div aria-live="assertive" aria-atomic="true">
      {warning !== null ? (
        <div
          role="alertdialog"
          aria-labelledby="idle-warning-title"
          aria-describedby="idle-warning-text"
          className="fixed inset-x-0 top-0 z-50 mx-auto mt-4 max-w-md rounded-md border border-amber-400 bg-amber-50 p-4 text-amber-950 shadow-lg"
        >
          <p id="idle-warning-title" className="font-semibold">
            {t("title")}
          </p>
          <p id="idle-warning-text" className="mt-1 text-sm">
            {t("text")} <span aria-hidden="true">{t("countdown", { seconds: warning })}</span>
          </p>
          {/* Focus moves here so that Enter or Space keeps the session. */}
          <Button className="mt-3" type="button" autoFocus onClick={() => setWarning(null)}>
            {t("stay")}
          </Button>
        </div>
      ) : null}
    </div>
  );
}
