// The second person of a dual-control step, as every four-eyes form posts them: their own e-mail
// and password, or the id of the confirmation our SSO callback stored after the bank's identity
// provider re-authenticated them (then no password is posted). Also the SSO popup's routes.
import { z } from "zod";
import { DUAL_CONTROL_STEPS } from "@/lib/vocabulary";
import { text } from "./text";
import { v } from "@/lib/i18n/message";

const EMAIL_REQUIRED = v("Validation.signer.email");
const PASSWORD_REQUIRED = v("Validation.signer.password");

export const secondSignerFields = {
  secondEmail: text(EMAIL_REQUIRED).max(254, v("Validation.emailLong")).default(""),
  secondPassword: z.string(v("Validation.signer.password")).max(200, v("Validation.signer.passwordLong")).default(""),
  // Forms post "" when nobody confirmed through single sign-on.
  secondAssertion: z.preprocess((v) => (v === "" ? undefined : v), z.uuid(v("Validation.signer.assertion")).optional()),
};

type Posted = { secondEmail?: unknown; secondPassword?: unknown; secondAssertion?: unknown };

const filled = (v: unknown) => typeof v === "string" && v !== "";

/**
 * Refinement for a schema with `secondSignerFields`: without an SSO confirmation, e-mail and
 * password are both required. Runs even when other fields failed, so the form shows every
 * missing field at once.
 */
export function requireSecondSigner<T extends z.ZodType<Posted>>(schema: T) {
  return schema.check((ctx) => {
    const v = ctx.value as Posted;
    if (v.secondAssertion !== undefined) return;
    for (const [field, message] of [
      ["secondEmail", EMAIL_REQUIRED],
      ["secondPassword", PASSWORD_REQUIRED],
    ] as const) {
      if (!filled(v[field])) ctx.issues.push({ code: "custom", path: [field], message, input: v[field] });
    }
  });
}

/** The parsed fields as verifySecondSigner takes them. */
export function signatureOf(input: {
  secondEmail: string;
  secondPassword: string;
  secondAssertion?: string | undefined;
}): { assertionId: string } | { email: string; password: string } {
  return input.secondAssertion
    ? { assertionId: input.secondAssertion }
    : { email: input.secondEmail, password: input.secondPassword };
}

/** The popup's first request: who the person says they are, for the provider's login form. */
export const ssoConfirmStartSchema = z.object({
  // The step the popup confirms: the assertion is good for it alone.
  step: z.enum(DUAL_CONTROL_STEPS, v("Validation.signer.step")),
  hint: z.preprocess(
    (v) => (v === "" || v === null ? undefined : v),
    text(v("Validation.signer.anEmail")).max(254, v("Validation.emailLong")).optional(),
  ),
});

/** The provider's answer (RFC 6749 §4.1.2): bounded here, checked by the OAuth client. */
export const ssoConfirmCallbackSchema = z.object({
  state: text(v("Validation.signer.noState"))
    .min(1, v("Validation.signer.noState"))
    .max(512, v("Validation.signer.stateLong")),
  code: text().max(4096, v("Validation.signer.codeLong")).optional(),
  error: text().max(200, v("Validation.signer.errorLong")).optional(),
});
