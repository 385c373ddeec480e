"use server";

import { revalidatePath } from "next/cache";
import { db } from "@/db";
import { insertAudit } from "@/db/queries/audit";
import { findStation } from "@/db/queries/stations";
import { enqueueWaitingAtStation } from "@/db/queries/jobs";
import { insertStockRows } from "@/db/queries/stock";
import { findCountForUpdate, setExplanation } from "@/db/queries/stock-count";
import { createAction } from "@/lib/actions/action";
import { byActor } from "@/lib/audit";
import { AppError } from "@/lib/errors";
import { msg } from "@/lib/i18n/message";
import { placeLabel } from "@/lib/stock/end-of-day";
import { explainStockCountSchema } from "@/lib/validations/stock-count";

/**
 * A manager of the branch explains an end-of-day difference. The explanation also books the
 * difference as a "corrected" ledger row at that place (at the moment of the explanation, never
 * backdated), so the book agrees with the count from then on and the next count starts from what
 * was physically there. Once explained, the station takes cards again.
 */
export const explainStockCountAction = createAction({
  name: "explainStockCount",
  roles: ["manager"],
  input: explainStockCountSchema,
  handler: async ({ countId, explanation }, ctx) => {
    const result = await db.transaction(async (tx) => {
      const count = await findCountForUpdate({ db: tx, id: countId });
      if (!count) throw new AppError("not_found:stock");
      ctx.assertBranch(count.branchId);
      const difference = count.counted - count.expected;
      if (difference === 0) {
        throw new AppError("conflict:stock", { message: msg("Errors.countBalanced") });
      }
      if (count.explanation !== null) {
        throw new AppError("conflict:stock", {
          message: msg("Errors.countExplained"),
        });
      }
      const station = count.stationId ? await findStation({ db: tx, id: count.stationId }) : null;
      const where = placeLabel({ place: count.place, stationLabel: station?.label ?? null });
      await setExplanation({ db: tx, id: count.id, explanation, explainedBy: ctx.user.id });
      const [correction] = await insertStockRows({
        db: tx,
        rows: [
          {
            branchId: count.branchId,
            stockTypeId: count.stockTypeId,
            place: count.place,
            stationId: count.stationId,
            movement: "corrected",
            quantity: difference,
            actorId: ctx.user.id,
            note: `End-of-day count of ${count.businessDate}: ${explanation}`.slice(0, 1000),
          },
        ],
      });
      await insertAudit({
        db: tx,
        entry: byActor(ctx, {
          branchId: count.branchId,
          action: "stock.count_explained",
          entityType: "stock_count",
          entityId: count.id,
          before: { explanation: null },
          after: {
            place: where,
            businessDate: count.businessDate,
            expected: count.expected,
            counted: count.counted,
            difference,
            explanation,
            explainedBy: ctx.user.name,
            correctionLedgerId: correction!.id,
          },
        }),
      });
      // Requests held at the station for this difference (submit.ts) are sent now, if no other
      // unexplained day holds it still (the worker checks again).
      if (count.stationId) await enqueueWaitingAtStation({ db: tx, stationId: count.stationId });
      return { countId: count.id, difference };
    });
    revalidatePath("/manager/end-of-day");
    revalidatePath("/manager");
    return result;
  },
});
