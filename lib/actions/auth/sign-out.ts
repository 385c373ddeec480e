"use server";

import { signOut } from "@/lib/auth/auth";

/** Signing out needs no role: it only ends the caller's own session. */
export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/login" });
}
