// The rules of card stock movements a person makes: receiving a shipment, loading a station and
// destroying spoiled cards need two people of the branch (dual control, the second signs with
// their own password or the bank's single sign-on on the same screen); spoiling a produced card (a misprint, a card never
// handed over) is one person's report. Every movement is ledger rows, inserted in a transaction
// that holds the branch's lock for the stock type, so a balance can never go below zero.
import "server-only";
import { randomUUID } from "node:crypto";
import { db } from "@/db";
import type { Tx } from "@/db/client";
import { insertAudit } from "@/db/queries/audit";
import { enqueueWaitingAtStation, insertJobEvent } from "@/db/queries/jobs";
import { findStation } from "@/db/queries/stations";
import { insertStockRows, jobStock, lockStock, markCardSpoiled, placeBalance } from "@/db/queries/stock";
import { findStockType } from "@/db/queries/stock-types";
import type { ActionContext } from "@/lib/actions/action";
import { byActor } from "@/lib/audit";
import { verifySecondSigner, type SecondSigner } from "@/lib/dual-control/second-signer";
import { AppError } from "@/lib/errors";
import { msg } from "@/lib/i18n/message";
import { signatureOf } from "@/lib/validations/second-signer";
import type { DualControlStep, Role, SpoilReason } from "@/lib/vocabulary";

type Ctx = Pick<ActionContext, "user" | "ip" | "userAgent">;
type Signature = { secondEmail: string; secondPassword: string; secondAssertion?: string | undefined };

/**
 * Who may sign second: a teller or a manager of the branch. The first signer of every stock step
 * is the branch's manager (the actions are the manager's), so destroying spoiled cards always has
 * a manager among the two; a teller can be the second pair of eyes at the vault and the station.
 */
const SECOND_ROLES: readonly Role[] = ["teller", "manager"];

function branchOf(ctx: Ctx): string {
  if (!ctx.user.branchId) throw new AppError("forbidden:branch");
  return ctx.user.branchId;
}

async function activeStockType(stockTypeId: string, { forDestroy = false } = {}) {
  const type = await findStockType({ db, id: stockTypeId });
  if (!type) throw new AppError("not_found:stock", { message: msg("Errors.stockTypeMissing") });
  // Spoiled cards of a retired stock type must still be destroyable.
  if (!type.active && !forDestroy) {
    throw new AppError("conflict:stock", {
      message: msg("Errors.stockTypeRetired", { name: type.name }),
      fieldErrors: { stockTypeId: [msg("Validation.stockTypeNotInUse", { name: type.name })] },
    });
  }
  return type;
}

async function sign(ctx: Ctx, branchId: string, step: DualControlStep, s: Signature): Promise<SecondSigner> {
  if (ctx.user.role !== "manager") {
    throw new AppError("forbidden:action", { message: msg("Errors.stockManagerOnly") });
  }
  return verifySecondSigner({ actor: ctx.user, branchId, roles: SECOND_ROLES, step, ...signatureOf(s) });
}

const audit = (tx: Tx, ctx: Ctx, branchId: string, action: string, entityId: string, after: Record<string, unknown>) =>
  insertAudit({ db: tx, entry: byActor(ctx, { branchId, action, entityType: "stock", entityId, after }) });

function notEnough(field: string, place: "vault" | "spoiled", name: string, have: number): never {
  const message = msg("Validation.notEnoughStock", { place, name, have });
  throw new AppError("conflict:stock", { message, fieldErrors: { [field]: [message] } });
}

/** A shipment of blank cards into the branch's vault. */
export async function receiveStock(
  ctx: Ctx,
  input: Signature & { stockTypeId: string; quantity: number; lot: string; supplierRef: string },
) {
  const branchId = branchOf(ctx);
  const type = await activeStockType(input.stockTypeId);
  const second = await sign(ctx, branchId, "stock.receive", input);
  return db.transaction(async (tx) => {
    await lockStock({ db: tx, branchId, stockTypeId: type.id });
    const [row] = await insertStockRows({
      db: tx,
      rows: [
        {
          branchId,
          stockTypeId: type.id,
          place: "vault",
          movement: "received",
          quantity: input.quantity,
          lot: input.lot,
          supplierRef: input.supplierRef,
          actorId: ctx.user.id,
          secondActorId: second.id,
        },
      ],
    });
    await audit(tx, ctx, branchId, "stock.received", String(row!.id), {
      stockType: type.name,
      quantity: input.quantity,
      lot: input.lot,
      supplierRef: input.supplierRef,
      by: ctx.user.name,
      secondBy: second.name,
      secondConfirmedWith: second.method,
    });
    return { quantity: input.quantity, stockType: type.name, secondBy: second.name };
  });
}

