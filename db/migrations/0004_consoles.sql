CREATE TABLE "card_face_images" (
	"product_id" uuid PRIMARY KEY NOT NULL,
	"content_type" text NOT NULL,
	"data" "bytea" NOT NULL,
	"byte_size" integer NOT NULL,
	"sha256" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "card_face_images" ADD CONSTRAINT "card_face_images_product_id_card_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."card_products"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "issuance_jobs_product_idx" ON "issuance_jobs" USING btree ("product_id");--> statement-breakpoint
ALTER TABLE "stations" ADD CONSTRAINT "stations_default_is_enabled" CHECK ("stations"."enabled" or not "stations"."is_default");