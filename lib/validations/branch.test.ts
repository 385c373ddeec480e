import { describe, expect, it } from "vitest";
import { createBranchSchema } from "./branch";

describe("branch input", () => {
  it("normalises the code and accepts a valid branch", () => {
    const parsed = createBranchSchema.parse({ code: " br042 ", name: "Harbour", timezone: "Europe/Berlin" });
    expect(parsed).toEqual({ code: "BR042", name: "Harbour", address: "", timezone: "Europe/Berlin" });
  });

  it("explains what is wrong with each field", () => {
    const result = createBranchSchema.safeParse({ code: "b", name: "", timezone: "Mars/Olympus" });
    expect(result.success).toBe(false);
    const fields = result.error?.issues.map((i) => i.path[0]);
    expect(fields).toEqual(expect.arrayContaining(["code", "name", "timezone"]));
  });
});
