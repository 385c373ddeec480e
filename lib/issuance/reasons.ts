// Why a card is issued (D1 `services.issuance`). Plain constants: client components import
// them, so this module must not pull zod or the database schema into the browser bundle.
export const ISSUANCE_REASONS = ["CREATION", "REPLACEMENT", "RENEWAL"] as const;
export type IssuanceReason = (typeof ISSUANCE_REASONS)[number];

export const REASON_LABEL: Record<IssuanceReason, string> = {
  CREATION: "New card",
  REPLACEMENT: "Replacement (lost, stolen or damaged)",
  RENEWAL: "Renewal (card expiring)",
};
