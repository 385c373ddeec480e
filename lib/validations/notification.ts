import { z } from "zod";
import { text } from "./text";

// D1 Notify Card Operations body (E5). Unknown fields and unknown status values are tolerated
// (forward compatible); the fields we rely on are checked against D1's documented formats.
// Free text is kept as D1 sent it (not trimmed) but may not hold NUL, other control characters
// or lone surrogates: PostgreSQL refuses them, and the statement that would fail is shared with
// every notification batched with this one (lib/notifications/batcher.ts).
const id64 = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "must match ^[A-Za-z0-9_-]{1,64}$");
const word = (max: number) => text(undefined, { trim: false }).min(1).max(max);
const prose = (max: number) => text(undefined, { trim: false, multiline: true }).max(max);

export const operationSchema = z.looseObject({
  operationId: id64,
  operation: word(64),
  status: word(32),
  startTime: text(undefined, { trim: false }).max(64).optional(),
  endTime: text(undefined, { trim: false }).max(64).optional(),
  cardId: z.string().regex(/^[A-Za-z0-9_-]{1,48}$/, "must match ^[A-Za-z0-9_-]{1,48}$"),
  details: z.looseObject({ status: word(64).optional(), reason: prose(500).optional() }).optional(),
  errorCode: text(undefined, { trim: false }).max(128).optional(),
  error: prose(1000).optional(),
  issuerRequestId: text(undefined, { trim: false }).max(128).optional(),
});

export const notificationSchema = z.object({
  operations: z
    .array(operationSchema)
    .min(1, "operations must not be empty")
    .max(1000, "at most 1000 operations per call"),
});

export type D1Operation = z.infer<typeof operationSchema>;
