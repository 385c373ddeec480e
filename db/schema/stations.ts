import { sql } from "drizzle-orm";
import { boolean, check, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { branches } from "./branches";

/** Personalization stations, addressed at D1 by their `persoStation` id. */
export const stations = pgTable(
  "stations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    persoStation: text("perso_station").notNull(),
    branchId: uuid("branch_id")
      .notNull()
      .references(() => branches.id),
    label: text("label").notNull(),
    location: text("location").notNull().default(""),
    enabled: boolean("enabled").notNull().default(true),
    isDefault: boolean("is_default").notNull().default(false),
    // When the manager last enabled it: a problem reported before that counts as solved, so
    // the station is no longer marked "likely unavailable" (db/queries/station-health.ts).
    clearedAt: timestamp("cleared_at", { withTimezone: true }),
    // Below this many blank cards the teller is warned before sending a card here; at zero the
    // station is not offered.
    lowStockThreshold: integer("low_stock_threshold").notNull().default(20),
    // Registered stations start disabled until a test card was produced on them (or a manager
    // confirmed one by hand where the bank has no test product).
    verifiedAt: timestamp("verified_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("stations_perso_station_key").on(t.persoStation),
    index("stations_branch_idx").on(t.branchId),
    // At most one default station per branch.
    uniqueIndex("stations_one_default_per_branch")
      .on(t.branchId)
      .where(sql`${t.isDefault}`),
    // Tellers' cards go to the default station, so it must be one that accepts cards.
    check("stations_default_is_enabled", sql`${t.enabled} or not ${t.isDefault}`),
  ],
);

export type Station = typeof stations.$inferSelect;
export type NewStation = typeof stations.$inferInsert;
