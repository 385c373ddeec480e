"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import type { AdminUser } from "@/db/queries/users";
import { resetUserPasswordAction } from "@/lib/actions/admin/reset-user-password";
import { setUserActiveAction } from "@/lib/actions/admin/set-user-active";
import { Button } from "@/components/ui/button";
import { TemporaryPassword } from "./temporary-password";

/** Deactivate / reactivate and reset the password, each ending the person's open sessions. */
export function UserAccountActions({ user }: { user: AdminUser }) {
  const t = useTranslations("User");
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  // Deactivating signs the person out everywhere at once: asked before it is done.
  const [confirmDeactivate, setConfirmDeactivate] = useState(false);
  const [temporary, setTemporary] = useState<{ email: string; password: string } | null>(null);

  const setActive = (active: boolean) =>
    startTransition(async () => {
      const r = await setUserActiveAction({ userId: user.id, active });
      setConfirmDeactivate(false);
      setError(r.ok ? null : r.message);
      setDone(r.ok ? t(active ? "reactivated" : "deactivatedDone", { email: user.email }) : null);
      router.refresh();
    });

  const reset = () =>
    startTransition(async () => {
      const r = await resetUserPasswordAction({ userId: user.id });
      setError(r.ok ? null : r.message);
      setTemporary(r.ok ? { email: r.data.email, password: r.data.temporaryPassword } : null);
    });

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap gap-2">
        <Button variant="secondary" disabled={pending} onClick={reset}>
          {t("resetPassword")}
        </Button>
        {user.active ? (
          <Button variant="danger" disabled={pending} onClick={() => setConfirmDeactivate(true)}>
            {t("deactivate")}
          </Button>
        ) : (
          <Button variant="secondary" disabled={pending} onClick={() => setActive(true)}>
            {t("reactivate")}
          </Button>
        )}
      </div>
      {confirmDeactivate ? (
        <div role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900">
          <p>{t("confirmDeactivate", { name: user.name, email: user.email })}</p>
          <div className="mt-2 flex gap-2">
            <Button variant="danger" disabled={pending} onClick={() => setActive(false)} autoFocus>
              {t("deactivateNamed", { name: user.name })}
            </Button>
            <Button variant="secondary" disabled={pending} onClick={() => setConfirmDeactivate(false)}>
              {t("keepActive")}
            </Button>
          </div>
        </div>
      ) : null}
      <div aria-live="polite" className="text-sm">
        {error ? (
          <p role="alert" className="text-red-800">
            {error}
          </p>
        ) : null}
        {done ? <p className="text-green-900">{done}</p> : null}
      </div>
      {temporary ? <TemporaryPassword email={temporary.email} password={temporary.password} /> : null}
    </div>
  );
}
