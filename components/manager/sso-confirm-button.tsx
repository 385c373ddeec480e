"use client";

// "Confirm with <the bank's SSO>": the second person re-authenticates at the identity provider in
// a popup (/api/dual-control/sso/start), so the form keeps everything typed. The popup's last
// page posts the result back; only a message from our own origin and from this popup counts.
import { useEffect, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { readSsoMessage } from "@/lib/dual-control/sso-message";
import type { DualControlStep } from "@/lib/vocabulary";
import { Button } from "@/components/ui/button";
import { FieldError } from "@/components/ui/field-error";

export type SsoConfirmed = { assertionId: string; name: string };

const START = "/api/dual-control/sso/start";

export function SsoConfirmButton({
  id,
  step,
  provider,
  hint,
  onConfirmed,
}: {
  id: string;
  /** The four-eyes step: the confirmation is good for it alone. */
  step: DualControlStep;
  provider: string;
  /** The e-mail typed so far, offered to the provider's login form. */
  hint: () => string;
  onConfirmed: (confirmed: SsoConfirmed) => void;
}) {
  const t = useTranslations("DualControl");
  const popup = useRef<Window | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    const onMessage = (event: MessageEvent) => {
      if (event.origin !== window.location.origin || !popup.current || event.source !== popup.current) return;
      const message = readSsoMessage(event.data);
      if (!message) return;
      popup.current = null;
      if (message.ok) {
        setFailure(null);
        onConfirmed({ assertionId: message.assertionId, name: message.name });
      } else setFailure(t(`ssoFailure.${message.failure}`));
    };
    window.addEventListener("message", onMessage);
    return () => window.removeEventListener("message", onMessage);
  }, [onConfirmed, t]);

  const open = () => {
    const email = hint();
    const query = new URLSearchParams({ step, ...(email ? { hint: email } : {}) });
    const url = `${START}?${query.toString()}`;
    setFailure(null);
    popup.current = window.open(url, `second-signer-${id}`, "popup,width=520,height=720");
    if (!popup.current) setFailure(t("popupBlocked"));
    else popup.current.focus();
  };

  const errorId = `${id}-sso-error`;
  return (
    <div>
      <Button variant="secondary" onClick={open} aria-describedby={failure ? errorId : undefined}>
        {t("confirmWith", { provider })}
      </Button>
      <FieldError id={errorId} errors={failure ? [failure] : undefined} />
    </div>
  );
}
