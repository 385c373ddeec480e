CREATE TABLE "training_faults" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"station_id" uuid,
	"kind" text NOT NULL,
	"remaining" integer,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "training_faults_kind_check" CHECK ("training_faults"."kind" in ('jam', 'chip', 'out_of_blanks', 'offline', 'd1_500', 'd1_429', 'd1_timeout', 'notification_drop', 'notification_duplicate', 'notification_delay')),
	CONSTRAINT "training_faults_remaining_check" CHECK ("training_faults"."remaining" is null or "training_faults"."remaining" > 0)
);
--> statement-breakpoint
ALTER TABLE "branches" ADD COLUMN "training" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "issuance_jobs" ADD COLUMN "training" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "training" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "training_faults" ADD CONSTRAINT "training_faults_station_id_stations_id_fk" FOREIGN KEY ("station_id") REFERENCES "public"."stations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_faults" ADD CONSTRAINT "training_faults_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "training_faults_station_idx" ON "training_faults" USING btree ("station_id","created_at");