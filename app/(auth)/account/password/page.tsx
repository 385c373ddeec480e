import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { ChangePasswordForm } from "@/components/change-password-form";
import { Card } from "@/components/ui/card";
import { db } from "@/db";
import { passwordWasReset } from "@/db/queries/users";
import { currentUser } from "@/lib/auth/session";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Password"))("titleChange") };
}

export default async function ChangePasswordPage() {
  const user = await currentUser();
  if (!user) redirect("/login");
  // A first temporary password is a welcome, not a reset.
  const t = await getTranslations("Password");
  const wasReset = user.mustChangePassword && (await passwordWasReset({ db, userId: user.id }));
  return (
    <Card>
      <h1 className="mb-1 text-xl font-bold">
        {user.mustChangePassword && !wasReset ? t("headingSet") : t("headingChange")}
      </h1>
      <p className="mb-4 text-sm text-slate-700">
        {!user.mustChangePassword ? t("introChange") : wasReset ? t("introReset") : t("introWelcome")}
      </p>
      <ChangePasswordForm />
    </Card>
  );
}
