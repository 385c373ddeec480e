import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { BranchTimeZone } from "@/components/branch-time";
import { LiveEvents } from "@/components/live/live-events";
import { ApprovalQueue } from "@/components/manager/approval-queue";
import { BranchBoard } from "@/components/manager/branch-board";
import { BranchPicker } from "@/components/manager/branch-picker";
import { guardPage } from "@/lib/auth/page-guard";
import { CardsToDestroy } from "@/components/manager/cards-to-destroy";
import { loadApprovalQueue } from "@/lib/approvals";
import { loadBoard, loadCardsToDestroy } from "@/lib/board";
import { renderPoint } from "@/lib/events/render-point";
import { pageBranch } from "@/lib/page-branch";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Board");
  return { title: t("title") };
}

export default async function ManagerHome({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await guardPage("manager");
  const { branch, choices } = await pageBranch(user, (await searchParams).branchId);
  const since = await renderPoint(branch.id);
  const board = await loadBoard(branch.id, user.training);
  const t = await getTranslations("Board");
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-bold">{t("title")}</h1>
          <p className="text-slate-700">
            {t("subtitle", { branch: `${branch.name} (${branch.code})`, zone: branch.timezone })}
          </p>
        </div>
        {choices.length ? <BranchPicker branches={choices} current={branch.id} /> : null}
      </div>
      <CardsToDestroy cards={await loadCardsToDestroy(branch.id, user.training)} timezone={branch.timezone} />
      {/* The branch event stream serves a user's own branch only, so admins poll instead. */}
      <BranchTimeZone timeZone={branch.timezone}>
        <LiveEvents key={branch.id} since={since} stream={user.role === "manager"}>
          <ApprovalQueue initial={await loadApprovalQueue(branch.id, user.training)} />
          {/* Managers share the teller area, so a row opens the request's page; admins do not. */}
          <BranchBoard initial={board} canOpenJobs={user.role === "manager"} canManage={user.role === "manager"} />
        </LiveEvents>
      </BranchTimeZone>
    </div>
  );
}
