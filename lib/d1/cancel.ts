// Asking D1 to stop an order it holds. D1 documents the CARD_PROD_CANCELED status ("cancelled by
// the issuer", §10.3) but not how an issuer asks for it (§12 [U]), so the path is a setting
// (D1_CANCEL_PATH) and every plausible answer is read: only a 2xx means D1 will stop the card and
// send CARD_PROD_CANCELED; anything else leaves the card possibly printed.
import "server-only";
import { isAppError } from "@/lib/errors";
import { parseD1ErrorBody } from "./errors";
import { callD1, newCorrelationId, UncertainOutcome, type D1HttpDeps } from "./http";
import { CARD_ID_PATTERN } from "./types";

/**
 * accepted: D1 took the cancel and will notify CARD_PROD_CANCELED. not_supported: no path set, or
 * D1 answers 404/405/501 (no such route, or no such card there). too_late: 409, production started.
 * refused: another 4xx. unreachable: 5xx, timeout or network; D1 could not be asked.
 */
export type CancelOutcome = "accepted" | "not_supported" | "too_late" | "refused" | "unreachable";

export type CancelAnswer = { outcome: CancelOutcome; httpStatus?: number; d1ErrorCode?: string };

export function cancelPathFor(template: string, issuerId: string, cardId: string): string {
  return template
    .replaceAll("{issuerId}", encodeURIComponent(issuerId))
    .replaceAll("{cardId}", encodeURIComponent(cardId));
}

export async function cancelProduction(deps: D1HttpDeps, cardId: string): Promise<CancelAnswer> {
  const template = deps.config.cancelPath;
  if (!template) return { outcome: "not_supported" };
  if (!CARD_ID_PATTERN.test(cardId)) return { outcome: "refused" };
  try {
    const answer = await callD1(deps, {
      operation: "cancel",
      method: "POST",
      path: cancelPathFor(template, deps.config.issuerId, cardId),
      cardId,
      correlationId: newCorrelationId(),
      body: () => Promise.resolve("{}"),
      // One try: a teller is waiting, and the job is recorded canceled whatever D1 answers.
      safeToRepeat: false,
    });
    const status = answer.status;
    const { errorCode: d1ErrorCode } = status >= 400 ? parseD1ErrorBody(answer.json) : {};
    const extra = { httpStatus: status, ...(d1ErrorCode ? { d1ErrorCode } : {}) };
    if (status >= 200 && status < 300) return { outcome: "accepted", ...extra };
    if (status === 404 || status === 405 || status === 501) return { outcome: "not_supported", ...extra };
    if (status === 409) return { outcome: "too_late", ...extra };
    if (status >= 500 || status === 429) return { outcome: "unreachable", ...extra };
    return { outcome: "refused", ...extra };
  } catch (error) {
    if (error instanceof UncertainOutcome) {
      const httpStatus = error.detail.httpStatus;
      return { outcome: "unreachable", ...(typeof httpStatus === "number" ? { httpStatus } : {}) };
    }
    if (isAppError(error) && error.type === "unavailable") return { outcome: "unreachable" };
    throw error;
  }
}
