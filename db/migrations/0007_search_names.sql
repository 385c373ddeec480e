CREATE TABLE "customer_names" (
	"search_name" text PRIMARY KEY NOT NULL
);
--> statement-breakpoint
DROP INDEX "customers_name_trgm_idx";--> statement-breakpoint
ALTER TABLE "customers" drop column "search_name";--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "search_name" text GENERATED ALWAYS AS (fold_name(given_name || ' ' || family_name)) STORED NOT NULL;--> statement-breakpoint
CREATE INDEX "customer_names_trgm_idx" ON "customer_names" USING gist ("search_name" gist_trgm_ops);--> statement-breakpoint
CREATE INDEX "customers_search_name_idx" ON "customers" USING btree ("search_name");