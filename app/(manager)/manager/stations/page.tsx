import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { BranchTimeZone } from "@/components/branch-time";
import { LiveEvents } from "@/components/live/live-events";
import { BranchPicker } from "@/components/manager/branch-picker";
import { StationPanel } from "@/components/manager/station-panel";
import { guardPage } from "@/lib/auth/page-guard";
import { loadStationHealth } from "@/lib/board";
import { renderPoint } from "@/lib/events/render-point";
import { pageBranch } from "@/lib/page-branch";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Stations");
  return { title: t("title") };
}

export default async function StationsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await guardPage("manager");
  const { branch, choices } = await pageBranch(user, (await searchParams).branchId);
  const since = await renderPoint(branch.id);
  const t = await getTranslations("Stations");
  const health = await loadStationHealth(branch.id, user.training);
  const canManage = user.role === "manager";
  // Admins register stations too (a new branch's first one), for the branch shown.
  const register = {
    pattern: branch.stationIdPattern,
    asAdminFor: user.role === "admin" ? branch.id : undefined,
  };
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-bold">{t("heading")}</h1>
          <p className="text-slate-700">
            {branch.name} ({branch.code}){canManage ? "" : t("managerDoes")}
          </p>
        </div>
        {choices.length ? <BranchPicker branches={choices} current={branch.id} /> : null}
      </div>
      {/* The branch event stream serves a user's own branch only, so admins poll instead. */}
      <BranchTimeZone timeZone={branch.timezone}>
        <LiveEvents key={branch.id} since={since} stream={user.role === "manager"}>
          <StationPanel initial={health} canManage={canManage} register={register} />
        </LiveEvents>
      </BranchTimeZone>
    </div>
  );
}
