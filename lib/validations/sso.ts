import { z } from "zod";
import { ROLES } from "@/lib/vocabulary";
import { text } from "./text";

/** A group name as the IdP sends it (`BII-Tellers`, `/bank/tellers`, or an Entra object id). */
export const ssoGroupName = text()
  .min(1, "Enter the group name the identity provider sends.")
  .max(200, "Keep the group name under 200 characters.");

/** `none` removes the group's mapping. */
export const setSsoGroupRoleSchema = z.object({
  groupName: ssoGroupName,
  role: z.enum([...ROLES, "none"], "Choose a role."),
});

export type SetSsoGroupRoleInput = z.infer<typeof setSsoGroupRoleSchema>;
