// E2, Produce physical card, INSTANT channel (d1-api.md §7): the order for one card at one
// branch station. The same cardId and issuerRequestId are re-sent on every retry so D1 can
// de-duplicate (§13); the card data is encrypted again for each attempt and never kept.
import "server-only";
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { d1ResponseError, parseD1ErrorBody } from "./errors";
import { callD1, type D1HttpDeps } from "./http";
import { encryptCardData } from "./jwe";
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
}

export type InstantOrderResult =
  | { status: 202; alreadyOrdered: false; operationId?: string; correlationId: string; attempts: number }
  /**
   * D1 already holds an order for this cardId with other data (e.g. the expiry month rolled over
   * between two attempts). Teller-backend decision (§13): treat it as accepted and poll E3.
   */
  | { status: 409; alreadyOrdered: true; d1ErrorCode?: string; correlationId: string; attempts: number };

const acceptedSchema = z.looseObject({
  operationId: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,64}$/)
    .optional(),
});

export function newCorrelationId(): string {
  return randomUUID();
}

function checkIds(cardId: string, correlationId: string): void {
  // A bad id is our bug, not the teller's; catching it here keeps it out of D1's logs.
  if (!CARD_ID_PATTERN.test(cardId)) {
    throw new AppError("bad_request:d1", {
      message: "The card reference is not valid for D1.",
      detail: { operation: "order", reason: "cardId pattern" },
    });
  }
  if (!CORRELATION_ID_PATTERN.test(correlationId)) {
    throw new AppError("bad_request:d1", {
      message: "The correlation id is not valid for D1.",
      detail: { operation: "order", cardId, reason: "correlationId pattern" },
    });
  }
}

export async function orderInstantCard(deps: D1HttpDeps, input: InstantOrderInput): Promise<InstantOrderResult> {
  const correlationId = input.correlationId ?? newCorrelationId();
  checkIds(input.cardId, correlationId);
  const { config } = deps;
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
  const answer = await callD1(deps, {
    operation: "order",
    method: "POST",
    path: `/issuers/${encodeURIComponent(config.issuerId)}/physicalCards/${input.cardId}/operations:production`,
    cardId: input.cardId,
    correlationId,
    body: async () =>
      JSON.stringify({ ...fields, encryptedData: await encryptCardData(input.cardData, encryptionKey) }),
  });

  const ctx = { operation: "order" as const, cardId: input.cardId, correlationId, attempts: answer.attempts };
  if (answer.status === 202 || answer.status === 200) {
    const parsed = acceptedSchema.safeParse(answer.json ?? {});
    const operationId = parsed.success ? parsed.data.operationId : undefined;
    if (!parsed.success) deps.logger.warn({ d1: { ...ctx, reason: "unreadable operationId" } }, "D1 order accepted");
    return {
      status: 202,
      alreadyOrdered: false,
      ...(operationId ? { operationId } : {}),
      correlationId,
      attempts: answer.attempts,
    };
  }
  if (answer.status === 409) {
    const { errorCode: d1ErrorCode } = parseD1ErrorBody(answer.json);
    deps.logger.info({ d1: { ...ctx, d1ErrorCode } }, "D1 order already exists; treating it as accepted");
    return {
      status: 409,
      alreadyOrdered: true,
      ...(d1ErrorCode ? { d1ErrorCode } : {}),
      correlationId,
      attempts: answer.attempts,
    };
  }
  throw d1ResponseError(answer.status, answer.json, ctx);
}
