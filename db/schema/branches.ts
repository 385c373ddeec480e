import { sql } from "drizzle-orm";
import { boolean, pgTable, text, time, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";

export const branches = pgTable(
  "branches",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    code: text("code").notNull(),
    name: text("name").notNull(),
    address: text("address").notNull().default(""),
    timezone: text("timezone").notNull().default("UTC"),
    // Local closing time: a card produced but not handed over by then shows on the manager's board.
    closesAt: time("closes_at").notNull().default("18:00"),
    active: boolean("active").notNull().default(true),
    // Which station ids the branch may register (lib/stations/pattern.ts); null: none yet.
    stationIdPattern: text("station_id_pattern"),
    // Everyone at a branch in training is in training (docs/training.md).
    training: boolean("training").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("branches_code_key").on(sql`lower(${t.code})`)],
);

export type Branch = typeof branches.$inferSelect;
export type NewBranch = typeof branches.$inferInsert;
