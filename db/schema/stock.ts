import { sql } from "drizzle-orm";
import {
  bigserial,
  check,
  date,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  boolean,
} from "drizzle-orm/pg-core";
import { branches } from "./branches";
import { issuanceJobs } from "./issuance";
import { oneOf } from "./one-of";
import { stations } from "./stations";
import { stockTypes } from "./stock-types";
import { users } from "./users";
// Relative, not `@/`: drizzle-kit loads the schema without the tsconfig paths.
import { SPOIL_REASONS, STOCK_MOVEMENTS, STOCK_PLACES } from "../../lib/vocabulary";

/**
 * Every change of blank card stock, as rows that are only ever inserted: a balance is the sum of
 * the rows at a place, so an auditor can replay it. A move between places is two rows (−n, +n)
 * sharing a transfer id. Dual-control movements name both people.
 */
export const stockLedger = pgTable(
  "stock_ledger",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    branchId: uuid("branch_id")
      .notNull()
      .references(() => branches.id),
    stockTypeId: uuid("stock_type_id")
      .notNull()
      .references(() => stockTypes.id),
    place: text("place", { enum: STOCK_PLACES }).notNull(),
    // Set exactly when place = 'station'.
    stationId: uuid("station_id").references(() => stations.id),
    movement: text("movement", { enum: STOCK_MOVEMENTS }).notNull(),
    quantity: integer("quantity").notNull(),
    transferId: uuid("transfer_id"),
    jobId: uuid("job_id").references(() => issuanceJobs.id),
    lot: text("lot"),
    supplierRef: text("supplier_ref"),
    spoilReason: text("spoil_reason", { enum: SPOIL_REASONS }),
    note: text("note"),
    // Null for movements the system records (a produced card, from D1's notification).
    actorId: uuid("actor_id").references(() => users.id),
    secondActorId: uuid("second_actor_id").references(() => users.id),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("stock_ledger_place_idx").on(t.branchId, t.stockTypeId, t.place, t.stationId),
    index("stock_ledger_branch_at_idx").on(t.branchId, t.at),
    // A station's balances (the teller's picker, the stations page): an index-only sum per station.
    index("stock_ledger_station_idx")
      .on(t.stationId, t.stockTypeId, t.quantity)
      .where(sql`${t.stationId} is not null`),
    // A job takes its card from stock once, and spoils at most one card per reason.
    uniqueIndex("stock_ledger_job_movement_key")
      .on(t.jobId, t.movement, t.place)
      .where(sql`${t.jobId} is not null`),
    check("stock_ledger_place_check", oneOf(t.place, STOCK_PLACES)),
    check("stock_ledger_movement_check", oneOf(t.movement, STOCK_MOVEMENTS)),
    check("stock_ledger_spoil_reason_check", oneOf(t.spoilReason, SPOIL_REASONS)),
    check("stock_ledger_station_place", sql`(${t.place} = 'station') = (${t.stationId} is not null)`),
    check("stock_ledger_quantity_nonzero", sql`${t.quantity} <> 0`),
    // Dual control never has the same person twice.
    check("stock_ledger_two_people", sql`${t.secondActorId} is null or ${t.secondActorId} <> ${t.actorId}`),
  ],
);

/**
 * The end-of-day count of one place (vault or a station) for one stock type: what the ledger
 * expected and what two people counted. A difference must be explained (by a manager) before the
 * station's next card.
 */
export const stockCounts = pgTable(
  "stock_counts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    branchId: uuid("branch_id")
      .notNull()
      .references(() => branches.id),
    stockTypeId: uuid("stock_type_id")
      .notNull()
      .references(() => stockTypes.id),
    // The branch's business day (in its time zone) the count closes.
    businessDate: date("business_date", { mode: "string" }).notNull(),
    place: text("place", { enum: STOCK_PLACES }).notNull(),
    stationId: uuid("station_id").references(() => stations.id),
    expected: integer("expected").notNull(),
    counted: integer("counted").notNull(),
    countedBy: uuid("counted_by")
      .notNull()
      .references(() => users.id),
    confirmedBy: uuid("confirmed_by")
      .notNull()
      .references(() => users.id),
    explanation: text("explanation"),
    explainedBy: uuid("explained_by").references(() => users.id),
    explainedAt: timestamp("explained_at", { withTimezone: true }),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("stock_counts_day_place_key").on(
      t.branchId,
      t.stockTypeId,
      t.businessDate,
      t.place,
      sql`coalesce(${t.stationId}, '00000000-0000-0000-0000-000000000000'::uuid)`,
    ),
    check("stock_counts_place_check", oneOf(t.place, STOCK_PLACES)),
    check("stock_counts_station_place", sql`(${t.place} = 'station') = (${t.stationId} is not null)`),
    check("stock_counts_two_people", sql`${t.countedBy} <> ${t.confirmedBy}`),
  ],
);

/** The bank's maker-checker rules that are not a product's own (one row). */
export const approvalSettings = pgTable(
  "approval_settings",
  {
    id: integer("id").primaryKey().default(1),
    // A second replacement for the same customer within this many days needs approval (null: off).
    repeatReplacementDays: integer("repeat_replacement_days"),
    // A name on the card that differs from the customer's recorded name beyond the emboss rules.
    nameDiffers: boolean("name_differs").notNull().default(false),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check("approval_settings_one_row", sql`${t.id} = 1`)],
);

export type StockLedgerRow = typeof stockLedger.$inferSelect;
export type StockCount = typeof stockCounts.$inferSelect;
