import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { SecondSignerResult, type SsoConfirmation } from "@/components/manager/second-signer-result";
import { db } from "@/db";
import { findUsableAssertion } from "@/db/queries/second-signer-assertions";
import { guardPage } from "@/lib/auth/page-guard";
import { ASSERTION_MAX_AGE_SECONDS } from "@/lib/dual-control/second-signer";
import { isSsoFailure } from "@/lib/dual-control/messages";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("SecondSigner");
  return { title: t("title") };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The SSO confirmation popup's last page (after /api/dual-control/sso/callback): it names the
 * person the identity provider confirmed, read from our own record of the assertion, and hands
 * the assertion's id to the form that opened it.
 */
export default async function SecondSignerPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await guardPage("manager");
  const t = await getTranslations("SecondSigner");
  const { assertion, failure } = await searchParams;
  let result: SsoConfirmation = { ok: false, failure: isSsoFailure(failure) ? failure : "failed" };
  if (typeof assertion === "string" && UUID.test(assertion)) {
    const row = await findUsableAssertion({
      db,
      id: assertion,
      requestedBy: user.id,
      maxAgeSeconds: ASSERTION_MAX_AGE_SECONDS,
    });
    if (row) result = { ok: true, assertionId: row.id, name: row.signerName };
  }
  return (
    <div className="space-y-4 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
      <h1 className="text-xl font-semibold">{t("heading")}</h1>
      <SecondSignerResult result={result} message={result.ok ? null : t(`failure.${result.failure}`)} />
    </div>
  );
}
