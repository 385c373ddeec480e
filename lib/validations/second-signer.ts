// The second person of a dual-control step, as every four-eyes form posts them: their own e-mail
// and password, or the id of the confirmation our SSO callback stored after the bank's identity
// provider re-authenticated them (then no password is posted). Also the SSO popup's routes.
import { z } from "zod";
import { DUAL_CONTROL_STEPS } from "@/lib/vocabulary";
import { text } from "./text";

const EMAIL_REQUIRED = "Enter the second person's e-mail.";
const PASSWORD_REQUIRED = "Enter the second person's password.";

export const secondSignerFields = {
  secondEmail: text(EMAIL_REQUIRED).max(254, "Keep the e-mail under 254 characters.").default(""),
  secondPassword: z
    .string("Enter the second person's password.")
    .max(200, "Keep the password under 200 characters.")
    .default(""),
  // Forms post "" when nobody confirmed through single sign-on.
  secondAssertion: z.preprocess(
    (v) => (v === "" ? undefined : v),
    z.uuid("This confirmation is not valid. Confirm again.").optional(),
  ),
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
  step: z.enum(DUAL_CONTROL_STEPS, "Say which four-eyes step is being confirmed."),
  hint: z.preprocess(
    (v) => (v === "" || v === null ? undefined : v),
    text("Enter an e-mail.").max(254, "Keep the e-mail under 254 characters.").optional(),
  ),
});

/** The provider's answer (RFC 6749 §4.1.2): bounded here, checked by the OAuth client. */
export const ssoConfirmCallbackSchema = z.object({
  state: text("The answer has no state.").min(1, "The answer has no state.").max(512, "The state is too long."),
  code: text().max(4096, "The code is too long.").optional(),
  error: text().max(200, "The error is too long.").optional(),
});
