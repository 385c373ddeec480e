import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { BranchEditForm } from "@/components/admin/branch-edit-form";
import { BranchTrainingSwitch } from "@/components/admin/training/training-switch";
import { TIME_ZONE_LIST_ID, TimeZoneList } from "@/components/admin/time-zone-list";
import { Card } from "@/components/ui/card";
import { db } from "@/db";
import { findBranch } from "@/db/queries/branches";
import { guardPage } from "@/lib/auth/page-guard";
import { isUuid } from "@/lib/uuid";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Branch");
  return { title: t("title") };
}

export default async function BranchPage({ params }: { params: Promise<{ branchId: string }> }) {
  await guardPage("admin");
  const t = await getTranslations("Branch");
  const training = await getTranslations("Training");
  const { branchId } = await params;
  const branch = isUuid(branchId) ? await findBranch({ db, id: branchId }) : null;
  if (!branch) notFound();
  return (
    <div className="space-y-4">
      <Link href="/admin/branches" className="text-sm text-brand-700 underline">
        {t("back")}
      </Link>
      <h1 className="text-2xl font-bold">
        {branch.name} <span className="font-mono text-base font-normal text-slate-700">{branch.code}</span>
      </h1>
      <Card title={t("details")}>
        <p className="mb-3 text-sm text-slate-700">{t("codeFixed")}</p>
        <BranchEditForm branch={branch} />
        <TimeZoneList id={TIME_ZONE_LIST_ID} />
      </Card>
      <Card title={training("title")}>
        <BranchTrainingSwitch branchId={branch.id} training={branch.training} />
      </Card>
      <p className="text-sm">
        <Link className="text-brand-700 underline" href={`/manager?branchId=${branch.id}`}>
          {t("board")}
        </Link>
        {" · "}
        <Link className="text-brand-700 underline" href={`/manager/stations?branchId=${branch.id}`}>
          {t("stations")}
        </Link>
        {" · "}
        <Link className="text-brand-700 underline" href={`/admin/audit?branchId=${branch.id}`}>
          {t("audit")}
        </Link>
      </p>
    </div>
  );
}
