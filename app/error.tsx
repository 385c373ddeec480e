"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";

/** Shown instead of a stack trace; the server log has the details under the digest. */
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("Pages");
  return (
    <main className="mx-auto max-w-lg px-4 py-16 text-center">
      <h1 className="text-2xl font-bold">{t("errorTitle")}</h1>
      <p className="mt-2 text-slate-700">
        {t.rich("errorText", {
          reference: () => <code className="font-mono">{error.digest ?? t("noReference")}</code>,
        })}
      </p>
      <Button className="mt-6" onClick={reset}>
        {t("tryAgain")}
      </Button>
    </main>
  );
}
