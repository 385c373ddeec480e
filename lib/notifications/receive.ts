// D1 → us: Notify Card Operations (E5). Authenticate as D1_NOTIFY_AUTH says (CPU only), bound and validate the body,
// then apply every operation in one database statement (shared with any notifications arriving
// meanwhile) and answer 204 after it commits.
// Duplicates, late and reordered updates are absorbed by applyD1StatusUpdates.
import "server-only";
import type { Span } from "@opentelemetry/api";
import { env } from "@/lib/env";
import { AppError, isAppError } from "@/lib/errors";
import { msg } from "@/lib/i18n/message";
import { issueMessage } from "@/lib/i18n/zod";
import { readBodyText } from "@/lib/http/read-body";
import { log } from "@/lib/log";
import { linkTo, withSpan } from "@/lib/tracing/spans";
import { countNotificationOperations, countNotificationReceived, countNotificationRefused } from "@/lib/metrics/hooks";
import { isDatabaseUnavailable } from "@/db/queries/pg-error";
import { notificationSchema } from "@/lib/validations/notification";
import { authenticateNotification, notifyAuth, type NotifyAuth } from "./auth";
import { applyBatched } from "./batcher";
import { toStatusUpdates } from "./to-updates";

/** `auth` defaults to the configured mode (D1_NOTIFY_AUTH); tests pass another. */
export async function receiveNotification(
  request: Request,
  issuerId: string,
  auth: NotifyAuth = notifyAuth(),
): Promise<Response> {
  countNotificationReceived();
  try {
    return await withSpan("d1.notification", {}, (span) => receive(request, issuerId, auth, span));
  } catch (error) {
    const code = isAppError(error)
      ? error.code
      : isDatabaseUnavailable(error)
        ? "unavailable:database"
        : "internal:notification";
    countNotificationRefused(code);
    throw error;
  }
}

async function receive(request: Request, issuerId: string, auth: NotifyAuth, span: Span): Promise<Response> {
  if (!auth.mode || !env.D1_ISSUER_ID) {
    throw new AppError("unavailable:notification", { message: msg("Errors.notificationsOff") });
  }
  await authenticateNotification(request, auth);
  if (issuerId !== env.D1_ISSUER_ID) {
    throw new AppError("not_found:notification", { message: msg("Errors.notificationIssuerUnknown") });
  }

  const text = await readBodyText(request, {
    maxBytes: env.D1_NOTIFY_MAX_BODY_BYTES,
    timeoutMs: env.HTTP_REQUEST_TIMEOUT_SECONDS * 1000,
    surface: "notification",
  });
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new AppError("bad_request:notification", { message: msg("Errors.bodyNotJson") });
  }
  const parsed = notificationSchema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? issue.path.join(".") : "body";
    throw new AppError("bad_request:notification", {
      message: msg("Errors.notificationInvalid", { where, problem: issue ? issueMessage(issue) : "is invalid" }),
    });
  }

  const { updates, ignored } = toStatusUpdates(parsed.data.operations);
  const result = await applyBatched(updates);
  // Each request whose job this notification moved: its trace gets a link from here.
  if (span.isRecording()) linkTo(span, result.changed?.map((c) => c.traceparent) ?? []);
  // Applied, late, duplicate and unknown are counted per applying statement (batcher.ts).
  countNotificationOperations({ operations: parsed.data.operations.length, ignored });
  const correlationId = request.headers.get("x-correlation-id")?.slice(0, 64);
  if (result.unknownCards.length > 0 || ignored > 0) {
    log.info({ correlationId, unknownCards: result.unknownCards, ignored }, "notification operations not applied");
  }
  log.debug({ correlationId, operations: parsed.data.operations.length, ...result }, "notification received");
  return new Response(null, { status: 204 });
}
