import { z } from "zod";
import { PASSWORD_RULES } from "@/lib/auth/password-rules";
import { text } from "./text";

export const changePasswordSchema = z
  .object({
    currentPassword: text(undefined, { trim: false }).min(1, "Enter your current password.").max(256),
    newPassword: text(undefined, { trim: false })
      .min(PASSWORD_RULES.minLength, `Use at least ${PASSWORD_RULES.minLength} characters.`)
      .max(PASSWORD_RULES.maxLength, `Use at most ${PASSWORD_RULES.maxLength} characters.`),
    confirmPassword: text(undefined, { trim: false }).max(256),
  })
  .refine((v) => v.newPassword === v.confirmPassword, {
    path: ["confirmPassword"],
    message: "The two new passwords do not match.",
  })
  .refine((v) => v.newPassword !== v.currentPassword, {
    path: ["newPassword"],
    message: "Choose a password different from the current one.",
  });
