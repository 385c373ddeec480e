"use server";

import { signIn } from "@/lib/auth/auth";
import { OIDC_PROVIDER_ID } from "@/lib/auth/oidc";

/** Starts the bank's single sign-on; public like the password sign-in. */
export async function signInSsoAction(): Promise<void> {
  await signIn(OIDC_PROVIDER_ID, { redirectTo: "/" });
}
