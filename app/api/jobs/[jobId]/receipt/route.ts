import { z } from "zod";
import { db } from "@/db";
import { findReceipt } from "@/db/queries/receipt";
import { requireRole } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { msg } from "@/lib/i18n/message";
import { requestLocale } from "@/lib/i18n/request-locale";
import { receiptPdf } from "@/lib/receipt/pdf";
import { route } from "@/lib/route";

export const dynamic = "force-dynamic";

/** The hand-over receipt the customer signs (PDF), for a card handed over at the user's branch. */
export const GET = route(
  "jobs.receipt",
  async (_request: Request, { params }: { params: Promise<{ jobId: string }> }) => {
    const user = await requireRole(["teller", "manager"], { surface: "route" });
    const { jobId } = await params;
    if (!z.uuid().safeParse(jobId).success) throw new AppError("not_found:job");
    const receipt = await findReceipt({ db, jobId });
    // Another branch's job answers like a missing one: nothing to learn about other branches.
    if (!receipt || receipt.branchId !== user.branchId || receipt.training !== user.training) {
      throw new AppError("not_found:job");
    }
    if (receipt.state !== "handed_over") {
      throw new AppError("conflict:job", { message: msg("Errors.receiptBeforeHandOver") });
    }
    // In the language of the person printing it, like the screen it is printed from.
    const pdf = await receiptPdf({ ...receipt, bankName: env.BANK_NAME }, await requestLocale(user));
    return new Response(Buffer.from(pdf), {
      headers: {
        "content-type": "application/pdf",
        "content-disposition": `attachment; filename="receipt-${receipt.issuerRequestId}.pdf"`,
        "cache-control": "no-store",
      },
    });
  },
);
