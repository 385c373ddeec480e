// Registering a station for a branch, shared by the manager's action (own branch) and the
// admin's (any branch, e.g. a new branch's first station). D1 routes a card by the station id
// alone, so an id must belong to one branch: it has to match the branch's pattern, set by the
// admin, and a taken id is refused without saying whose it is.
import "server-only";
import { db } from "@/db";
import { insertAudit } from "@/db/queries/audit";
import { findBranch } from "@/db/queries/branches";
import { isUniqueViolation } from "@/db/queries/pg-error";
import { insertStation, persoStationTaken } from "@/db/queries/stations";
import type { ActionContext } from "@/lib/actions/action";
import { byActor } from "@/lib/audit";
import { AppError } from "@/lib/errors";
import { msg, type Message } from "@/lib/i18n/message";
import type { RegisterStationInput } from "@/lib/validations/station";
import { matchesStationPattern } from "./pattern";

const STATION_TAKEN = msg("Validation.stationTaken");

const fieldError = (message: Message) => new AppError("conflict:station", { fieldErrors: { persoStation: [message] } });

export async function registerStation(
  { branchId, input }: { branchId: string; input: RegisterStationInput },
  ctx: Pick<ActionContext, "user" | "ip" | "userAgent">,
) {
  const branch = await findBranch({ db, id: branchId });
  if (!branch) throw new AppError("not_found:branch");
  // Checked before the duplicate, so ids outside the branch's own range reveal nothing.
  if (!branch.stationIdPattern) {
    throw fieldError(msg("Validation.noStationPattern"));
  }
  if (!matchesStationPattern(branch.stationIdPattern, input.persoStation)) {
    throw fieldError(msg("Validation.stationPatternMismatch", { pattern: branch.stationIdPattern }));
  }
  if (await persoStationTaken({ db, persoStation: input.persoStation })) throw fieldError(STATION_TAKEN);
  try {
    return await db.transaction(async (tx) => {
      const row = await insertStation({ db: tx, values: { ...input, branchId } });
      await insertAudit({
        db: tx,
        entry: byActor(ctx, {
          branchId,
          action: "station.register",
          entityType: "station",
          entityId: row.id,
          after: { persoStation: row.persoStation, label: row.label, location: row.location, enabled: row.enabled },
        }),
      });
      return row;
    });
  } catch (error) {
    // Two registrations of the same id at once: the unique index decides.
    if (isUniqueViolation(error)) throw fieldError(STATION_TAKEN);
    throw error;
  }
}
