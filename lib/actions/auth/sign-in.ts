"use server";

// The one public action: it has no session to check. Failures get one generic sentence so the
// form never reveals whether an account exists; throttling gets its own sentence.
import { AuthError, CredentialsSignin } from "next-auth";
import { redirect } from "next/navigation";
import { z } from "zod";
import type { ActionState } from "@/lib/actions/result";
import { signIn } from "@/lib/auth/auth";
import { AppError } from "@/lib/errors";

const schema = z.object({
  email: z.string().trim().min(1, "Enter your e-mail address.").max(254).email("Enter a valid e-mail address."),
  password: z.string().min(1, "Enter your password.").max(256),
});

const WRONG = "The e-mail address or password is not correct.";

export async function signInAction(_prev: ActionState<null>, formData: FormData): Promise<ActionState<null>> {
  const parsed = schema.safeParse({ email: formData.get("email"), password: formData.get("password") });
  if (!parsed.success) {
    const fieldErrors = z.flattenError(parsed.error).fieldErrors as Record<string, string[]>;
    return { ok: false, code: "invalid:auth", message: "Enter your e-mail address and password.", fieldErrors };
  }
  try {
    await signIn("credentials", { ...parsed.data, redirect: false });
  } catch (error) {
    if (error instanceof CredentialsSignin && error.code === "throttled") {
      return { ok: false, ...new AppError("rate_limit:auth").toJSON() };
    }
    if (error instanceof AuthError) return { ok: false, code: "unauthorized:auth", message: WRONG };
    throw error;
  }
  redirect("/");
}
