// The closed vocabularies, defined once: db/schema builds its CHECK constraints from these lists,
// lib/ and client components import them. No imports, on purpose: nothing here may pull the
// database, zod or server code into a browser bundle, and db/ may depend on this module alone.

/** Where an issuance job is; the order and meaning live in lib/issuance/states.ts. */
export const JOB_STATES = [
  "awaiting_approval",
  "submitting",
  "requested",
  "ready",
  "done",
  "data_exception",
  "production_exception",
  "canceled",
  "submission_failed",
  "handed_over",
  "rejected",
] as const;
export type JobState = (typeof JOB_STATES)[number];

/** Final states that did not produce a card: the teller may retry or close them. */
export const FAILED_STATES: readonly JobState[] = ["data_exception", "production_exception", "submission_failed"];

/** What a job is for: a customer's card, or the test card that proves a newly registered station
 * (no customer; verifies the station when D1 reports it produced). */
export const JOB_PURPOSES = ["customer", "station_test"] as const;
export type JobPurpose = (typeof JOB_PURPOSES)[number];

/** Why a card is issued (D1 `services.issuance`). */
export const ISSUANCE_REASONS = ["CREATION", "REPLACEMENT", "RENEWAL"] as const;
export type IssuanceReason = (typeof ISSUANCE_REASONS)[number];

/** What a produced card is now, as the branch knows it; "expired" is derived from the product's
 * validity, never stored (the card's expiry date is card data). */
export const CARD_STATUSES = ["inactive", "active", "blocked", "replaced"] as const;
export type CardStatus = (typeof CARD_STATUSES)[number];

/** Why a replacement or renewal is issued; lost and stolen cards are blocked before the order. */
export const REPLACEMENT_REASONS = ["lost", "stolen", "damaged", "expiring"] as const;
export type ReplacementReason = (typeof REPLACEMENT_REASONS)[number];

/** The identity document the teller checked at hand-over (only its type and last characters are kept). */
export const ID_DOCUMENT_TYPES = ["id_card", "passport", "residence_permit", "driving_licence"] as const;
export type IdDocumentType = (typeof ID_DOCUMENT_TYPES)[number];

/** Kinds of customer, for product eligibility rules. */
export const CUSTOMER_TYPES = ["private", "business"] as const;
export type CustomerType = (typeof CUSTOMER_TYPES)[number];

/** Where blank card stock is: a branch's vault, one of its stations, or the spoiled cards kept
 * apart until destroyed. Every balance is the sum of ledger rows at a place. */
export const STOCK_PLACES = ["vault", "station", "spoiled"] as const;
export type StockPlace = (typeof STOCK_PLACES)[number];

/** Why a ledger row moved stock: a shipment received into the vault, cards loaded from the vault
 * into a station, a card produced (one from its station), a card spoiled (station → spoiled),
 * spoiled cards destroyed, or a correction agreed at the end-of-day count. */
export const STOCK_MOVEMENTS = ["received", "loaded", "produced", "spoiled", "destroyed", "corrected"] as const;
export type StockMovement = (typeof STOCK_MOVEMENTS)[number];

/** Why a card was spoiled. */
export const SPOIL_REASONS = ["production_exception", "misprint", "not_handed_over", "damaged", "test_card"] as const;
export type SpoilReason = (typeof SPOIL_REASONS)[number];

/** Why a request waits for a manager's approval (maker-checker rules set by the admin). */
export const APPROVAL_RULES = ["product", "repeat_replacement", "name_differs"] as const;
export type ApprovalRule = (typeof APPROVAL_RULES)[number];

/** How a product's station writes letters it cannot print (lib/issuance/transliterate.ts). */
export const TRANSLITERATIONS = ["icao", "strip"] as const;
export type Transliteration = (typeof TRANSLITERATIONS)[number];

/** The languages the product speaks; a third is a translation-only change (docs/translating.md). */
export const LOCALES = ["en", "de"] as const;
export type Locale = (typeof LOCALES)[number];

/** The four-eyes steps; an SSO confirmation is good for the one it was given for. */
export const DUAL_CONTROL_STEPS = ["stock.receive", "stock.load", "stock.destroy", "stock.count"] as const;
export type DualControlStep = (typeof DUAL_CONTROL_STEPS)[number];

export const ROLES = ["teller", "manager", "admin"] as const;
export type Role = (typeof ROLES)[number];

/** Where a customer's data was shown, for the customer access log. */
export const ACCESS_SCREENS = ["search", "customer_page"] as const;
export type AccessScreen = (typeof ACCESS_SCREENS)[number];

/** Which customers a teller may look up: the whole bank's, or those of their own branch. */
export const CUSTOMER_SCOPES = ["bank", "branch"] as const;
export type CustomerScope = (typeof CUSTOMER_SCOPES)[number];

// Guards for values that arrive as plain strings (form fields, tokens, lookups by D1 codes).
export function isJobState(value: unknown): value is JobState {
  return JOB_STATES.some((s) => s === value);
}

export function isRole(value: unknown): value is Role {
  return ROLES.some((r) => r === value);
}

/**
 * The faults a trainer injects into the training simulator (docs/training.md): a station fault
 * (jam, chip write failure, out of blank cards, offline), a D1 answer to the order (500, 429,
 * no answer) or a notification fault (dropped, sent twice, late).
 */
export const TRAINING_FAULTS = [
  "jam",
  "chip",
  "out_of_blanks",
  "offline",
  "d1_500",
  "d1_429",
  "d1_timeout",
  "notification_drop",
  "notification_duplicate",
  "notification_delay",
] as const;
export type TrainingFault = (typeof TRAINING_FAULTS)[number];
