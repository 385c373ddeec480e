"use server";

import { revalidatePath } from "next/cache";
import { db } from "@/db";
import { insertAudit } from "@/db/queries/audit";
import { findActiveTestProduct } from "@/db/queries/products";
import { countStationTests, findStation, findStationForUpdate } from "@/db/queries/stations";
import { createAction } from "@/lib/actions/action";
import { byActor } from "@/lib/audit";
import { AppError } from "@/lib/errors";
import { msg } from "@/lib/i18n/message";
import { createIssuanceJob } from "@/lib/issuance/create-job";
import { isFinal } from "@/lib/issuance/states";
import { printTestCardSchema } from "@/lib/validations/station";

/** On the card, so that nobody takes the test card for a customer's. */
const TEST_CARD_NAME = "TEST CARD";

/**
 * Sends the bank's test product to a newly registered station through D1, like any card: a job
 * committed before D1 is called, card data from the card system, the worker's normal path (which
 * lets exactly this card through at its own disabled, unverified station). When D1 reports it
 * produced, the receiver verifies the station (db/queries/job-updates.ts). A second press while a
 * test card is on its way is refused (its progress shows on the station's row); after a failure,
 * a press sends a new one.
 */
export const printTestCardAction = createAction({
  name: "printTestCard",
  roles: ["manager", "admin"],
  input: printTestCardSchema,
  // A station's setup is real work on a real station, never a trainee's (docs/training.md).
  realWorkOnly: true,
  handler: async ({ stationId }, ctx) => {
    const found = await findStation({ db, id: stationId });
    if (!found) throw new AppError("not_found:station");
    ctx.assertBranch(found.branchId);
    if (found.verifiedAt) {
      throw new AppError("conflict:station", { message: msg("Errors.stationVerified", { station: found.label }) });
    }
    const product = await findActiveTestProduct({ db });
    if (!product) {
      throw new AppError("conflict:station", {
        message: msg("Errors.noTestProduct"),
      });
    }
    // The n-th test card of this station: two presses at once make one job (the same request key).
    const earlier = await countStationTests({ db, stationId });
    const { job } = await createIssuanceJob(
      {
        requestKey: `station-test:${found.id}:${earlier.total}`,
        branchId: found.branchId,
        customerId: null,
        purpose: "station_test",
        productId: product.id,
        stationId: found.id,
        persoStation: found.persoStation,
        reason: "CREATION",
        nameOnCard: TEST_CARD_NAME,
      },
      ctx,
      {
        guard: async (tx) => {
          // Serialises with the manual confirmation and with another press, then checks again.
          const station = await findStationForUpdate({ db: tx, id: stationId });
          if (!station) throw new AppError("not_found:station");
          if (station.verifiedAt) {
            throw new AppError("conflict:station", {
              message: msg("Errors.stationVerified", { station: station.label }),
            });
          }
          const now = await countStationTests({ db: tx, stationId });
          const open = now.latestState !== null && !isFinal(now.latestState);
          if (open || now.total !== earlier.total) {
            throw new AppError("conflict:station", {
              message: msg("Errors.testCardOnItsWay", { station: station.label }),
            });
          }
          await insertAudit({
            db: tx,
            entry: byActor(ctx, {
              branchId: station.branchId,
              action: "station.test_card",
              entityType: "station",
              entityId: station.id,
              after: { product: product.name, attempt: earlier.total + 1 },
            }),
          });
        },
      },
    );
    revalidatePath("/manager/stations");
    return { stationId: found.id, jobId: job.id };
  },
});
