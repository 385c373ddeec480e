CREATE TABLE "approval_settings" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"repeat_replacement_days" integer,
	"name_differs" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "approval_settings_one_row" CHECK ("approval_settings"."id" = 1)
);
--> statement-breakpoint
CREATE TABLE "stock_counts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"branch_id" uuid NOT NULL,
	"stock_type_id" uuid NOT NULL,
	"business_date" date NOT NULL,
	"place" text NOT NULL,
	"station_id" uuid,
	"expected" integer NOT NULL,
	"counted" integer NOT NULL,
	"counted_by" uuid NOT NULL,
	"confirmed_by" uuid NOT NULL,
	"explanation" text,
	"explained_by" uuid,
	"explained_at" timestamp with time zone,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "stock_counts_place_check" CHECK ("stock_counts"."place" in ('vault', 'station', 'spoiled')),
	CONSTRAINT "stock_counts_station_place" CHECK (("stock_counts"."place" = 'station') = ("stock_counts"."station_id" is not null)),
	CONSTRAINT "stock_counts_two_people" CHECK ("stock_counts"."counted_by" <> "stock_counts"."confirmed_by")
);
--> statement-breakpoint
CREATE TABLE "stock_ledger" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"branch_id" uuid NOT NULL,
	"stock_type_id" uuid NOT NULL,
	"place" text NOT NULL,
	"station_id" uuid,
	"movement" text NOT NULL,
	"quantity" integer NOT NULL,
	"transfer_id" uuid,
	"job_id" uuid,
	"lot" text,
	"supplier_ref" text,
	"spoil_reason" text,
	"note" text,
	"actor_id" uuid,
	"second_actor_id" uuid,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "stock_ledger_place_check" CHECK ("stock_ledger"."place" in ('vault', 'station', 'spoiled')),
	CONSTRAINT "stock_ledger_movement_check" CHECK ("stock_ledger"."movement" in ('received', 'loaded', 'produced', 'spoiled', 'destroyed', 'corrected')),
	CONSTRAINT "stock_ledger_spoil_reason_check" CHECK ("stock_ledger"."spoil_reason" in ('production_exception', 'misprint', 'not_handed_over', 'damaged')),
	CONSTRAINT "stock_ledger_station_place" CHECK (("stock_ledger"."place" = 'station') = ("stock_ledger"."station_id" is not null)),
	CONSTRAINT "stock_ledger_quantity_nonzero" CHECK ("stock_ledger"."quantity" <> 0),
	CONSTRAINT "stock_ledger_two_people" CHECK ("stock_ledger"."second_actor_id" is null or "stock_ledger"."second_actor_id" <> "stock_ledger"."actor_id")
);
--> statement-breakpoint
CREATE TABLE "stock_types" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "issuance_jobs" DROP CONSTRAINT "issuance_jobs_state_check";--> statement-breakpoint
ALTER TABLE "job_events" DROP CONSTRAINT "job_events_state_check";--> statement-breakpoint
ALTER TABLE "issuance_jobs" ADD COLUMN "approval_rules" text[];--> statement-breakpoint
ALTER TABLE "issuance_jobs" ADD COLUMN "decided_by" uuid;--> statement-breakpoint
ALTER TABLE "issuance_jobs" ADD COLUMN "decided_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "issuance_jobs" ADD COLUMN "decision_note" text;--> statement-breakpoint
ALTER TABLE "card_products" ADD COLUMN "stock_type_id" uuid;--> statement-breakpoint
ALTER TABLE "card_products" ADD COLUMN "needs_approval" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "stations" ADD COLUMN "low_stock_threshold" integer DEFAULT 20 NOT NULL;--> statement-breakpoint
ALTER TABLE "stations" ADD COLUMN "verified_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "stock_counts" ADD CONSTRAINT "stock_counts_branch_id_branches_id_fk" FOREIGN KEY ("branch_id") REFERENCES "public"."branches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stock_counts" ADD CONSTRAINT "stock_counts_stock_type_id_stock_types_id_fk" FOREIGN KEY ("stock_type_id") REFERENCES "public"."stock_types"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stock_counts" ADD CONSTRAINT "stock_counts_station_id_stations_id_fk" FOREIGN KEY ("station_id") REFERENCES "public"."stations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stock_counts" ADD CONSTRAINT "stock_counts_counted_by_users_id_fk" FOREIGN KEY ("counted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stock_counts" ADD CONSTRAINT "stock_counts_confirmed_by_users_id_fk" FOREIGN KEY ("confirmed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stock_counts" ADD CONSTRAINT "stock_counts_explained_by_users_id_fk" FOREIGN KEY ("explained_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stock_ledger" ADD CONSTRAINT "stock_ledger_branch_id_branches_id_fk" FOREIGN KEY ("branch_id") REFERENCES "public"."branches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stock_ledger" ADD CONSTRAINT "stock_ledger_stock_type_id_stock_types_id_fk" FOREIGN KEY ("stock_type_id") REFERENCES "public"."stock_types"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stock_ledger" ADD CONSTRAINT "stock_ledger_station_id_stations_id_fk" FOREIGN KEY ("station_id") REFERENCES "public"."stations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stock_ledger" ADD CONSTRAINT "stock_ledger_job_id_issuance_jobs_id_fk" FOREIGN KEY ("job_id") REFERENCES "public"."issuance_jobs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stock_ledger" ADD CONSTRAINT "stock_ledger_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stock_ledger" ADD CONSTRAINT "stock_ledger_second_actor_id_users_id_fk" FOREIGN KEY ("second_actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "stock_counts_day_place_key" ON "stock_counts" USING btree ("branch_id","stock_type_id","business_date","place",coalesce("station_id", '00000000-0000-0000-0000-000000000000'::uuid));--> statement-breakpoint
CREATE INDEX "stock_ledger_place_idx" ON "stock_ledger" USING btree ("branch_id","stock_type_id","place","station_id");--> statement-breakpoint
CREATE INDEX "stock_ledger_branch_at_idx" ON "stock_ledger" USING btree ("branch_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "stock_ledger_job_movement_key" ON "stock_ledger" USING btree ("job_id","movement","place") WHERE "stock_ledger"."job_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "stock_types_code_key" ON "stock_types" USING btree (lower("code"));--> statement-breakpoint
ALTER TABLE "issuance_jobs" ADD CONSTRAINT "issuance_jobs_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "card_products" ADD CONSTRAINT "card_products_stock_type_id_stock_types_id_fk" FOREIGN KEY ("stock_type_id") REFERENCES "public"."stock_types"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "issuance_jobs" ADD CONSTRAINT "issuance_jobs_state_check" CHECK ("issuance_jobs"."state" in ('awaiting_approval', 'submitting', 'requested', 'ready', 'done', 'data_exception', 'production_exception', 'canceled', 'submission_failed', 'handed_over', 'rejected'));--> statement-breakpoint
ALTER TABLE "job_events" ADD CONSTRAINT "job_events_state_check" CHECK ("job_events"."state" in ('awaiting_approval', 'submitting', 'requested', 'ready', 'done', 'data_exception', 'production_exception', 'canceled', 'submission_failed', 'handed_over', 'rejected'));--> statement-breakpoint
-- Hand-written: a request awaiting approval has not been sent (rank 0, like submitting); a
-- rejected one is final (rank 3). Mirrors lib/issuance/states.ts.
CREATE OR REPLACE FUNCTION issuance_state_rank(state text) RETURNS integer
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE state
    WHEN 'awaiting_approval' THEN 0
    WHEN 'submitting' THEN 0
    WHEN 'requested' THEN 1
    WHEN 'ready' THEN 2
    WHEN 'done' THEN 3
    WHEN 'data_exception' THEN 3
    WHEN 'production_exception' THEN 3
    WHEN 'canceled' THEN 3
    WHEN 'submission_failed' THEN 3
    WHEN 'rejected' THEN 3
    WHEN 'handed_over' THEN 4
    ELSE -1
  END
$$;--> statement-breakpoint
-- The ledger is append-only: a balance is a sum an auditor can replay, so no row may change or go.
CREATE OR REPLACE FUNCTION stock_ledger_append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'stock_ledger rows are never changed or deleted; record a correcting movement instead'
    USING ERRCODE = 'insufficient_privilege';
END
$$;--> statement-breakpoint
CREATE TRIGGER stock_ledger_append_only BEFORE UPDATE OR DELETE ON "stock_ledger"
  FOR EACH ROW EXECUTE FUNCTION stock_ledger_append_only();--> statement-breakpoint
INSERT INTO "approval_settings" ("id") VALUES (1) ON CONFLICT DO NOTHING;--> statement-breakpoint
-- Stations registered before this migration already produce cards: they count as verified.
UPDATE "stations" SET "verified_at" = "created_at" WHERE "verified_at" IS NULL;
