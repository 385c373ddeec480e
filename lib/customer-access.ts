// Who may look up which customers, and the per-user search limit. With CUSTOMER_SCOPE=bank
// (the default) every teller and manager sees every customer of the bank, since customers walk
// into any branch; with CUSTOMER_SCOPE=branch only those whose home branch is their own.
// Every look is written to the customer access log by the query that reads it (db/queries/customers.ts).
import "server-only";
import type { CustomerViewer } from "@/db/queries/customers";
import type { CurrentUser } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { msg } from "@/lib/i18n/message";
import { createRateLimiter } from "@/lib/rate-limit";
import type { CustomerScope } from "@/lib/vocabulary";

/** The viewer a customer query logs and scopes by. */
export function customerViewer(
  user: Pick<CurrentUser, "id" | "branchId" | "training">,
  scope: CustomerScope = env.CUSTOMER_SCOPE,
): CustomerViewer {
  // A user without a branch sees nobody under the branch scope (the empty uuid matches no row).
  const homeBranchId = scope === "branch" ? (user.branchId ?? "00000000-0000-0000-0000-000000000000") : null;
  return { userId: user.id, branchId: user.branchId, homeBranchId, training: user.training };
}

const searches = createRateLimiter({ perMinute: env.CUSTOMER_SEARCH_PER_MINUTE });

/** Refuses a search over the user's per-minute allowance with rate_limit:customer (429). */
export function takeSearch(userId: string, limiter = searches): void {
  if (limiter.take(userId)) return;
  throw new AppError("rate_limit:customer", {
    message: msg("Errors.tooManySearches", { seconds: limiter.retryAfter(userId) }),
  });
}
