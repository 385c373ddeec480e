// E3, production status on demand (d1-api.md §8): the latest operations for one card, in the
// notification shape (§10). Used for reconciliation when a notification went missing, so it is
// tolerant: unknown fields and unknown status values pass through for the state machine to judge.
import "server-only";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { msg } from "@/lib/i18n/message";
import { d1ResponseError } from "./errors";
import { callD1, newCorrelationId, type D1HttpDeps } from "./http";
import { CARD_ID_PATTERN } from "./types";

const operationSchema = z.looseObject({
  operationId: z.string(),
  /** PRODUCE for physical issuance; other values are possible and must be ignored by callers. */
  operation: z.string(),
  /** PENDING | SUCCESSFUL | FAILED today; kept as a string to stay forward compatible. */
  status: z.string(),
  startTime: z.string().optional(),
  endTime: z.string().optional(),
  cardId: z.string().optional(),
  issuerRequestId: z.string().optional(),
  /** `details.status` is one of INSTANT_DETAILS_STATUSES or a value D1 adds later. */
  details: z.looseObject({ status: z.string(), reason: z.string().optional() }).optional(),
  errorCode: z.string().optional(),
  error: z.string().optional(),
});

export const productionStatusSchema = z.looseObject({ operations: z.array(operationSchema) });

export type CardOperation = z.infer<typeof operationSchema>;
export type ProductionStatus = z.infer<typeof productionStatusSchema>;

/** The card's operations as D1 reports them, or null when D1 has no order for this cardId. */
export async function getProductionStatus(
  deps: D1HttpDeps,
  cardId: string,
  options: { correlationId?: string } = {},
): Promise<ProductionStatus | null> {
  if (!CARD_ID_PATTERN.test(cardId)) {
    throw new AppError("bad_request:d1", {
      message: msg("Errors.d1CardIdInvalid"),
      detail: { operation: "status", reason: "cardId pattern" },
    });
  }
  const correlationId = options.correlationId ?? newCorrelationId();
  const answer = await callD1(deps, {
    operation: "status",
    method: "GET",
    path: `/issuers/${encodeURIComponent(deps.config.issuerId)}/physicalCards/${cardId}/productionStatus`,
    cardId,
    correlationId,
  });
  const ctx = { operation: "status" as const, cardId, correlationId, attempts: answer.attempts };
  if (answer.status === 404) return null;
  if (answer.status !== 200) throw d1ResponseError(answer.status, answer.json, ctx);
  const parsed = productionStatusSchema.safeParse(answer.json);
  if (!parsed.success) {
    throw new AppError("internal:d1", {
      message: msg("Errors.d1StatusUnreadable"),
      detail: {
        ...ctx,
        reason: "unexpected productionStatus body",
        issues: parsed.error.issues.map((i) => i.path.join(".")),
      },
    });
  }
  return parsed.data;
}

/** The most recent PRODUCE operation, by end or start time, falling back to D1's order. */
export function latestProduceOperation(status: ProductionStatus): CardOperation | undefined {
  const produce = status.operations.filter((op) => op.operation === "PRODUCE");
  const time = (op: CardOperation) => Date.parse(op.endTime ?? op.startTime ?? "") || 0;
  return produce.reduce<CardOperation | undefined>(
    (best, op) => (!best || time(op) >= time(best) ? op : best),
    undefined,
  );
}
