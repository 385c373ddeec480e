import { describe, expect, it } from "vitest";
import { issueText } from "@/lib/i18n/zod";
import { auditFilterSchema, isCalendarDate, parseFilter } from "./audit";

describe("audit filter dates", () => {
  it("accepts real calendar days only", () => {
    for (const day of ["2026-03-31", "2024-02-29", "2000-02-29", "0001-01-01"])
      expect(isCalendarDate(day), day).toBe(true);
    for (const day of [
      "2026-13-45",
      "2026-02-30",
      "2025-02-29",
      "1900-02-29",
      "2026-04-31",
      "2026-00-10",
      "0000-01-01",
      "2026-1-5",
    ])
      expect(isCalendarDate(day), day).toBe(false);
  });

  it("gives a field error for an impossible date instead of passing it to the database", () => {
    for (const from of ["2026-13-45", "2026-02-30"]) {
      const result = auditFilterSchema.safeParse({ from });
      expect(result.success).toBe(false);
      expect(result.error?.issues[0]?.path).toEqual(["from"]);
      expect(issueText(result.error!.issues[0]!)).toMatch(/does not exist/);
    }
    expect(issueText(auditFilterSchema.safeParse({ to: "31.03.2026" }).error!.issues[0]!)).toBe(
      "Use a date like 2026-03-31.",
    );
  });

  it("refuses a “to” before “from” with a message on “to”, and allows one day", () => {
    const result = auditFilterSchema.safeParse({ from: "2026-03-31", to: "2026-03-01" });
    expect(result.error?.issues[0]?.path).toEqual(["to"]);
    expect(issueText(result.error!.issues[0]!)).toMatch(/before/);
    expect(auditFilterSchema.safeParse({ from: "2026-03-31", to: "2026-03-31" }).success).toBe(true);
  });

  it("keeps the valid filters of a page and names the invalid ones", () => {
    const { filter, errors } = parseFilter(auditFilterSchema, { actor: "tess", from: "2026-02-30", page: "2" });
    expect(filter).toEqual({ actor: "tess", page: 2 });
    expect(Object.keys(errors)).toEqual(["from"]);
  });
});
