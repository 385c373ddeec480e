import { z } from "zod";
import { PASSWORD_RULES } from "@/lib/auth/password-rules";
import { text } from "./text";
import { v } from "@/lib/i18n/message";

export const changePasswordSchema = z
  .object({
    currentPassword: text(undefined, { trim: false }).min(1, v("Validation.password.current")).max(256),
    newPassword: text(undefined, { trim: false })
      .min(PASSWORD_RULES.minLength, v("Validation.password.min"))
      .max(PASSWORD_RULES.maxLength, v("Validation.password.max")),
    confirmPassword: text(undefined, { trim: false }).max(256),
  })
  .refine((v) => v.newPassword === v.confirmPassword, {
    path: ["confirmPassword"],
    message: v("Validation.password.mismatch"),
  })
  .refine((v) => v.newPassword !== v.currentPassword, {
    path: ["newPassword"],
    message: v("Validation.password.same"),
  });
