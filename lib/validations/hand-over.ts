// The hand-over of a produced card: which identity document the teller checked. Only its type
// and its last 2 to 4 characters are taken, so a full document number never reaches us.
import { z } from "zod";
import { ID_DOCUMENT_TYPES } from "@/lib/vocabulary";
import { text } from "./text";

export const handOverSchema = z.object({
  jobId: z.uuid("Choose a card request."),
  idDocumentType: z.enum(ID_DOCUMENT_TYPES, "Choose the identity document you checked."),
  idDocumentLast: text("Enter the last characters of the document number.")
    .toUpperCase()
    .regex(/^[A-Z0-9]{2,4}$/, "Enter only the last 2 to 4 letters or digits of the document number."),
});

/** Activation (or the old card's block) failed at hand-over: try the card system again. */
export const retryActivationSchema = z.object({ jobId: z.uuid("Choose a card request.") });
