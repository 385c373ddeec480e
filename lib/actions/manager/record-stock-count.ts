"use server";

import { revalidatePath } from "next/cache";
import { db } from "@/db";
import { insertAudit } from "@/db/queries/audit";
import { findBranch } from "@/db/queries/branches";
import { isUniqueViolation } from "@/db/queries/pg-error";
import { findStation } from "@/db/queries/stations";
import { findCount, insertCount, movedSince, placeBalances } from "@/db/queries/stock-count";
import { createAction } from "@/lib/actions/action";
import { byActor } from "@/lib/audit";
import { formatCalendarDate, startOfDayIn } from "@/lib/datetime";
import { verifySecondSigner } from "@/lib/dual-control/second-signer";
import { AppError } from "@/lib/errors";
import { msg, type MessageValue } from "@/lib/i18n/message";
import { dateIn } from "@/lib/issuance/eligibility";
import { countableDays, placeLabel } from "@/lib/stock/end-of-day";
import type { StockPlace } from "@/lib/vocabulary";
import { signatureOf } from "@/lib/validations/second-signer";
import { recordStockCountSchema } from "@/lib/validations/stock-count";

const alreadyCounted = (where: MessageValue, day: string) =>
  new AppError("conflict:stock", {
    message: msg("Errors.alreadyCounted", { place: where, day: (locale) => formatCalendarDate(day, locale) }),
  });

/** The counted place in the reader's words: a station by its label, else the vocabulary's name. */
const placeWords = (place: StockPlace, stationLabel: string | null): MessageValue =>
  place === "station" && stationLabel ? stationLabel : msg(`Vocab.stockPlace.${place}`);

/**
 * The end-of-day count of one place under dual control: the signed-in manager enters the figure,
 * a second person of the branch (teller or manager, never the same person) confirms it on the same
 * screen with their own password or the bank's single sign-on. So at least one of the two is a manager. The expected figure is
 * the ledger's, computed here at the moment of the count; a difference is audited with both names
 * and waits for a manager's explanation (explain-stock-count.ts).
 */
export const recordStockCountAction = createAction({
  name: "recordStockCount",
  roles: ["manager"],
  input: recordStockCountSchema,
  handler: async (input, ctx) => {
    const branch = ctx.user.branchId ? await findBranch({ db, id: ctx.user.branchId }) : null;
    if (!branch) throw new AppError("forbidden:branch");
    const today = dateIn(branch.timezone);
    if (!countableDays(today).includes(input.businessDate)) {
      const message = msg("Errors.countDayInvalid");
      throw new AppError("invalid:stock", { message, fieldErrors: { businessDate: [message] } });
    }
    let stationLabel: string | null = null;
    if (input.stationId) {
      const station = await findStation({ db, id: input.stationId });
      if (!station) throw new AppError("not_found:station");
      ctx.assertBranch(station.branchId);
      stationLabel = station.label;
    }
    const key = {
      branchId: branch.id,
      stockTypeId: input.stockTypeId,
      place: input.place,
      stationId: input.stationId ?? null,
    };
    const where = placeLabel({ place: input.place, stationLabel });
    // Before the second person's check, so nobody signs for a count that cannot be taken.
    if (await findCount({ db, ...key, businessDate: input.businessDate }))
      throw alreadyCounted(placeWords(input.place, stationLabel), input.businessDate);
    const second = await verifySecondSigner({
      actor: ctx.user,
      step: "stock.count",
      branchId: branch.id,
      roles: ["teller", "manager"],
      ...signatureOf(input),
    });
    try {
      const count = await db.transaction(async (tx) => {
        if (
          input.businessDate !== today &&
          (await movedSince({ db: tx, ...key, since: startOfDayIn(branch.timezone) }))
        ) {
          const message = msg("Errors.movedSinceMidnight", { place: placeWords(input.place, stationLabel) });
          throw new AppError("conflict:stock", { message, fieldErrors: { businessDate: [message] } });
        }
        const balances = await placeBalances({ db: tx, branchId: branch.id, businessDate: input.businessDate });
        const balance = balances.find(
          (b) => b.stockTypeId === key.stockTypeId && b.place === key.place && b.stationId === key.stationId,
        );
        const expected = balance?.expected ?? 0;
        const row = await insertCount({
          db: tx,
          count: {
            ...key,
            businessDate: input.businessDate,
            expected,
            counted: input.counted,
            countedBy: ctx.user.id,
            confirmedBy: second.id,
          },
        });
        await insertAudit({
          db: tx,
          entry: byActor(ctx, {
            branchId: branch.id,
            action: row.counted === expected ? "stock.count" : "stock.count_difference",
            entityType: "stock_count",
            entityId: row.id,
            after: {
              place: where,
              stockType: balance?.stockTypeName ?? null,
              businessDate: input.businessDate,
              opening: balance?.opening ?? 0,
              ...(balance?.movements ?? {}),
              expected,
              counted: row.counted,
              difference: row.counted - expected,
              countedBy: ctx.user.name,
              confirmedBy: second.name,
              confirmedById: second.id,
              confirmedWith: second.method,
            },
          }),
        });
        return row;
      });
      revalidatePath("/manager/end-of-day");
      return {
        countId: count.id,
        expected: count.expected,
        counted: count.counted,
        difference: count.counted - count.expected,
      };
    } catch (error) {
      // Two counts of the same place at once: the unique index keeps the first.
      if (isUniqueViolation(error)) throw alreadyCounted(placeWords(input.place, stationLabel), input.businessDate);
      throw error;
    }
  },
});
