import { sql } from "drizzle-orm";
import { check, date, index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { branches } from "./branches";
// Relative, not `@/`: drizzle-kit loads the schema without the tsconfig paths.
import { CUSTOMER_TYPES } from "../../lib/vocabulary";
import { oneOf } from "./one-of";

export type PostalAddress = {
  line1: string;
  line2?: string;
  city: string;
  postalCode: string;
  country: string;
};

export const customers = pgTable(
  "customers",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    customerNumber: text("customer_number").notNull(),
    givenName: text("given_name").notNull(),
    familyName: text("family_name").notNull(),
    dateOfBirth: date("date_of_birth", { mode: "string" }).notNull(),
    nationalId: text("national_id").notNull(),
    phone: text("phone").notNull().default(""),
    email: text("email").notNull().default(""),
    address: jsonb("address").$type<PostalAddress>().notNull(),
    customerType: text("customer_type", { enum: CUSTOMER_TYPES }).notNull().default("private"),
    // The branch that keeps the customer's relationship; with CUSTOMER_SCOPE=branch, tellers see
    // only their own branch's customers. Null: no home branch (visible with the bank scope only).
    homeBranchId: uuid("home_branch_id").references(() => branches.id, { onDelete: "set null" }),
    // Derived search keys, kept by PostgreSQL so that no writer can forget them.
    searchName: text("search_name")
      .notNull()
      // search_fold(): lower case without accents or punctuation, ue/oe/ae read as u/o/a
      // (migration search_matchers), so "obrien" finds O'Brien and "mueller" finds Müller.
      .generatedAlwaysAs(sql`search_fold(given_name || ' ' || family_name)`),
    phoneDigits: text("phone_digits")
      .notNull()
      .generatedAlwaysAs(sql`regexp_replace(phone, '[^0-9]', '', 'g')`),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("customers_number_key").on(t.customerNumber.op("text_pattern_ops")),
    index("customers_national_id_idx").on(t.nationalId.op("text_pattern_ops")),
    index("customers_phone_idx").on(t.phoneDigits.op("text_pattern_ops")),
    // Name search finds the nearest distinct names in customer_names first, then their customers.
    index("customers_search_name_idx").on(t.searchName),
    index("customers_home_branch_idx").on(t.homeBranchId),
    // "muller 02.03.1985": the few customers born that day, then their names.
    index("customers_date_of_birth_idx").on(t.dateOfBirth),
    // A phone's subscriber number ("12345678" of +49 151 12345678) is a suffix: reversed, a prefix.
    index("customers_phone_suffix_idx").using("btree", sql`reverse(${t.phoneDigits}) text_pattern_ops`),
    check("customers_customer_type_check", oneOf(t.customerType, CUSTOMER_TYPES)),
  ],
);

/**
 * Every distinct search name, kept by triggers on customers (migration 0008). Typo-tolerant search
 * ranks names here, so a common name held by hundreds of customers costs one entry, not hundreds.
 */
export const customerNames = pgTable(
  "customer_names",
  {
    searchName: text("search_name").primaryKey(),
    // Kölner Phonetik code of each word (migration search_matchers): Meier, Mayer and Maier share one.
    phonetic: text("phonetic")
      .array()
      .notNull()
      .generatedAlwaysAs(sql`phonetic_codes(search_name)`),
  },
  (t) => [
    // GiST, not GIN: it returns the nearest names first (KNN) without fetching and sorting them all.
    index("customer_names_trgm_idx").using("gist", t.searchName.op("gist_trgm_ops")),
    index("customer_names_phonetic_idx").using("gin", t.phonetic),
  ],
);

export const accounts = pgTable(
  "accounts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    customerId: uuid("customer_id")
      .notNull()
      .references(() => customers.id, { onDelete: "cascade" }),
    accountNumber: text("account_number").notNull(),
    kind: text("kind").notNull().default("current"),
    currency: text("currency").notNull().default("EUR"),
    openedAt: date("opened_at", { mode: "string" }).notNull(),
  },
  (t) => [
    uniqueIndex("accounts_number_key").on(t.accountNumber.op("text_pattern_ops")),
    index("accounts_customer_idx").on(t.customerId),
  ],
);

export type Customer = typeof customers.$inferSelect;
export type NewCustomer = typeof customers.$inferInsert;
export type Account = typeof accounts.$inferSelect;
