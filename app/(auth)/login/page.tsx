import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { DemoSignIns } from "@/components/demo-sign-ins";
import { LoginForm } from "@/components/login-form";
import { SsoButton } from "@/components/sso-button";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { DEMO_PASSWORD, DEMO_USERS } from "@/db/seed-data";
import { ssoEnabled } from "@/lib/auth/auth";
import { signInErrorMessage } from "@/lib/auth/sign-in-messages";
import { env } from "@/lib/env";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("SignIn"))("title") };
}
// Demo sign-ins and SSO depend on runtime settings, not on the build.
export const dynamic = "force-dynamic";

type SignInWords = Awaited<ReturnType<typeof getTranslations<"SignIn">>>;

function endedMessage(t: SignInWords, ended: string | undefined, idle: string | undefined): string | null {
  if (idle !== undefined || ended === "idle") return t("endedIdle", { minutes: env.SESSION_IDLE_MINUTES });
  if (ended === "expired") return t("endedExpired", { hours: env.SESSION_MAX_AGE_HOURS });
  if (ended !== undefined) return t("endedRevoked");
  return null;
}

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<{ ended?: string; idle?: string; error?: string; reason?: string }>;
}) {
  const { ended, idle, error, reason } = await searchParams;
  const t = await getTranslations("SignIn");
  const message = endedMessage(t, ended, idle);
  const failure = signInErrorMessage(error, reason, env.AUTH_OIDC_NAME);
  return (
    <div className="space-y-6">
      <header className="text-center">
        <h1 className="text-2xl font-bold text-brand-900">Branch Instant Issuance</h1>
        <p className="mt-1 text-slate-700">{t("tagline")}</p>
      </header>
      {message ? (
        <Alert tone="info" id="session-ended" live>
          {message}
        </Alert>
      ) : null}
      {failure ? (
        <Alert tone="error" id="sign-in-failed" live>
          {failure}
        </Alert>
      ) : null}
      <Card>
        <LoginForm />
        {ssoEnabled ? <SsoButton label={t("withSso", { name: env.AUTH_OIDC_NAME })} /> : null}
      </Card>
      {env.DEMO_MODE ? <DemoSignIns password={DEMO_PASSWORD} users={DEMO_USERS} /> : null}
    </div>
  );
}
