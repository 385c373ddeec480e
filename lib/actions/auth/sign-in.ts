"use server";

// The one public action: it has no session to check. Failures get one generic sentence so the
// form never reveals whether an account exists; throttling gets its own sentence. Before sign-in
// the language is the bii_lang cookie's or the browser's (lib/i18n/request-locale.ts).
import { AuthError, CredentialsSignin } from "next-auth";
import { redirect } from "next/navigation";
import { z } from "zod";
import type { ActionState } from "@/lib/actions/result";
import { signIn } from "@/lib/auth/auth";
import { AppError } from "@/lib/errors";
import { msg, v } from "@/lib/i18n/message";
import { requestLocale } from "@/lib/i18n/request-locale";
import { KEYED, zodFieldMessages } from "@/lib/i18n/zod";

const schema = z.object({
  email: z.string().trim().min(1, v("Validation.signIn.email")).max(254).email(v("Validation.signIn.emailInvalid")),
  password: z.string().min(1, v("Validation.signIn.password")).max(256),
});

export async function signInAction(_prev: ActionState<null>, formData: FormData): Promise<ActionState<null>> {
  const parsed = schema.safeParse({ email: formData.get("email"), password: formData.get("password") }, KEYED);
  if (!parsed.success) {
    const fieldErrors = zodFieldMessages(parsed.error);
    const error = new AppError("invalid:auth", { message: msg("Errors.signIn.missing"), fieldErrors });
    return { ok: false, ...error.toBody(await requestLocale(null)) };
  }
  try {
    await signIn("credentials", { ...parsed.data, redirect: false });
  } catch (error) {
    if (error instanceof CredentialsSignin && error.code === "throttled") {
      return { ok: false, ...new AppError("rate_limit:auth").toBody(await requestLocale(null)) };
    }
    if (error instanceof AuthError) {
      const wrong = new AppError("unauthorized:auth", { message: msg("Errors.signIn.wrong") });
      return { ok: false, ...wrong.toBody(await requestLocale(null)) };
    }
    throw error;
  }
  redirect("/");
}
