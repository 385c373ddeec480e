import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ApprovalSettingsForm } from "@/components/admin/approval-settings-form";
import { Card } from "@/components/ui/card";
import { db } from "@/db";
import { getApprovalSettings } from "@/db/queries/approvals";
import { guardPage } from "@/lib/auth/page-guard";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("ApprovalRules");
  return { title: t("title") };
}

export default async function ApprovalRulesPage() {
  await guardPage("admin");
  const t = await getTranslations("ApprovalRules");
  const settings = await getApprovalSettings({ db });
  return (
    <div className="max-w-3xl space-y-6">
      <div>
        <h1 className="text-2xl font-bold">{t("heading")}</h1>
        <p className="text-slate-700">
          {t.rich("intro", {
            link: (chunks) => (
              <Link href="/admin/products" className="text-brand-700 underline">
                {chunks}
              </Link>
            ),
          })}
        </p>
      </div>
      <Card title={t("bankWide")} headingId="approval-rules-heading">
        <ApprovalSettingsForm settings={settings} />
      </Card>
    </div>
  );
}
