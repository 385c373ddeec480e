import type { Metadata } from "next";
import Link from "next/link";
import { ApprovalSettingsForm } from "@/components/admin/approval-settings-form";
import { Card } from "@/components/ui/card";
import { db } from "@/db";
import { getApprovalSettings } from "@/db/queries/approvals";
import { guardPage } from "@/lib/auth/page-guard";

export const metadata: Metadata = { title: "Approval rules" };

export default async function ApprovalRulesPage() {
  await guardPage("admin");
  const settings = await getApprovalSettings({ db });
  return (
    <div className="max-w-3xl space-y-6">
      <div>
        <h1 className="text-2xl font-bold">Approval rules</h1>
        <p className="text-slate-700">
          A request that meets one of these rules waits for a manager of its branch, never the person who asked for it,
          to approve it with a reason; nothing is sent to D1 before. A product can also need approval for every request:
          tick &ldquo;Needs approval&rdquo; on the product in{" "}
          <Link href="/admin/products" className="text-brand-700 underline">
            Card products
          </Link>
          .
        </p>
      </div>
      <Card title="Rules for the whole bank" headingId="approval-rules-heading">
        <ApprovalSettingsForm settings={settings} />
      </Card>
    </div>
  );
}
