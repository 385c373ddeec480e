ALTER TABLE "stations" ADD COLUMN "cleared_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "issuance_jobs_branch_last4_idx" ON "issuance_jobs" USING btree ("branch_id","pan_last4");--> statement-breakpoint
CREATE INDEX "issuance_jobs_issuer_request_id_pattern_idx" ON "issuance_jobs" USING btree ("issuer_request_id" text_pattern_ops);