// Blocks a lost or stolen card at the bank's card system before its replacement is ordered, then
// records the block on the old job (card status, time, reason), with a job event and an audit
// entry. If the card system does not confirm the block, nothing is ordered: a new card while the
// old one still works would leave the customer exposed. Blocking is idempotent at the card
// system, and the record is written once, so a resubmitted form does no harm.
import "server-only";
import { db } from "@/db";
import { insertAudit } from "@/db/queries/audit";
import { findCardId, markCardBlocked } from "@/db/queries/customer-cards";
import { insertJobEvent } from "@/db/queries/jobs";
import type { ActionContext } from "@/lib/actions/action";
import { byActor } from "@/lib/audit";
import type { CardSystem } from "@/lib/card-system/card-system";
import { AppError, isAppError } from "@/lib/errors";
import { msg } from "@/lib/i18n/message";
import { log } from "@/lib/log";
import type { ReplacementReason } from "@/lib/vocabulary";

/** Reasons for which the old card is blocked before the new one is ordered. */
export const BLOCK_FIRST: readonly ReplacementReason[] = ["lost", "stolen"];

export async function blockReplacedCard(
  { jobId, reason }: { jobId: string; reason: "lost" | "stolen" },
  ctx: Pick<ActionContext, "user" | "ip" | "userAgent">,
  system: CardSystem,
): Promise<void> {
  const cardId = await findCardId({ db, jobId });
  if (!cardId) throw new AppError("not_found:job");
  try {
    await system.block({ cardId, reason });
  } catch (error) {
    log.warn(
      { jobId, code: isAppError(error) ? error.code : "unknown", detail: isAppError(error) ? error.detail : undefined },
      "blocking the replaced card failed; no replacement ordered",
    );
    throw new AppError(
      isAppError(error) && error.code.startsWith("unavailable") ? "unavailable:card_system" : "conflict:card_system",
      {
        message: msg("Errors.blockFailed"),
      },
    );
  }
  await db.transaction(async (tx) => {
    const blocked = await markCardBlocked({ db: tx, jobId, reason });
    if (!blocked) return;
    await insertJobEvent({
      db: tx,
      event: { jobId, branchId: blocked.branchId, kind: "card_blocked", state: blocked.state, detail: { reason } },
    });
    await insertAudit({
      db: tx,
      entry: byActor(ctx, {
        branchId: blocked.branchId,
        action: "card.block",
        entityType: "issuance_job",
        entityId: jobId,
        after: { cardStatus: "blocked", reason },
      }),
    });
  });
}
