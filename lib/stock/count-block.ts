// A station whose end-of-day count of an earlier day showed a difference that no manager has
// explained yet takes no card: the issue action, a retry and a move refuse it, the teller's
// station picker marks it. A difference of today does not block yet: the branch may still be
// open, and the manager has until the next day's first card.
import "server-only";
import { db } from "@/db";
import { findBranch } from "@/db/queries/branches";
import { unbalancedStations } from "@/db/queries/stock-count-history";
import { AppError } from "@/lib/errors";
import { dateIn } from "@/lib/issuance/eligibility";
import { formatCalendarDate } from "@/lib/datetime";
import { msg } from "@/lib/i18n/message";

/** Station id → the earliest day whose difference is still unexplained. */
export async function unbalancedByStation(branchId: string, now = new Date()): Promise<Map<string, string>> {
  const branch = await findBranch({ db, id: branchId });
  if (!branch) return new Map();
  const rows = await unbalancedStations({ db, branchId, today: dateIn(branch.timezone, now) });
  return new Map(rows.map((r) => [r.stationId, r.businessDate]));
}

/** Refuses a card at the station while an earlier day's difference there is unexplained. */
export async function assertStationBalanced(
  station: { id: string; branchId: string; label: string },
  field = "stationId",
): Promise<void> {
  const day = (await unbalancedByStation(station.branchId)).get(station.id);
  if (!day) return;
  const message = msg("Validation.stationUnbalanced", {
    station: station.label,
    day: (locale) => formatCalendarDate(day, locale),
  });
  throw new AppError("invalid:station", { message, fieldErrors: { [field]: [message] } });
}
