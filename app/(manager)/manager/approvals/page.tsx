import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { BranchTimeZone } from "@/components/branch-time";
import { LiveEvents } from "@/components/live/live-events";
import { ApprovalQueue } from "@/components/manager/approval-queue";
import { loadApprovalQueue } from "@/lib/approvals";
import { guardPage } from "@/lib/auth/page-guard";
import { renderPoint } from "@/lib/events/render-point";
import { pageBranch } from "@/lib/page-branch";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Approvals");
  return { title: t("title") };
}

export default async function ApprovalsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await guardPage("manager");
  const { branch } = await pageBranch(user, (await searchParams).branchId);
  const since = await renderPoint(branch.id);
  const t = await getTranslations("Approvals");
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <p className="text-slate-700">
          {t("subtitle", { branch: `${branch.name} (${branch.code})`, zone: branch.timezone })}
        </p>
      </div>
      <BranchTimeZone timeZone={branch.timezone}>
        <LiveEvents key={branch.id} since={since} stream={user.role === "manager"}>
          <ApprovalQueue initial={await loadApprovalQueue(branch.id, user.training)} />
        </LiveEvents>
      </BranchTimeZone>
    </div>
  );
}
