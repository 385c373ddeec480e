import { z } from "zod";

// D1 Notify Card Operations body (E5). Unknown fields and unknown status values are tolerated
// (forward compatible); the fields we rely on are checked against D1's documented formats.
const id64 = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "must match ^[A-Za-z0-9_-]{1,64}$");

export const operationSchema = z.looseObject({
  operationId: id64,
  operation: z.string().min(1).max(64),
  status: z.string().min(1).max(32),
  startTime: z.string().max(64).optional(),
  endTime: z.string().max(64).optional(),
  cardId: z.string().regex(/^[A-Za-z0-9_-]{1,48}$/, "must match ^[A-Za-z0-9_-]{1,48}$"),
  details: z
    .looseObject({ status: z.string().min(1).max(64).optional(), reason: z.string().max(500).optional() })
    .optional(),
  errorCode: z.string().max(128).optional(),
  error: z.string().max(1000).optional(),
  issuerRequestId: z.string().max(128).optional(),
});

export const notificationSchema = z.object({
  operations: z
    .array(operationSchema)
    .min(1, "operations must not be empty")
    .max(1000, "at most 1000 operations per call"),
});

export type D1Operation = z.infer<typeof operationSchema>;
