import { z } from "zod";
import { ROLES } from "@/lib/vocabulary";
import { formBoolean } from "./station";
import { text } from "./text";

const userFields = {
  name: text("Enter the person's name.")
    .min(2, "Enter the person's full name.")
    .max(80, "Keep the name under 80 characters."),
  // Stored lower-case: sign-in compares case-insensitively and the unique index is on lower(email).
  email: z
    .string("Enter an e-mail address.")
    .trim()
    .toLowerCase()
    .pipe(z.email("Enter a valid e-mail address, e.g. name@bank.example."))
    .pipe(z.string().max(254)),
  role: z.enum(ROLES, "Choose a role."),
  branchId: z.preprocess((v) => (v === "" ? null : v), z.uuid("Choose a branch.").nullable().default(null)),
};

// Tellers and managers work in one branch; admins oversee all and may have none.
const branchForRole = <T extends { role: string; branchId: string | null }>(v: T) =>
  v.role === "admin" || v.branchId !== null;
const branchRule = { path: ["branchId"], message: "Choose the branch this teller or manager works in." };

export const createUserSchema = z.object(userFields).refine(branchForRole, branchRule);
export const updateUserSchema = z
  .object({ userId: z.uuid("Choose a user."), ...userFields })
  .refine(branchForRole, branchRule);
export const userIdSchema = z.object({ userId: z.uuid("Choose a user.") });
export const setUserActiveSchema = z.object({ userId: z.uuid("Choose a user."), active: formBoolean });

export type CreateUserInput = z.infer<typeof createUserSchema>;

/** The users list's filters, from the page's search parameters; an empty field is no filter. */
export const userListFilterSchema = z.object({
  q: z.preprocess((v) => (v === "" ? undefined : v), text().max(254, "Type at most 254 characters.").optional()),
  role: z.preprocess((v) => (v === "" ? undefined : v), z.enum(ROLES, "Choose a role from the list.").optional()),
  branchId: z.preprocess((v) => (v === "" ? undefined : v), z.uuid("Choose a branch from the list.").optional()),
  status: z.preprocess(
    (v) => (v === "" ? undefined : v),
    z.enum(["active", "deactivated"], "Choose a status from the list.").optional(),
  ),
});
