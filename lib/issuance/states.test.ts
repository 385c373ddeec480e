import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { FAILED_STATES, JOB_STATES } from "@/lib/vocabulary";
import { canTransition, FINAL_STATES, RANK, stateForD1Status } from "./states";

describe("issuance state machine", () => {
  afterAll(() => db.$client.end());

  it("maps every INSTANT details.status of D1 and keeps unknown ones out", () => {
    expect(stateForD1Status("CARD_PROD_REQUESTED")).toBe("requested");
    expect(stateForD1Status("CARD_PROD_READY")).toBe("ready");
    expect(stateForD1Status("CARD_PROD_DONE")).toBe("done");
    expect(stateForD1Status("DATA_EXCEPTION")).toBe("data_exception");
    expect(stateForD1Status("CARD_PROD_EXCEPTION")).toBe("production_exception");
    expect(stateForD1Status("CARD_PROD_CANCELED")).toBe("canceled");
    expect(stateForD1Status("CARD_SHIPPED")).toBeNull();
  });

  it("moves only forwards and never out of a final state", () => {
    expect(canTransition("submitting", "requested")).toBe(true);
    expect(canTransition("submitting", "done")).toBe(true);
    expect(canTransition("ready", "requested")).toBe(false);
    expect(canTransition("requested", "requested")).toBe(false);
    for (const final of FINAL_STATES) {
      for (const to of JOB_STATES) {
        expect(canTransition(final, to)).toBe(final === "done" && to === "handed_over");
      }
    }
  });

  it("sends a request awaiting approval only once approved, and rejects only such a request", () => {
    expect(canTransition("awaiting_approval", "submitting")).toBe(true);
    expect(canTransition("awaiting_approval", "rejected")).toBe(true);
    expect(canTransition("awaiting_approval", "requested")).toBe(false);
    for (const from of JOB_STATES.filter((s) => s !== "awaiting_approval")) {
      expect(canTransition(from, "rejected")).toBe(false);
      expect(canTransition(from, "awaiting_approval")).toBe(false);
    }
  });

  it("reaches the hand-over only from a produced card", () => {
    expect(canTransition("done", "handed_over")).toBe(true);
    for (const from of JOB_STATES.filter((s) => s !== "done")) expect(canTransition(from, "handed_over")).toBe(false);
    expect(RANK.handed_over).toBeGreaterThan(RANK.done);
  });

  it("agrees with the database's issuance_state_rank()", async () => {
    const { rows } = await db.execute<{ state: string; rank: number }>(
      sql`select s as state, issuance_state_rank(s) as rank from unnest(${`{${JOB_STATES.join(",")}}`}::text[]) as s`,
    );
    expect(Object.fromEntries(rows.map((r) => [r.state, r.rank]))).toEqual(RANK);
  });

  it("ranks a state it does not know below every known one, in the database as well", async () => {
    const { rows } = await db.execute<{ rank: number }>(sql`select issuance_state_rank('CARD_SHIPPED') as rank`);
    expect(rows[0]?.rank).toBe(-1);
  });

  it("counts every failed state as final", () => {
    for (const failed of FAILED_STATES) expect(FINAL_STATES).toContain(failed);
    expect(FINAL_STATES).not.toContain("submitting");
  });
});
