import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { EditUserForm } from "@/components/admin/edit-user-form";
import { UserTrainingSwitch } from "@/components/admin/training/training-switch";
import { UserAccountActions } from "@/components/admin/user-account-actions";
import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { db } from "@/db";
import { listBranches } from "@/db/queries/branches";
import { findUserForAdmin } from "@/db/queries/users";
import { guardPage } from "@/lib/auth/page-guard";
import { isUuid } from "@/lib/uuid";

export const metadata: Metadata = { title: "User" };

export default async function UserPage({ params }: { params: Promise<{ userId: string }> }) {
  await guardPage("admin");
  const t = await getTranslations("Training");
  const { userId } = await params;
  const [user, branches] = await Promise.all([
    isUuid(userId) ? findUserForAdmin({ db, id: userId }) : null,
    listBranches({ db }),
  ]);
  if (!user) notFound();
  return (
    <div className="space-y-4">
      <Link href="/admin/users" className="text-sm text-brand-700 underline">
        Back to users
      </Link>
      <h1 className="text-2xl font-bold">
        {user.name} {user.active ? null : <span className="text-base font-normal text-slate-700">(deactivated)</span>}
      </h1>
      <Card title="Details">
        <EditUserForm user={user} branches={branches} />
      </Card>
      <Card title="Account">
        <p className="mb-3 text-sm text-slate-700">
          {user.lastSignInAt
            ? `Last signed in ${user.lastSignInAt.toISOString().replace("T", " ").slice(0, 16)} UTC.`
            : "Has not signed in yet."}
          {user.hasPassword ? "" : " Signs in through the bank's single sign-on only."}
        </p>
        <UserAccountActions user={user} />
      </Card>
      <Card title={t("title")}>
        <UserTrainingSwitch userId={user.id} training={user.training} />
      </Card>
    </div>
  );
}
