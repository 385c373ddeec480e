import { describe, expect, it } from "vitest";
import { createBranchSchema } from "./branch";
import { searchCustomersSchema } from "./issuance";
import { registerStationSchema } from "./station";
import { CONTROL_MESSAGE, isCleanText, text } from "./text";

describe("the shared text schema", () => {
  it("refuses NUL, other C0 and C1 controls, DEL and lone surrogates with a clear message", () => {
    const line = text().max(20);
    for (const bad of ["a\u0000b", "\u0007", "a\u001bb", "a\u007fb", "a\u0085b", "a\ud800b", "a\nb", "a\tb"]) {
      const result = line.safeParse(bad);
      expect(result.success, JSON.stringify(bad)).toBe(false);
      expect(result.error?.issues[0]?.message).toBe(CONTROL_MESSAGE);
    }
  });

  it("trims, keeps letters of every script and emoji, and allows line breaks where text is multi-line", () => {
    expect(text().parse("  Zoë Ørsted 😀 \n")).toBe("Zoë Ørsted 😀");
    expect(isCleanText("line one\r\nline two\tend", { multiline: true })).toBe(true);
    expect(isCleanText("line\u0000", { multiline: true })).toBe(false);
    expect(text(undefined, { trim: false }).parse(" kept ")).toBe(" kept ");
  });

  it("is what user input goes through: a search, a station label, a branch name", () => {
    expect(searchCustomersSchema.safeParse({ query: "mül\u0000ler" }).error?.issues[0]?.message).toBe(CONTROL_MESSAGE);
    const station = registerStationSchema.safeParse({ persoStation: "BR001-PS-04", label: "Counter\u0000" });
    expect(station.error?.issues.map((i) => i.path[0])).toEqual(["label"]);
    const branch = createBranchSchema.safeParse({ code: "BR042", name: "Harbour\u0000", timezone: "UTC" });
    expect(branch.error?.issues.map((i) => i.path[0])).toEqual(["name"]);
  });
});
