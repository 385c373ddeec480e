import { describe, expect, it } from "vitest";
import { approvalReasonsIn, foreseenApprovalRules } from "./approval-words";
import { approvalReasons } from "./testing/english";

const hints = { nameDiffers: true, givenName: "Xavier", familyName: "Müller", recentReplacement: true };

describe("approval rules in words", () => {
  it("joins the reasons and leaves out unknown ones", () => {
    expect(approvalReasons(["repeat_replacement"])).toBe(
      "it is another replacement for this customer within a short time",
    );
    expect(approvalReasons(["product", "repeat_replacement", "name_differs", "nonsense"])).toMatch(
      /approval, it is another .* and the name on the card differs/,
    );
    expect(approvalReasons([])).toBe("a rule of the bank asks for it");
  });

  it("foresees at the review step what the server will apply", () => {
    expect(foreseenApprovalRules({ reason: "CREATION", nameOnCard: "XAVIER MULLER" }, hints)).toEqual([]);
    expect(
      foreseenApprovalRules({ needsApproval: true, reason: "REPLACEMENT", nameOnCard: "JOHN SMITH" }, hints),
    ).toEqual(["product", "repeat_replacement", "name_differs"]);
    expect(foreseenApprovalRules({ reason: "REPLACEMENT", nameOnCard: "JOHN SMITH" }, undefined)).toEqual([]);
    expect(
      foreseenApprovalRules({ reason: "CREATION", nameOnCard: "JOHN SMITH" }, { ...hints, nameDiffers: false }),
    ).toEqual([]);
  });
});

describe("approval rules in another language", () => {
  it("joins the language's own words with its own 'and'", () => {
    const german = {
      rule: (r: string) => `Regel ${r}`,
      none: () => "keine",
      and: (first: string, last: string) => `${first} und ${last}`,
    };
    expect(approvalReasonsIn(german, ["product", "repeat_replacement", "name_differs"])).toBe(
      "Regel product, Regel repeat_replacement und Regel name_differs",
    );
    expect(approvalReasonsIn(german, null)).toBe("keine");
  });
});
