"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";

/** The one time a temporary password is shown: focused, announced, and never stored. */
export function TemporaryPassword({ email, password }: { email: string; password: string }) {
  const t = useTranslations("TemporaryPassword");
  const ref = useRef<HTMLDivElement>(null);
  // Which password the copy result is about: a new one (another reset) starts without it.
  const [result, setResult] = useState<{ of: string; copied: boolean } | null>(null);
  const copied = result?.of === password ? (result.copied ? "yes" : "failed") : null;
  useEffect(() => ref.current?.focus(), [password]);
  // To the clipboard only on the admin's press; a browser that refuses says so, and the text stays selectable.
  const copy = () =>
    navigator.clipboard.writeText(password).then(
      () => setResult({ of: password, copied: true }),
      () => setResult({ of: password, copied: false }),
    );
  return (
    <div
      ref={ref}
      tabIndex={-1}
      role="status"
      className="rounded-md border border-green-300 bg-green-50 p-4 text-sm text-green-950"
    >
      <p>{t.rich("intro", { email, strong: (chunks) => <strong>{chunks}</strong> })}</p>
      <p className="mt-2">
        <code
          data-testid="temporary-password"
          className="rounded bg-white px-2 py-1 font-mono text-lg tracking-wide select-all"
        >
          {password}
        </code>
        <Button variant="secondary" className="ml-2" onClick={() => void copy()}>
          {t("copy")}
        </Button>
        <span aria-live="polite" className="ml-2">
          {copied === "yes" ? t("copied") : copied === "failed" ? t("copyFailed") : ""}
        </span>
      </p>
    </div>
  );
}
