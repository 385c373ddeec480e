"use server";

import { revalidatePath } from "next/cache";
import { db } from "@/db";
import { insertAudit } from "@/db/queries/audit";
import { getApprovalSettings, saveApprovalSettings } from "@/db/queries/approvals";
import { createAction } from "@/lib/actions/action";
import { byActor } from "@/lib/audit";
import { approvalSettingsSchema } from "@/lib/validations/approval";

/** The admin sets the bank-wide approval rules (a product's own flag is on the product). */
export const updateApprovalSettingsAction = createAction({
  name: "updateApprovalSettings",
  roles: ["admin"],
  input: approvalSettingsSchema,
  handler: async (values, ctx) => {
    await db.transaction(async (tx) => {
      const before = await getApprovalSettings({ db: tx });
      await saveApprovalSettings({ db: tx, values });
      await insertAudit({
        db: tx,
        entry: byActor(ctx, {
          branchId: null,
          action: "approval_settings.update",
          entityType: "approval_settings",
          entityId: "1",
          before: { ...before },
          after: { ...values },
        }),
      });
    });
    revalidatePath("/admin/approvals");
    return values;
  },
});
