import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { ChangePasswordForm } from "@/components/change-password-form";
import { Card } from "@/components/ui/card";
import { currentUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Change password" };

export default async function ChangePasswordPage() {
  const user = await currentUser();
  if (!user) redirect("/login");
  return (
    <Card>
      <h1 className="mb-1 text-xl font-bold">Change your password</h1>
      <p className="mb-4 text-sm text-slate-700">
        {user.mustChangePassword
          ? "Your password was reset. Choose a new one before you continue."
          : "Choose a new password for your account."}
      </p>
      <ChangePasswordForm />
    </Card>
  );
}
