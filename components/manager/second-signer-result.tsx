"use client";

// The SSO confirmation popup's last step: tell the dual-control form that opened it (only a page
// of our own origin, lib/dual-control/sso-message.ts) and close. If the form's window is gone,
// the page stays and says what happened.
import { useTranslations } from "next-intl";
import { useEffect } from "react";
import type { SsoFailure } from "@/lib/dual-control/messages";
import { SSO_MESSAGE_TYPE, type SsoMessage } from "@/lib/dual-control/sso-message";
import { Alert } from "@/components/ui/alert";

export type SsoConfirmation = { ok: true; assertionId: string; name: string } | { ok: false; failure: SsoFailure };

export function SecondSignerResult({ result }: { result: SsoConfirmation }) {
  const t = useTranslations("DualControl");
  useEffect(() => {
    const opener = window.opener as Window | null;
    if (!opener) return;
    const data: SsoMessage = { type: SSO_MESSAGE_TYPE, ...result };
    opener.postMessage(data, window.location.origin);
    window.close();
  }, [result]);
  return (
    <div className="space-y-3">
      {result.ok ? (
        <Alert tone="success" live>
          {t("confirmedByDone", { name: result.name })}
        </Alert>
      ) : (
        <Alert tone="error" live>
          {t(`ssoFailure.${result.failure}`)}
        </Alert>
      )}
      <p className="text-sm text-slate-700">{t("popupCloses")}</p>
    </div>
  );
}