/** Cards from the vault into a station: two rows (−n vault, +n station) with one transfer id. */
export async function loadStation(
  ctx: Ctx,
  input: Signature & { stockTypeId: string; stationId: string; quantity: number },
) {
  const branchId = branchOf(ctx);
  const station = await findStation({ db, id: input.stationId });
  if (!station || station.branchId !== branchId) throw new AppError("forbidden:branch");
  const type = await activeStockType(input.stockTypeId);
  const second = await sign(ctx, branchId, "stock.load", input);
  return db.transaction(async (tx) => {
    await lockStock({ db: tx, branchId, stockTypeId: type.id });
    const vault = await placeBalance({ db: tx, branchId, stockTypeId: type.id, place: "vault" });
    if (vault < input.quantity) notEnough("quantity", "vault", type.name, vault);
    const transferId = randomUUID();
    const common = { branchId, stockTypeId: type.id, movement: "loaded" as const, transferId };
    const people = { actorId: ctx.user.id, secondActorId: second.id };
    await insertStockRows({
      db: tx,
      rows: [
        { ...common, ...people, place: "vault", quantity: -input.quantity },
        { ...common, ...people, place: "station", stationId: station.id, quantity: input.quantity },
      ],
    });
    // Requests held because the station had no blank cards (a new station's test card, say) go now.
    await enqueueWaitingAtStation({ db: tx, stationId: station.id });
    await audit(tx, ctx, branchId, "stock.loaded", transferId, {
      stockType: type.name,
      station: station.label,
      quantity: input.quantity,
      by: ctx.user.name,
      secondBy: second.name,
      secondConfirmedWith: second.method,
    });
    return { quantity: input.quantity, station: station.label, secondBy: second.name };
  });
}

/** Spoiled cards destroyed (shredded): they leave the spoiled pile. */
export async function destroySpoiled(
  ctx: Ctx,
  input: Signature & { stockTypeId: string; quantity: number; note: string },
) {
  const branchId = branchOf(ctx);
  const type = await activeStockType(input.stockTypeId, { forDestroy: true });
  const second = await sign(ctx, branchId, "stock.destroy", input);
  return db.transaction(async (tx) => {
    await lockStock({ db: tx, branchId, stockTypeId: type.id });
    const spoiled = await placeBalance({ db: tx, branchId, stockTypeId: type.id, place: "spoiled" });
    if (spoiled < input.quantity) notEnough("quantity", "spoiled", type.name, spoiled);
    const [row] = await insertStockRows({
      db: tx,
      rows: [
        {
          branchId,
          stockTypeId: type.id,
          place: "spoiled",
          movement: "destroyed",
          quantity: -input.quantity,
          note: input.note || null,
          actorId: ctx.user.id,
          secondActorId: second.id,
        },
      ],
    });
    await audit(tx, ctx, branchId, "stock.destroyed", String(row!.id), {
      stockType: type.name,
      quantity: input.quantity,
      ...(input.note ? { note: input.note } : {}),
      by: ctx.user.name,
      secondBy: second.name,
      secondConfirmedWith: second.method,
    });
    return { quantity: input.quantity, secondBy: second.name };
  });
}

/**
 * A produced card that will never reach its customer (a misprint the teller saw, or a card left
 * unclaimed): it goes to the spoiled pile and may no longer be handed over. The card already left
 * its station when it was produced (one "produced" row), so it adds one to the spoiled pile
 * without taking a second card from the station: the station's count stays what its tray holds.
 */
export async function spoilProducedCard(
  ctx: Ctx & { assertBranch: (b: string | null) => void },
  jobId: string,
  reason: Extract<SpoilReason, "misprint" | "not_handed_over">,
) {
  return db.transaction(async (tx) => {
    const job = await jobStock({ db: tx, jobId });
    // A job of the other kind (training or real) is not the viewer's to see (docs/training.md).
    if (!job || job.training !== ctx.user.training) throw new AppError("not_found:job");
    ctx.assertBranch(job.branchId);
    if (job.state !== "done" || job.destroyIfProduced) {
      throw new AppError("conflict:job", {
        message: msg("Errors.spoilNotAtBranch"),
      });
    }
    await markCardSpoiled({ db: tx, jobId });
    // A training card used no blank card: no stock row.
    if (job.stockTypeId && !job.training) {
      await lockStock({ db: tx, branchId: job.branchId, stockTypeId: job.stockTypeId });
      await insertStockRows({
        db: tx,
        rows: [
          {
            branchId: job.branchId,
            stockTypeId: job.stockTypeId,
            place: "spoiled",
            movement: "spoiled",
            quantity: 1,
            jobId,
            spoilReason: reason,
            actorId: ctx.user.id,
          },
        ],
      });
    }
    await insertJobEvent({
      db: tx,
      event: {
        jobId,
        branchId: job.branchId,
        kind: "card_spoiled",
        state: "done",
        detail: { reason },
        dedupeKey: `spoiled:${jobId}`,
      },
    });
    await insertAudit({
      db: tx,
      entry: byActor(ctx, {
        branchId: job.branchId,
        action: "stock.spoiled",
        entityType: "issuance_job",
        entityId: jobId,
        after: { reason, by: ctx.user.name },
      }),
    });
    return { jobId, reason };
  });
}
