import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { EditUserForm } from "@/components/admin/edit-user-form";
import { UserTrainingSwitch } from "@/components/admin/training/training-switch";
import { UserAccountActions } from "@/components/admin/user-account-actions";
import { Card } from "@/components/ui/card";
import { db } from "@/db";
import { listBranches } from "@/db/queries/branches";
import { findUserForAdmin } from "@/db/queries/users";
import { guardPage } from "@/lib/auth/page-guard";
import { DEFAULT_TIME_ZONE, formatDateTime } from "@/lib/datetime";
import { isUuid } from "@/lib/uuid";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("User");
  return { title: t("title") };
}

export default async function UserPage({ params }: { params: Promise<{ userId: string }> }) {
  await guardPage("admin");
  const locale = await getLocale();
  const t = await getTranslations("User");
  const training = await getTranslations("Training");
  const { userId } = await params;
  const [user, branches] = await Promise.all([
    isUuid(userId) ? findUserForAdmin({ db, id: userId }) : null,
    listBranches({ db }),
  ]);
  if (!user) notFound();
  // The administrator's own clock: no branch, so UTC, as the audit log shows it.
  const zone = DEFAULT_TIME_ZONE;
  return (
    <div className="space-y-4">
      <Link href="/admin/users" className="text-sm text-brand-700 underline">
        {t("back")}
      </Link>
      <h1 className="text-2xl font-bold">
        {user.name}{" "}
        {user.active ? null : <span className="text-base font-normal text-slate-700">{t("deactivatedNote")}</span>}
      </h1>
      <Card title={t("details")}>
        <EditUserForm user={user} branches={branches} />
      </Card>
      <Card title={t("account")}>
        <p className="mb-3 text-sm text-slate-700">
          {user.lastSignInAt
            ? t("lastSignIn", { when: formatDateTime(user.lastSignInAt, zone, locale), zone })
            : t("neverSignedIn")}
          {user.hasPassword ? "" : ` ${t("ssoOnly")}`}
        </p>
        <UserAccountActions user={user} />
      </Card>
      <Card title={training("title")}>
        <UserTrainingSwitch userId={user.id} training={user.training} />
      </Card>
    </div>
  );
}
