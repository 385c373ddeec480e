"use server";

import { revalidatePath } from "next/cache";
import { db } from "@/db";
import { insertAudit } from "@/db/queries/audit";
import { deleteSsoGroupRole, upsertSsoGroupRole } from "@/db/queries/sso";
import { createAction } from "@/lib/actions/action";
import { byActor } from "@/lib/audit";
import { setSsoGroupRoleSchema } from "@/lib/validations/sso";

/**
 * Maps an identity provider group to a role, changes it, or removes it (`none`). Takes effect
 * at each user's next single sign-on, when their role is provisioned again.
 */
export const setSsoGroupRoleAction = createAction({
  name: "setSsoGroupRole",
  roles: ["admin"],
  input: setSsoGroupRoleSchema,
  handler: async ({ groupName, role }, ctx) => {
    const before = await db.transaction(async (tx) => {
      const previous =
        role === "none"
          ? await deleteSsoGroupRole({ db: tx, groupName })
          : await upsertSsoGroupRole({ db: tx, groupName, role, createdBy: ctx.user.id });
      // Removing a mapping that is already gone (two admins at once) changes nothing.
      if (previous === (role === "none" ? null : role)) return previous;
      await insertAudit({
        db: tx,
        entry: byActor(ctx, {
          branchId: null,
          action: role === "none" ? "sso_group.delete" : previous ? "sso_group.update" : "sso_group.create",
          entityType: "sso_group",
          entityId: groupName,
          before: previous ? { role: previous } : null,
          after: role === "none" ? null : { role },
        }),
      });
      return previous;
    });
    revalidatePath("/admin/sso");
    return { groupName, role, before };
  },
});
