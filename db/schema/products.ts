import { sql } from "drizzle-orm";
import {
  boolean,
  customType,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import type { Transliteration } from "../../lib/vocabulary";
import { branches } from "./branches";
import { stockTypes } from "./stock-types";

/** D1 `services` defaults of a product; `issuance` is chosen per request. */
export type ProductServices = {
  priority?: string;
  delivery?: string;
  cardCarrier?: string;
  packaging?: string;
  pinMailer?: boolean;
  alphaCard?: boolean;
};

/** D1 `paymentApplication` references configured at onboarding. */
export type PaymentApplication = {
  config: string;
  odaKeyIndex?: string;
  derivationKeyIndex?: string;
  cvKeyIndex?: string;
  pvKeyIndex?: string;
};

/** How the name on the card may look for this product's graphical profile. */
export type EmbossRules = {
  maxLength: number;
  uppercase: boolean;
  /** Allowed characters, as the body of a regular-expression character class. */
  allowedCharacters: string;
  /** How letters the card cannot print are written (Müller: icao MUELLER, strip MULLER); absent: strip, as before. */
  transliteration?: Transliteration;
};

export const cardProducts = pgTable(
  "card_products",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    d1CardProductId: text("d1_card_product_id").notNull(),
    bin: text("bin").notNull(),
    panLength: integer("pan_length").notNull().default(16),
    expiryMonths: integer("expiry_months").notNull().default(36),
    services: jsonb("services").$type<ProductServices>().notNull().default({}),
    paymentApplication: jsonb("payment_application").$type<PaymentApplication>().notNull(),
    cardFaceImage: text("card_face_image"),
    embossRules: jsonb("emboss_rules").$type<EmbossRules>().notNull(),
    active: boolean("active").notNull().default(true),
    // Activate the card through the card system when the teller records the hand-over; off:
    // the card stays inactive until the customer activates it (bank's choice per product).
    activateAtHandOver: boolean("activate_at_hand_over").notNull().default(true),
    // A debit card is for one of the customer's accounts: the counter asks which.
    needsAccount: boolean("needs_account").notNull().default(false),
    // Eligibility rules set by the admin (null: no rule). The counter offers only products the
    // customer may have and says why the others are not offered.
    minAge: integer("min_age"),
    maxAge: integer("max_age"),
    customerTypes: text("customer_types").array(),
    // The blank card plastic the product prints on (card stock, db/schema/stock.ts).
    stockTypeId: uuid("stock_type_id").references(() => stockTypes.id),
    // Maker-checker: every request for this product waits for a manager's approval.
    needsApproval: boolean("needs_approval").notNull().default(false),
    // The bank's test product: printed once on a newly registered station to prove it (the
    // station is verified when D1 reports the card produced). Never offered to tellers.
    isTestProduct: boolean("is_test_product").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("card_products_d1_id_key").on(t.d1CardProductId),
    // One active test product at most: the station's "Print test card" knows which to print.
    uniqueIndex("card_products_one_active_test")
      .on(t.isTestProduct)
      .where(sql`${t.isTestProduct} and ${t.active}`),
  ],
);

/** Which branches offer which products. */
export const productBranches = pgTable(
  "product_branches",
  {
    productId: uuid("product_id")
      .notNull()
      .references(() => cardProducts.id, { onDelete: "cascade" }),
    branchId: uuid("branch_id")
      .notNull()
      .references(() => branches.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.productId, t.branchId] })],
);

export type CardProduct = typeof cardProducts.$inferSelect;
export type NewCardProduct = typeof cardProducts.$inferInsert;

const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => "bytea" });

export const CARD_FACE_TYPES = ["image/png", "image/jpeg", "image/webp"] as const;
export type CardFaceType = (typeof CARD_FACE_TYPES)[number];

/**
 * Uploaded card face images, kept in the database so that every app instance serves the same
 * bytes without shared storage. Checked for type (magic bytes) and size before they get here.
 */
export const cardFaceImages = pgTable("card_face_images", {
  productId: uuid("product_id")
    .primaryKey()
    .references(() => cardProducts.id, { onDelete: "cascade" }),
  contentType: text("content_type").$type<CardFaceType>().notNull(),
  data: bytea("data").notNull(),
  byteSize: integer("byte_size").notNull(),
  sha256: text("sha256").notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

export type CardFaceImage = typeof cardFaceImages.$inferSelect;
