// E2, Produce physical card, INSTANT channel (d1-api.md §7): the order for one card at one
// branch station. D1 does not say what it does with a repeated order (§13: the original 202, a
// 409, a 400, or a second card), so an order is sent again only when D1 certainly did not get
// it, or when productionStatus (E3) says D1 does not know the card; when D1 knows it, its state
// is followed instead. The card data is encrypted again for each attempt and never kept.
import "server-only";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { msg } from "@/lib/i18n/message";
import { retryPolicy } from "./config";
import { d1ResponseError, d1Unavailable } from "./errors";
import { backoffDelay, callD1, newCorrelationId, UncertainOutcome, type D1HttpDeps } from "./http";
import { encryptCardData } from "./jwe";
import { getProductionStatus, latestProduceOperation, type CardOperation, type ProductionStatus } from "./status";
import {
  CARD_ID_PATTERN,
  CORRELATION_ID_PATTERN,
  type D1CardData,
  type D1PaymentApplication,
  type D1Services,
} from "./types";

export interface InstantOrderInput {
  /** Our D1 card identifier, generated and persisted once per teller request (§13). */
  cardId: string;
  /** Our correlation id for the order, echoed in notifications; persisted with the job. */
  issuerRequestId: string;
  persoStation: string;
  cardProductId: string;
  services: D1Services;
  paymentApplication: D1PaymentApplication;
  /** Held for this call only: encrypted per attempt, never logged or stored. */
  cardData: D1CardData;
  consumerId?: string;
  /** For troubleshooting with Thales; random when absent. Never derive it from personal data. */
  correlationId?: string;
  /**
   * An earlier attempt for this cardId may have reached D1 (a previous run that failed, crashed
   * or was cut off): ask E3 before sending, and follow D1 when it knows the card.
   */
  maybeSentBefore?: boolean;
}

export { newCorrelationId };

export type InstantOrderResult =
  | { status: 202; alreadyOrdered: false; operationId?: string; correlationId: string; attempts: number }
  /**
   * D1 already knows the card (E3): after an uncertain outcome, a refusal of a possible repeat
   * (409, 400, …) or a check before sending. `production` is D1's state, for the job to adopt.
   */
  | {
      status: "known";
      alreadyOrdered: true;
      operationId?: string;
      production: ProductionStatus;
      /** What made us ask: "check" before sending, "uncertain" outcome, or D1's HTTP refusal. */
      after: "check" | "uncertain" | number;
      correlationId: string;
      attempts: number;
    };

const acceptedSchema = z.looseObject({
  operationId: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,64}$/)
    .optional(),
});

function checkIds(cardId: string, correlationId: string): void {
  // A bad id is our bug, not the teller's; catching it here keeps it out of D1's logs.
  if (!CARD_ID_PATTERN.test(cardId)) {
    throw new AppError("bad_request:d1", {
      message: msg("Errors.d1CardIdInvalid"),
      detail: { operation: "order", reason: "cardId pattern" },
    });
  }
  if (!CORRELATION_ID_PATTERN.test(correlationId)) {
    throw new AppError("bad_request:d1", {
      message: msg("Errors.d1CorrelationIdInvalid"),
      detail: { operation: "order", cardId, reason: "correlationId pattern" },
    });
  }
}

export async function orderInstantCard(deps: D1HttpDeps, input: InstantOrderInput): Promise<InstantOrderResult> {
  const correlationId = input.correlationId ?? newCorrelationId();
  checkIds(input.cardId, correlationId);
  const { config } = deps;
  const policy = retryPolicy(config);
  const fields = {
    distributionChannel: "INSTANT",
    persoStation: input.persoStation,
    cardProductId: input.cardProductId,
    issuerRequestId: input.issuerRequestId,
    ...(input.consumerId ? { consumerId: input.consumerId } : {}),
    services: input.services,
    paymentApplication: input.paymentApplication,
  };
  const encryptionKey = { publicKey: config.encryption.publicKeyPem, kid: config.encryption.kid };
  let tries = 0;

  /** E3: D1's own record of the card, or undefined when D1 does not know it (404, no PRODUCE). */
  const known = async (after: "check" | "uncertain" | number): Promise<InstantOrderResult | undefined> => {
    const production = await getProductionStatus(deps, input.cardId, { correlationId });
    const op: CardOperation | undefined = production ? latestProduceOperation(production) : undefined;
    if (!production || !op) return undefined;
    deps.logger.info(
      { d1: { operation: "order", cardId: input.cardId, correlationId, after, d1Status: op.details?.status } },
      "D1 already knows the card; following its state instead of ordering again",
    );
    return {
      status: "known",
      alreadyOrdered: true,
      operationId: op.operationId,
      production,
      after,
      correlationId,
      attempts: tries,
    };
  };

  if (input.maybeSentBefore) {
    const found = await known("check");
    if (found) return found;
  }
  for (let round = 1; ; round++) {
    let answer;
    try {
      answer = await callD1(deps, {
        operation: "order",
        method: "POST",
        path: `/issuers/${encodeURIComponent(config.issuerId)}/physicalCards/${input.cardId}/operations:production`,
        cardId: input.cardId,
        correlationId,
        safeToRepeat: false,
        body: async () =>
          JSON.stringify({ ...fields, encryptedData: await encryptCardData(input.cardData, encryptionKey) }),
      });
    } catch (err) {
      if (!(err instanceof UncertainOutcome)) throw err;
      tries += err.detail.attempts;
      // Out of attempts: the job queue tries later, and its next run asks E3 first.
      if (round >= config.maxAttempts) {
        throw d1Unavailable(
          { ...err.detail, operation: "order", cardId: input.cardId, correlationId, attempts: tries, uncertain: true },
          err.cause,
        );
      }
      // Give D1 the time it asked for (or a backoff) to finish what it may have started.
      await deps.sleep(err.detail.retryAfterMs ?? backoffDelay(round, policy, deps.random));
      const found = await known("uncertain");
      if (found) return found;
      continue;
    }
    tries += answer.attempts;
    const ctx = { operation: "order" as const, cardId: input.cardId, correlationId, attempts: tries };
    if (answer.status === 202 || answer.status === 200) {
      const parsed = acceptedSchema.safeParse(answer.json ?? {});
      const operationId = parsed.success ? parsed.data.operationId : undefined;
      if (!parsed.success) deps.logger.warn({ d1: { ...ctx, reason: "unreadable operationId" } }, "D1 order accepted");
      return {
        status: 202,
        alreadyOrdered: false,
        ...(operationId ? { operationId } : {}),
        correlationId,
        attempts: tries,
      };
    }
    // A refusal may be D1's way of saying "already ordered" (409, 400 or another code: §13
    // leaves it open), e.g. when an earlier attempt we could not see arrived. Ask, then follow.
    if (answer.status !== 401) {
      const found = await known(answer.status);
      if (found) return found;
    }
    const refusal = d1ResponseError(answer.status, answer.json, ctx);
    if (answer.status === 409) {
      // D1 says it holds the card, but E3 does not show it (yet): never order blindly, try later.
      throw d1Unavailable({ ...ctx, ...refusal.detail, reason: "409 for a card productionStatus does not know" });
    }
    throw refusal;
  }
}
