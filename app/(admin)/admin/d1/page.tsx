import type { Metadata } from "next";
import { D1CheckSteps } from "@/components/admin/d1-check-steps";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { guardPage } from "@/lib/auth/page-guard";
import { LOCAL_STEPS, runPreflight } from "@/lib/d1/preflight";
import { env } from "@/lib/env";
import { log } from "@/lib/log";

export const metadata: Metadata = { title: "D1 connection" };
export const dynamic = "force-dynamic";

/** An ISO instant as "2027-11-30 07:55 UTC": operators compare it with certificate tooling. */
function utc(iso: string | undefined): string {
  return iso ? `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC` : "unknown";
}

export default async function D1ConnectionPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await guardPage("admin");
  const run = (await searchParams).run === "1";
  // The local steps (files, dates) are cheap and run on every view; the network steps (TLS,
  // token, productionStatus, receiver, card system) only when the administrator asks.
  const local = await runPreflight({ settings: env, only: LOCAL_STEPS });
  const full = run ? await runPreflight({ settings: env, logger: log.child({ part: "d1-check" }) }) : null;
  const expiry = local.steps.find((s) => s.id === "expiry");
  const files = local.steps.find((s) => s.id === "files");
  const failed = full?.steps.filter((s) => s.status === "fail") ?? [];

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">D1 connection</h1>
        <p className="max-w-3xl text-slate-700">
          Checks, step by step, what the connection to Thales D1 needs: settings, certificates and keys, the TLS
          handshake, an access token, the encryption key, a status query for a card nobody ordered, our notification
          receiver and the card system. The check never orders a card. The same check runs from a shell with{" "}
          <code>npm run d1:check</code>.
        </p>
      </div>

      <Card title="Client certificate">
        {expiry && expiry.status !== "skip" ? (
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
            <dt className="font-semibold">Subject</dt>
            <dd className="font-mono break-all">{files?.details.subject ?? "unknown"}</dd>
            <dt className="font-semibold">Valid from</dt>
            <dd>
              <time dateTime={expiry.details.validFrom}>{utc(expiry.details.validFrom)}</time>
            </dd>
            <dt className="font-semibold">Expires</dt>
            <dd>
              <time dateTime={expiry.details.validTo}>{utc(expiry.details.validTo)}</time> ({expiry.details.daysLeft}{" "}
              days left)
            </dd>
            {expiry.details.caValidTo ? (
              <>
                <dt className="font-semibold">CA file expires</dt>
                <dd>
                  <time dateTime={expiry.details.caValidTo}>{utc(expiry.details.caValidTo)}</time>
                </dd>
              </>
            ) : null}
          </dl>
        ) : null}
        {expiry && expiry.status !== "ok" ? (
          <Alert tone={expiry.status === "fail" || expiry.status === "skip" ? "error" : "info"}>
            {expiry.status === "skip" ? (files?.message ?? expiry.message) : expiry.message}
          </Alert>
        ) : null}
      </Card>

      <form method="get" action="/admin/d1">
        <input type="hidden" name="run" value="1" />
        <Button type="submit">{full ? "Run the check again" : "Run the check"}</Button>
      </form>

      {full ? (
        <Card title="Check results">
          <Alert tone={full.ok ? "success" : "error"} live>
            {full.ok
              ? "Every step passed" + (full.steps.some((s) => s.status === "warn") ? ", with warnings." : ".")
              : `Failed: ${failed.map((s) => s.title).join(", ")}.`}
          </Alert>
          <D1CheckSteps steps={full.steps} caption={`Pre-flight check of ${utc(full.at)}`} />
        </Card>
      ) : null}
    </div>
  );
}
