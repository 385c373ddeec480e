ALTER TABLE "stock_ledger" DROP CONSTRAINT "stock_ledger_spoil_reason_check";--> statement-breakpoint
ALTER TABLE "issuance_jobs" ALTER COLUMN "customer_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "issuance_jobs" ADD COLUMN "purpose" text DEFAULT 'customer' NOT NULL;--> statement-breakpoint
ALTER TABLE "card_products" ADD COLUMN "is_test_product" boolean DEFAULT false NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "card_products_one_active_test" ON "card_products" USING btree ("is_test_product") WHERE "card_products"."is_test_product" and "card_products"."active";--> statement-breakpoint
ALTER TABLE "issuance_jobs" ADD CONSTRAINT "issuance_jobs_purpose_check" CHECK ("issuance_jobs"."purpose" in ('customer', 'station_test'));--> statement-breakpoint
ALTER TABLE "issuance_jobs" ADD CONSTRAINT "issuance_jobs_customer_purpose" CHECK (("issuance_jobs"."customer_id" is null) = ("issuance_jobs"."purpose" = 'station_test'));--> statement-breakpoint
ALTER TABLE "stock_ledger" ADD CONSTRAINT "stock_ledger_spoil_reason_check" CHECK ("stock_ledger"."spoil_reason" in ('production_exception', 'misprint', 'not_handed_over', 'damaged', 'test_card'));