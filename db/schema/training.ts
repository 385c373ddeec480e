// Drills for training mode (docs/training.md): faults a trainer injected for the training
// simulator. Kept in the database, not in one instance's memory, so that whichever app instance's
// worker submits the trainee's card claims the fault (one statement) and applies it to its own
// in-process simulator for that order.
import { sql } from "drizzle-orm";
import { check, index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
// Relative, not `@/`: drizzle-kit loads the schema without the tsconfig paths.
import { TRAINING_FAULTS } from "../../lib/vocabulary";
import { oneOf } from "./one-of";
import { stations } from "./stations";
import { users } from "./users";

export const trainingFaults = pgTable(
  "training_faults",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    // Null: the fault hits a training order at any station.
    stationId: uuid("station_id").references(() => stations.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: TRAINING_FAULTS }).notNull(),
    // How many more training orders it hits; null: every one until cleared.
    remaining: integer("remaining"),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("training_faults_station_idx").on(t.stationId, t.createdAt),
    check("training_faults_kind_check", oneOf(t.kind, TRAINING_FAULTS)),
    check("training_faults_remaining_check", sql`${t.remaining} is null or ${t.remaining} > 0`),
  ],
);

export type TrainingFaultRow = typeof trainingFaults.$inferSelect;
