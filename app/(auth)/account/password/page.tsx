import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { ChangePasswordForm } from "@/components/change-password-form";
import { Card } from "@/components/ui/card";
import { db } from "@/db";
import { passwordWasReset } from "@/db/queries/users";
import { currentUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Change password" };

export default async function ChangePasswordPage() {
  const user = await currentUser();
  if (!user) redirect("/login");
  // A first temporary password is a welcome, not a reset.
  const wasReset = user.mustChangePassword && (await passwordWasReset({ db, userId: user.id }));
  return (
    <Card>
      <h1 className="mb-1 text-xl font-bold">
        {user.mustChangePassword && !wasReset ? "Set your password" : "Change your password"}
      </h1>
      <p className="mb-4 text-sm text-slate-700">
        {!user.mustChangePassword
          ? "Choose a new password for your account."
          : wasReset
            ? "Your password was reset. Choose a new one before you continue."
            : "Welcome. You signed in with a temporary password: choose your own before you continue."}
      </p>
      <ChangePasswordForm />
    </Card>
  );
}
