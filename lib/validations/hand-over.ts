// The hand-over of a produced card: which identity document the teller checked. Only its type
// and its last 2 to 4 characters are taken, so a full document number never reaches us.
import { z } from "zod";
import { ID_DOCUMENT_TYPES } from "@/lib/vocabulary";
import { text } from "./text";
import { v } from "@/lib/i18n/message";

export const handOverSchema = z.object({
  jobId: z.uuid(v("Validation.chooseRequest")),
  idDocumentType: z.enum(ID_DOCUMENT_TYPES, v("Validation.handOver.document")),
  idDocumentLast: text(v("Validation.handOver.last"))
    .toUpperCase()
    .regex(/^[A-Z0-9]{2,4}$/, v("Validation.handOver.lastFormat")),
});

/** Activation (or the old card's block) failed at hand-over: try the card system again. */
export const retryActivationSchema = z.object({ jobId: z.uuid(v("Validation.chooseRequest")) });
