ALTER TABLE "issuance_jobs" DROP CONSTRAINT "issuance_jobs_state_check";--> statement-breakpoint
ALTER TABLE "job_events" DROP CONSTRAINT "job_events_state_check";--> statement-breakpoint
ALTER TABLE "branches" ADD COLUMN "closes_at" time DEFAULT '18:00' NOT NULL;--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "customer_type" text DEFAULT 'private' NOT NULL;--> statement-breakpoint
ALTER TABLE "issuance_jobs" ADD COLUMN "replaces_job_id" uuid;--> statement-breakpoint
ALTER TABLE "issuance_jobs" ADD COLUMN "replacement_reason" text;--> statement-breakpoint
ALTER TABLE "issuance_jobs" ADD COLUMN "account_id" uuid;--> statement-breakpoint
ALTER TABLE "issuance_jobs" ADD COLUMN "card_status" text;--> statement-breakpoint
ALTER TABLE "issuance_jobs" ADD COLUMN "activated_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "issuance_jobs" ADD COLUMN "activation_error" text;--> statement-breakpoint
ALTER TABLE "issuance_jobs" ADD COLUMN "blocked_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "issuance_jobs" ADD COLUMN "block_reason" text;--> statement-breakpoint
ALTER TABLE "issuance_jobs" ADD COLUMN "handed_over_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "issuance_jobs" ADD COLUMN "handed_over_by" uuid;--> statement-breakpoint
ALTER TABLE "issuance_jobs" ADD COLUMN "id_document_type" text;--> statement-breakpoint
ALTER TABLE "issuance_jobs" ADD COLUMN "id_document_last" text;--> statement-breakpoint
ALTER TABLE "issuance_jobs" ADD COLUMN "canceled_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "issuance_jobs" ADD COLUMN "canceled_by" uuid;--> statement-breakpoint
ALTER TABLE "issuance_jobs" ADD COLUMN "destroy_if_produced" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "issuance_jobs" ADD COLUMN "produced_after_cancel_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "card_products" ADD COLUMN "activate_at_hand_over" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "card_products" ADD COLUMN "needs_account" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "card_products" ADD COLUMN "min_age" integer;--> statement-breakpoint
ALTER TABLE "card_products" ADD COLUMN "max_age" integer;--> statement-breakpoint
ALTER TABLE "card_products" ADD COLUMN "customer_types" text[];--> statement-breakpoint
ALTER TABLE "issuance_jobs" ADD CONSTRAINT "issuance_jobs_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "issuance_jobs" ADD CONSTRAINT "issuance_jobs_handed_over_by_users_id_fk" FOREIGN KEY ("handed_over_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "issuance_jobs" ADD CONSTRAINT "issuance_jobs_canceled_by_users_id_fk" FOREIGN KEY ("canceled_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "issuance_jobs_replaces_idx" ON "issuance_jobs" USING btree ("replaces_job_id");--> statement-breakpoint
CREATE INDEX "issuance_jobs_retry_of_idx" ON "issuance_jobs" USING btree ("retry_of_job_id");--> statement-breakpoint
ALTER TABLE "customers" ADD CONSTRAINT "customers_customer_type_check" CHECK ("customers"."customer_type" in ('private', 'business'));--> statement-breakpoint
ALTER TABLE "issuance_jobs" ADD CONSTRAINT "issuance_jobs_card_status_check" CHECK ("issuance_jobs"."card_status" in ('inactive', 'active', 'blocked', 'replaced'));--> statement-breakpoint
ALTER TABLE "issuance_jobs" ADD CONSTRAINT "issuance_jobs_replacement_reason_check" CHECK ("issuance_jobs"."replacement_reason" in ('lost', 'stolen', 'damaged', 'expiring'));--> statement-breakpoint
ALTER TABLE "issuance_jobs" ADD CONSTRAINT "issuance_jobs_id_document_type_check" CHECK ("issuance_jobs"."id_document_type" in ('id_card', 'passport', 'residence_permit', 'driving_licence'));--> statement-breakpoint
ALTER TABLE "issuance_jobs" ADD CONSTRAINT "issuance_jobs_id_document_last_check" CHECK (char_length("issuance_jobs"."id_document_last") between 2 and 4);--> statement-breakpoint
ALTER TABLE "issuance_jobs" ADD CONSTRAINT "issuance_jobs_state_check" CHECK ("issuance_jobs"."state" in ('submitting', 'requested', 'ready', 'done', 'data_exception', 'production_exception', 'canceled', 'submission_failed', 'handed_over'));--> statement-breakpoint
ALTER TABLE "job_events" ADD CONSTRAINT "job_events_state_check" CHECK ("job_events"."state" in ('submitting', 'requested', 'ready', 'done', 'data_exception', 'production_exception', 'canceled', 'submission_failed', 'handed_over'));--> statement-breakpoint
-- Hand-written: the hand-over is a final state after `done` (rank 4), so D1 updates, which apply
-- only to jobs below rank 3, never reach it. Mirrors lib/issuance/states.ts.
CREATE OR REPLACE FUNCTION issuance_state_rank(state text) RETURNS integer
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE state
    WHEN 'submitting' THEN 0
    WHEN 'requested' THEN 1
    WHEN 'ready' THEN 2
    WHEN 'done' THEN 3
    WHEN 'data_exception' THEN 3
    WHEN 'production_exception' THEN 3
    WHEN 'canceled' THEN 3
    WHEN 'submission_failed' THEN 3
    WHEN 'handed_over' THEN 4
    ELSE -1
  END
$$;--> statement-breakpoint
-- Cards produced before this migration: produced, not known to be handed over or activated.
UPDATE "issuance_jobs" SET "card_status" = 'inactive' WHERE "state" = 'done';
