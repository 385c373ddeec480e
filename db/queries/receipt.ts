import { sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import type { IdDocumentType, JobState } from "@/lib/vocabulary";

export type ReceiptData = {
  jobId: string;
  branchId: string;
  state: JobState;
  issuerRequestId: string;
  branchName: string;
  timezone: string;
  productName: string;
  panLast4: string | null;
  nameOnCard: string;
  tellerName: string | null;
  handedOverAt: Date | null;
  idDocumentType: IdDocumentType | null;
  idDocumentLast: string | null;
  /** A training card (docs/training.md): the receipt says TRAINING. */
  training: boolean;
};

/** What the hand-over receipt prints: the last four digits at most, never other card data. */
export async function findReceipt({ db, jobId }: { db: Executor; jobId: string }): Promise<ReceiptData | null> {
  const { rows } = await db.execute<Omit<ReceiptData, "handedOverAt"> & { handedOverAt: string | null }>(sql`
    select j.id as "jobId", j.branch_id as "branchId", j.state, j.issuer_request_id as "issuerRequestId",
           b.name as "branchName", b.timezone, p.name as "productName", j.pan_last4 as "panLast4",
           j.name_on_card as "nameOnCard",
           u.name as "tellerName", j.handed_over_at as "handedOverAt",
           j.id_document_type as "idDocumentType", j.id_document_last as "idDocumentLast", j.training
    from issuance_jobs j
    join branches b on b.id = j.branch_id
    join card_products p on p.id = j.product_id
    left join users u on u.id = j.handed_over_by
    where j.id = ${jobId}`);
  const row = rows[0];
  if (!row) return null;
  return { ...row, handedOverAt: row.handedOverAt ? new Date(row.handedOverAt) : null };
}
