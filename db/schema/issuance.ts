import { sql } from "drizzle-orm";
import {
  bigserial,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { branches } from "./branches";
import { accounts, customers } from "./customers";
import { cardProducts } from "./products";
import { stations } from "./stations";
// Relative, not `@/`: drizzle-kit loads the schema without the tsconfig paths.
import {
  CARD_STATUSES,
  ID_DOCUMENT_TYPES,
  ISSUANCE_REASONS,
  JOB_PURPOSES,
  JOB_STATES,
  REPLACEMENT_REASONS,
} from "../../lib/vocabulary";
import { oneOf } from "./one-of";
import { users } from "./users";

/** One teller request for one card. `cardId` and `issuerRequestId` never change once written. */
export const issuanceJobs = pgTable(
  "issuance_jobs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    cardId: text("card_id").notNull(),
    issuerRequestId: text("issuer_request_id").notNull(),
    // Set by the teller's form when it is first rendered: a second submit of the same form
    // (double click, reload, back button) finds this job instead of creating another.
    requestKey: text("request_key").notNull(),
    branchId: uuid("branch_id")
      .notNull()
      .references(() => branches.id),
    // Null exactly for a station's test card (purpose station_test): no customer's card, so it is
    // in no customer's history, and every query joining customers leaves it out.
    customerId: uuid("customer_id").references(() => customers.id),
    purpose: text("purpose", { enum: JOB_PURPOSES }).notNull().default("customer"),
    productId: uuid("product_id")
      .notNull()
      .references(() => cardProducts.id),
    stationId: uuid("station_id")
      .notNull()
      .references(() => stations.id),
    persoStation: text("perso_station").notNull(),
    requestedBy: uuid("requested_by")
      .notNull()
      .references(() => users.id),
    reason: text("reason", { enum: ISSUANCE_REASONS }).notNull(),
    nameOnCard: text("name_on_card").notNull(),
    state: text("state", { enum: JOB_STATES }).notNull().default("submitting"),
    // D1's own vocabulary, open-ended (new statuses must be tolerated), so not constrained.
    d1Status: text("d1_status"),
    d1OperationId: text("d1_operation_id"),
    panLast4: text("pan_last4"),
    errorCode: text("error_code"),
    errorMessage: text("error_message"),
    submitAttempts: integer("submit_attempts").notNull().default(0),
    retryOfJobId: uuid("retry_of_job_id"),
    // Replacement and renewal: the customer's card this one replaces, and why.
    replacesJobId: uuid("replaces_job_id"),
    replacementReason: text("replacement_reason", { enum: REPLACEMENT_REASONS }),
    // Debit products: the customer's account the card is for (sent to the card system).
    accountId: uuid("account_id").references(() => accounts.id),
    // The produced card's life at the branch (null until D1 reports it produced).
    cardStatus: text("card_status", { enum: CARD_STATUSES }),
    activatedAt: timestamp("activated_at", { withTimezone: true }),
    // The card system's refusal or failure of the last activation attempt; cleared on success.
    activationError: text("activation_error"),
    blockedAt: timestamp("blocked_at", { withTimezone: true }),
    blockReason: text("block_reason"),
    // Hand-over: who gave the card to the customer, and which identity document was checked
    // (its type and last characters only, never a full document number).
    handedOverAt: timestamp("handed_over_at", { withTimezone: true }),
    handedOverBy: uuid("handed_over_by").references(() => users.id),
    idDocumentType: text("id_document_type", { enum: ID_DOCUMENT_TYPES }),
    idDocumentLast: text("id_document_last"),
    // Canceled at the counter while D1 may still hold the order: a card that comes out anyway
    // must be destroyed, never handed over (producedAfterCancelAt says it did come out).
    canceledAt: timestamp("canceled_at", { withTimezone: true }),
    canceledBy: uuid("canceled_by").references(() => users.id),
    destroyIfProduced: boolean("destroy_if_produced").notNull().default(false),
    producedAfterCancelAt: timestamp("produced_after_cancel_at", { withTimezone: true }),
    // Maker-checker: why the request needs approval (APPROVAL_RULES), and the manager's decision.
    approvalRules: text("approval_rules").array(),
    decidedBy: uuid("decided_by").references(() => users.id),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    decisionNote: text("decision_note"),
    // The W3C trace context of the teller's request (lib/tracing), when tracing is on: D1's
    // notifications about the card link their spans to it. Ids only, never data.
    traceparent: text("traceparent"),
    // A training job (docs/training.md): set at creation from the teller's training state, never
    // from input. It goes to the in-process training simulator, never D1, and every list and
    // figure of real work leaves it out (and a trainee's lists show only these).
    training: boolean("training").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    submittedAt: timestamp("submitted_at", { withTimezone: true }),
    completedAt: timestamp("completed_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("issuance_jobs_card_id_key").on(t.cardId),
    uniqueIndex("issuance_jobs_issuer_request_id_key").on(t.issuerRequestId),
    uniqueIndex("issuance_jobs_request_key").on(t.requestKey),
    index("issuance_jobs_branch_created_idx").on(t.branchId, t.createdAt),
    index("issuance_jobs_customer_idx").on(t.customerId, t.createdAt),
    index("issuance_jobs_station_idx").on(t.stationId, t.createdAt),
    index("issuance_jobs_requested_by_idx").on(t.requestedBy, t.createdAt),
    // "Has this product issued cards?" decides between retiring and deleting a product.
    index("issuance_jobs_product_idx").on(t.productId),
    index("issuance_jobs_open_idx")
      .on(t.state)
      .where(sql`${t.completedAt} is null`),
    // A station's last good card and last failure (the teller's picker, refetched at every card):
    // read newest first, so the work does not grow with the station's history.
    index("issuance_jobs_station_completed_idx")
      .on(t.stationId, t.completedAt)
      .where(sql`${t.completedAt} is not null`),
    // The requests finished in the last day (the metrics' scrape-time count).
    index("issuance_jobs_completed_idx")
      .on(t.completedAt)
      .where(sql`${t.completedAt} is not null`),
    check("issuance_jobs_state_check", oneOf(t.state, JOB_STATES)),
    check("issuance_jobs_reason_check", oneOf(t.reason, ISSUANCE_REASONS)),
    check("issuance_jobs_purpose_check", oneOf(t.purpose, JOB_PURPOSES)),
    check("issuance_jobs_customer_purpose", sql`(${t.customerId} is null) = (${t.purpose} = 'station_test')`),
    check("issuance_jobs_card_status_check", oneOf(t.cardStatus, CARD_STATUSES)),
    check("issuance_jobs_replacement_reason_check", oneOf(t.replacementReason, REPLACEMENT_REASONS)),
    check("issuance_jobs_id_document_type_check", oneOf(t.idDocumentType, ID_DOCUMENT_TYPES)),
    check("issuance_jobs_id_document_last_check", sql`char_length(${t.idDocumentLast}) between 2 and 4`),
    index("issuance_jobs_replaces_idx").on(t.replacesJobId),
    index("issuance_jobs_retry_of_idx").on(t.retryOfJobId),
    // The counter's "find any card": by the last four digits within the branch, and by a
    // prefix of the support reference (text_pattern_ops serves LIKE 'req-…%' in any collation).
    index("issuance_jobs_branch_last4_idx").on(t.branchId, t.panLast4),
    index("issuance_jobs_issuer_request_id_pattern_idx").on(t.issuerRequestId.op("text_pattern_ops")),
  ],
);

/** Every step of a job, in order: the teller's timeline and the SSE stream replay from here. */
export const jobEvents = pgTable(
  "job_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    jobId: uuid("job_id")
      .notNull()
      .references(() => issuanceJobs.id),
    branchId: uuid("branch_id")
      .notNull()
      .references(() => branches.id),
    kind: text("kind").notNull(),
    // The job's state after the event. A D1 status we do not know is kept as kind
    // `d1_status_unknown` with its d1_status and the job's unchanged state, so this stays closed.
    state: text("state", { enum: JOB_STATES }).notNull(),
    d1Status: text("d1_status"),
    operationId: text("operation_id"),
    // De-duplicates D1 notifications (at-least-once delivery): operationId + details.status.
    dedupeKey: text("dedupe_key"),
    detail: jsonb("detail").$type<Record<string, unknown>>().notNull().default({}),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("job_events_job_idx").on(t.jobId, t.id),
    index("job_events_branch_idx").on(t.branchId, t.id),
    uniqueIndex("job_events_dedupe_key").on(t.dedupeKey),
    check("job_events_state_check", oneOf(t.state, JOB_STATES)),
  ],
);

export type IssuanceJob = typeof issuanceJobs.$inferSelect;
export type NewIssuanceJob = typeof issuanceJobs.$inferInsert;
export type JobEvent = typeof jobEvents.$inferSelect;
