// Words for the hand-over's vocabularies, shared by the teller's screen and the receipt.
import type { IdDocumentType } from "@/lib/vocabulary";

export const ID_DOCUMENT_LABEL: Record<IdDocumentType, string> = {
  id_card: "Identity card",
  passport: "Passport",
  residence_permit: "Residence permit",
  driving_licence: "Driving licence",
};
