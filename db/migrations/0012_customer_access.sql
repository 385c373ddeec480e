CREATE TABLE "customer_access_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"user_id" uuid NOT NULL,
	"branch_id" uuid,
	"customer_id" uuid NOT NULL,
	"screen" text NOT NULL,
	CONSTRAINT "customer_access_log_screen_check" CHECK ("customer_access_log"."screen" in ('search', 'customer_page'))
);
--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "home_branch_id" uuid;--> statement-breakpoint
CREATE INDEX "customer_access_log_customer_idx" ON "customer_access_log" USING btree ("customer_id","at");--> statement-breakpoint
CREATE INDEX "customer_access_log_user_idx" ON "customer_access_log" USING btree ("user_id","at");--> statement-breakpoint
CREATE INDEX "customer_access_log_at_idx" ON "customer_access_log" USING brin ("at");--> statement-breakpoint
ALTER TABLE "customers" ADD CONSTRAINT "customers_home_branch_id_branches_id_fk" FOREIGN KEY ("home_branch_id") REFERENCES "public"."branches"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "customers_home_branch_idx" ON "customers" USING btree ("home_branch_id");--> statement-breakpoint
-- Hand-written: customers loaded before this migration get the branch of their latest card
-- request as their home branch (the best evidence we hold); the rest stay without one until the
-- bank's customer import sets it (docs/security.md, "Customer data access").
UPDATE "customers" AS c SET "home_branch_id" = j.branch_id
  FROM (SELECT DISTINCT ON (customer_id) customer_id, branch_id FROM issuance_jobs
         ORDER BY customer_id, created_at DESC) AS j
 WHERE j.customer_id = c.id AND c.home_branch_id IS NULL;
