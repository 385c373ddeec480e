// The receipt route on the run's database: the PDF for a handed-over card of the user's branch,
// with the last four digits and never the whole card number; nothing for anyone else.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/db";
import { makeCounter, makeJob, makeUser, uniq } from "@/db/testing/factories";
import { SimulatedCardSystem } from "@/lib/card-system/simulated";
import { actAs } from "@/test-support/action-session";
import { pdfText } from "@/test-support/pdf-text";

vi.mock("@/lib/auth/session", () => import("@/test-support/action-session"));

const { GET } = await import("./route");

let counter: Awaited<ReturnType<typeof makeCounter>>;
beforeAll(async () => {
  counter = await makeCounter(db, { label: "Counter printer 1" });
});
afterAll(() => db.$client.end());

const get = (jobId: string) =>
  GET(new Request(`http://app.test/api/jobs/${jobId}/receipt`), { params: Promise.resolve({ jobId }) });

async function handedOver() {
  const cardId = uniq("card-");
  // The card number the simulated card system gives this card: what the receipt must never show.
  const card = await new SimulatedCardSystem().allocate({
    jobId: "x",
    cardId,
    product: { bin: counter.product.bin, panLength: counter.product.panLength, expiryMonths: 36 },
    nameOnCard: "JANE DOE",
  });
  const job = await makeJob(db, counter, {
    cardId,
    state: "handed_over",
    panLast4: card.pan.slice(-4),
    handedOverAt: new Date("2026-11-30T13:05:00Z"),
    handedOverBy: counter.teller.id,
    idDocumentType: "id_card",
    idDocumentLast: "47",
  });
  return { job, pan: card.pan };
}

describe("GET /api/jobs/[jobId]/receipt", () => {
  it("answers the PDF for a handed-over card: last four digits, never the card number", async () => {
    const { job, pan } = await handedOver();
    actAs(counter.teller);
    const response = await get(job.id);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    expect(response.headers.get("content-disposition")).toContain(`receipt-${job.issuerRequestId}.pdf`);
    const text = pdfText(new Uint8Array(await response.arrayBuffer()));
    expect(text).toEqual(
      expect.arrayContaining([
        counter.branch.name,
        counter.product.name,
        `•••• ${pan.slice(-4)}`,
        "JANE DOE",
        counter.teller.name,
        // The test branch's time zone is UTC (the default).
        "30/11/2026 13:05 (UTC)",
        "Identity card ending in 47",
      ]),
    );
    const all = text.join("\n");
    expect(all).not.toContain(pan);
    expect(all).not.toContain(pan.slice(0, 6));
    // No card number of any length (13 to 19 digits), spaced or not.
    expect(all.replace(/\s/g, "")).not.toMatch(/\d{12,}/);
  });

  it("serves the branch's manager too, and no admin", async () => {
    const { job } = await handedOver();
    actAs(await makeUser(db, "manager", counter.branch.id));
    expect((await get(job.id)).status).toBe(200);
    actAs(await makeUser(db, "admin", null));
    expect((await get(job.id)).status).toBe(403);
  });

  it("answers 404 for another branch's card, as for a missing one", async () => {
    const { job } = await handedOver();
    const elsewhere = await makeCounter(db);
    actAs(elsewhere.teller);
    expect((await get(job.id)).status).toBe(404);
    expect((await get("00000000-0000-4000-8000-000000000000")).status).toBe(404);
    expect((await get("not-a-uuid")).status).toBe(404);
  });

  it("has no receipt before the hand-over", async () => {
    const job = await makeJob(db, counter, { state: "done", panLast4: "1234" });
    actAs(counter.teller);
    const response = await get(job.id);
    expect(response.status).toBe(409);
    expect(((await response.json()) as { code: string }).code).toBe("conflict:job");
  });
});
