// A request of the other kind (training or real) is not found by the actions that act on one:
// a real teller cannot hand over or re-activate a trainee's card, a real manager cannot decide a
// trainee's request, and a trainee cannot touch real work (docs/training.md).
import { afterAll, describe, expect, it, vi } from "vitest";
import { db } from "@/db";
import { makeCounter, makeJob, makeUser } from "@/db/testing/factories";
import { decideApproval } from "@/lib/issuance/decide";
import { actAs } from "@/test-support/action-session";

vi.mock("@/lib/auth/session", () => import("@/test-support/action-session"));
vi.mock("@/lib/request", () => ({ requestMeta: () => Promise.resolve({ ip: "127.0.0.1", userAgent: "vitest" }) }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const { handOverAction } = await import("./hand-over");
const { retryActivationAction } = await import("./retry-activation");
const { closeJobAction } = await import("./close-job");

afterAll(() => db.$client.end());

describe("training and real work do not see each other", () => {
  it("in hand-over, activation and closing", async () => {
    const counter = await makeCounter(db);
    const training = await makeJob(db, counter, { state: "done", training: true, cardStatus: "inactive" });
    const real = await makeJob(db, counter, { state: "production_exception" });
    actAs(counter.teller); // a real teller
    const handOver = { jobId: training.id, idDocumentType: "passport" as const, idDocumentLast: "X42" };
    expect(await handOverAction(handOver)).toMatchObject({ ok: false, code: "not_found:job" });
    expect(await retryActivationAction({ jobId: training.id })).toMatchObject({ ok: false, code: "not_found:job" });
    actAs(counter.teller, { training: true }); // the same teller in training
    expect(await closeJobAction({ jobId: real.id })).toMatchObject({ ok: false, code: "not_found:job" });
    expect(await handOverAction(handOver)).toMatchObject({ ok: true });
  });

  it("in a manager's decision", async () => {
    const counter = await makeCounter(db);
    const manager = await makeUser(db, "manager", counter.branch.id);
    const waiting = await makeJob(db, counter, {
      state: "awaiting_approval",
      training: true,
      approvalRules: ["name_differs"],
    });
    const ctx = (training: boolean) => ({
      user: { ...manager, mustChangePassword: false, training },
      ip: "127.0.0.1",
      userAgent: "vitest",
    });
    const decision = { jobId: waiting.id, approve: false, note: "Not today" };
    await expect(decideApproval(decision, ctx(false))).rejects.toMatchObject({ code: "not_found:job" });
    await expect(decideApproval(decision, ctx(true))).resolves.toMatchObject({ state: "rejected" });
  });
});
