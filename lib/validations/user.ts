import { z } from "zod";
import { ROLES } from "@/lib/vocabulary";
import { formBoolean } from "./station";
import { text } from "./text";
import { v } from "@/lib/i18n/message";

const userFields = {
  name: text(v("Validation.user.name")).min(2, v("Validation.user.fullName")).max(80, v("Validation.nameLong")),
  // Stored lower-case: sign-in compares case-insensitively and the unique index is on lower(email).
  email: z
    .string(v("Validation.user.email"))
    .trim()
    .toLowerCase()
    .pipe(z.email(v("Validation.user.emailFormat")))
    .pipe(z.string().max(254)),
  role: z.enum(ROLES, v("Validation.chooseRole")),
  branchId: z.preprocess((v) => (v === "" ? null : v), z.uuid(v("Validation.chooseBranch")).nullable().default(null)),
};

// Tellers and managers work in one branch; admins oversee all and may have none.
const branchForRole = <T extends { role: string; branchId: string | null }>(v: T) =>
  v.role === "admin" || v.branchId !== null;
const branchRule = { path: ["branchId"], message: v("Validation.user.branch") };

export const createUserSchema = z.object(userFields).refine(branchForRole, branchRule);
export const updateUserSchema = z
  .object({ userId: z.uuid(v("Validation.user.user")), ...userFields })
  .refine(branchForRole, branchRule);
export const userIdSchema = z.object({ userId: z.uuid(v("Validation.user.user")) });
export const setUserActiveSchema = z.object({ userId: z.uuid(v("Validation.user.user")), active: formBoolean });

export type CreateUserInput = z.infer<typeof createUserSchema>;

/** The users list's filters, from the page's search parameters; an empty field is no filter. */
export const userListFilterSchema = z.object({
  q: z.preprocess((v) => (v === "" ? undefined : v), text().max(254, v("Validation.zod.tooBigText")).optional()),
  role: z.preprocess((v) => (v === "" ? undefined : v), z.enum(ROLES, v("Validation.user.roleFromList")).optional()),
  branchId: z.preprocess((v) => (v === "" ? undefined : v), z.uuid(v("Validation.branchFromList")).optional()),
  status: z.preprocess(
    (v) => (v === "" ? undefined : v),
    z.enum(["active", "deactivated"], v("Validation.user.statusFromList")).optional(),
  ),
});
