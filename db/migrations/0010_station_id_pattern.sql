ALTER TABLE "branches" ADD COLUMN "station_id_pattern" text;--> statement-breakpoint
-- Hand-written: existing branches keep registering the ids that start with their code, the
-- convention the demo and the simulator follow; an admin changes the pattern on the branch page.
UPDATE "branches" SET "station_id_pattern" = "code" || '-*' WHERE "station_id_pattern" IS NULL;
