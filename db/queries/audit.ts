import type { Executor } from "@/db/client";
import { auditLog, type NewAuditEntry } from "@/db/schema";

/** Writes one audit entry; pass the transaction that makes the change so both commit together. */
export async function insertAudit({ db, entry }: { db: Executor; entry: NewAuditEntry }) {
  await db.insert(auditLog).values(entry);
}
