import { z } from "zod";
import { PASSWORD_RULES } from "@/lib/auth/password-rules";

export const changePasswordSchema = z
  .object({
    currentPassword: z.string().min(1, "Enter your current password.").max(256),
    newPassword: z
      .string()
      .min(PASSWORD_RULES.minLength, `Use at least ${PASSWORD_RULES.minLength} characters.`)
      .max(PASSWORD_RULES.maxLength, `Use at most ${PASSWORD_RULES.maxLength} characters.`),
    confirmPassword: z.string().max(256),
  })
  .refine((v) => v.newPassword === v.confirmPassword, {
    path: ["confirmPassword"],
    message: "The two new passwords do not match.",
  })
  .refine((v) => v.newPassword !== v.currentPassword, {
    path: ["newPassword"],
    message: "Choose a password different from the current one.",
  });
