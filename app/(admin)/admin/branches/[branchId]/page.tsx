import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { BranchEditForm } from "@/components/admin/branch-edit-form";
import { BranchTrainingSwitch } from "@/components/admin/training/training-switch";
import { getTranslations } from "next-intl/server";
import { TIME_ZONE_LIST_ID, TimeZoneList } from "@/components/admin/time-zone-list";
import { Card } from "@/components/ui/card";
import { db } from "@/db";
import { findBranch } from "@/db/queries/branches";
import { guardPage } from "@/lib/auth/page-guard";
import { isUuid } from "@/lib/uuid";

export const metadata: Metadata = { title: "Branch" };

export default async function BranchPage({ params }: { params: Promise<{ branchId: string }> }) {
  await guardPage("admin");
  const t = await getTranslations("Training");
  const { branchId } = await params;
  const branch = isUuid(branchId) ? await findBranch({ db, id: branchId }) : null;
  if (!branch) notFound();
  return (
    <div className="space-y-4">
      <Link href="/admin/branches" className="text-sm text-brand-700 underline">
        Back to branches
      </Link>
      <h1 className="text-2xl font-bold">
        {branch.name} <span className="font-mono text-base font-normal text-slate-700">{branch.code}</span>
      </h1>
      <Card title="Details">
        <p className="mb-3 text-sm text-slate-700">The branch code is fixed: station ids and reports refer to it.</p>
        <BranchEditForm branch={branch} />
        <TimeZoneList id={TIME_ZONE_LIST_ID} />
      </Card>
      <Card title={t("title")}>
        <BranchTrainingSwitch branchId={branch.id} training={branch.training} />
      </Card>
      <p className="text-sm">
        <Link className="text-brand-700 underline" href={`/manager?branchId=${branch.id}`}>
          Branch board
        </Link>
        {" · "}
        <Link className="text-brand-700 underline" href={`/manager/stations?branchId=${branch.id}`}>
          Stations
        </Link>
        {" · "}
        <Link className="text-brand-700 underline" href={`/admin/audit?branchId=${branch.id}`}>
          Audit log
        </Link>
      </p>
    </div>
  );
}
