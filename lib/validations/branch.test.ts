import { describe, expect, it } from "vitest";
import { issueText } from "@/lib/i18n/zod";
import { createBranchSchema } from "./branch";

describe("branch input", () => {
  it("normalises the code and accepts a valid branch", () => {
    const parsed = createBranchSchema.parse({ code: " br042 ", name: "Harbour", timezone: "Europe/Berlin" });
    expect(parsed).toEqual({
      code: "BR042",
      name: "Harbour",
      address: "",
      timezone: "Europe/Berlin",
      closesAt: "18:00",
    });
  });

  it("takes the closing time as HH:MM (a time input's value, or the database's HH:MM:SS)", () => {
    const base = { code: "BR042", name: "Harbour" };
    expect(createBranchSchema.parse({ ...base, closesAt: "17:30" }).closesAt).toBe("17:30");
    expect(createBranchSchema.parse({ ...base, closesAt: "17:30:00" }).closesAt).toBe("17:30");
    expect(createBranchSchema.parse({ ...base, closesAt: "" }).closesAt).toBe("18:00");
    const wrong = createBranchSchema.safeParse({ ...base, closesAt: "25:00" });
    expect(wrong.error?.issues[0]?.path).toEqual(["closesAt"]);
    expect(issueText(wrong.error!.issues[0]!)).toContain("HH:MM");
  });

  it("explains what is wrong with each field", () => {
    const result = createBranchSchema.safeParse({ code: "b", name: "", timezone: "Mars/Olympus" });
    expect(result.success).toBe(false);
    const fields = result.error?.issues.map((i) => i.path[0]);
    expect(fields).toEqual(expect.arrayContaining(["code", "name", "timezone"]));
  });
});
