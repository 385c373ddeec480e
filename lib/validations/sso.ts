import { z } from "zod";
import { ROLES } from "@/lib/vocabulary";
import { text } from "./text";
import { v } from "@/lib/i18n/message";

/** A group name as the IdP sends it (`BII-Tellers`, `/bank/tellers`, or an Entra object id). */
export const ssoGroupName = text().min(1, v("Validation.sso.group")).max(200, v("Validation.sso.groupLong"));

/** `none` removes the group's mapping. */
export const setSsoGroupRoleSchema = z.object({
  groupName: ssoGroupName,
  role: z.enum([...ROLES, "none"], v("Validation.chooseRole")),
});

export type SetSsoGroupRoleInput = z.infer<typeof setSsoGroupRoleSchema>;
