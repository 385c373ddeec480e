import { describe, expect, it } from "vitest";
import { AUDIT_ACTIONS, auditActionLabel, isKnownAuditAction } from "./audit-actions";

describe("audit actions", () => {
  it("have English words from the messages, and a new code still reads as words", () => {
    expect(auditActionLabel("job.hand_over")).toBe("Card handed over");
    expect(auditActionLabel("stock.receive_more")).toBe("Stock receive more");
    expect(isKnownAuditAction("user.create")).toBe(true);
    expect(isKnownAuditAction("user.fly")).toBe(false);
    expect(AUDIT_ACTIONS).toContain("station.problem_cleared");
  });
});
