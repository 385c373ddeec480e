import { describe, expect, it } from "vitest";
import { issueText } from "@/lib/i18n/zod";
import { DEMO_BRANCHES, DEMO_STATIONS } from "@/db/seed-data";
import { updateBranchSchema } from "@/lib/validations/branch";
import { matchesStationPattern, normalizeStationPattern } from "./pattern";

describe("station id patterns", () => {
  it.each([
    ["BR001-PS-*", "BR001-PS-09", true],
    ["BR001-PS-*", "br001-ps-09", true],
    ["BR001-PS-*", "BR001-PS-", true],
    ["BR001-PS-*", "BR002-PS-09", false],
    ["BR001-PS-*", "XBR001-PS-09", false],
    ["BR001-PS-??", "BR001-PS-09", true],
    ["BR001-PS-??", "BR001-PS-100", false],
    ["*-BR001", "KIOSK-BR001", true],
    ["*-BR001", "KIOSK-BR0012", false],
    ["BR*-PS-*1", "BR7-PS-0-1", true],
    ["BR*-PS-*1", "BR7-PS-0-2", false],
  ])("%s matches %s: %s", (pattern, id, expected) => {
    expect(matchesStationPattern(pattern, id)).toBe(expected);
  });

  it("stays fast for patterns with many wildcards", () => {
    const pattern = "A*".repeat(20) + "B";
    expect(matchesStationPattern(pattern, "A".repeat(48))).toBe(false);
  });

  it("reads a pattern without a wildcard as a prefix", () => {
    expect(normalizeStationPattern(" BR001-PS- ")).toBe("BR001-PS-*");
    expect(normalizeStationPattern("BR001-PS-0?")).toBe("BR001-PS-0?");
  });

  it("each demo station matches its own branch's pattern and no other branch's", () => {
    for (const station of DEMO_STATIONS) {
      for (const branch of DEMO_BRANCHES) {
        expect(matchesStationPattern(branch.stationIdPattern, station.persoStation)).toBe(
          branch.code === station.branch,
        );
      }
    }
  });
});

describe("the admin's pattern field", () => {
  const base = { branchId: "3f1c7a52-8a2b-4c3d-9e4f-5a6b7c8d9e0f", name: "Harbour", timezone: "UTC" };
  const parse = (stationIdPattern: unknown) => updateBranchSchema.safeParse({ ...base, stationIdPattern });

  it("stores a prefix as a pattern", () => {
    expect(parse("BR042-PS-").data?.stationIdPattern).toBe("BR042-PS-*");
  });

  it.each([
    ["", "Enter the branch's station id pattern"],
    ["*", "at least 3 fixed characters"],
    ["B?*", "at least 3 fixed characters"],
    ["BR001/PS*", "Use letters, digits"],
    ["BR001.*", "Use letters, digits"],
    ["B".repeat(49), "48 characters"],
  ])("refuses %j with a sentence to act on", (pattern, message) => {
    const result = parse(pattern);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => `${i.path.join(".")}: ${issueText(i)}`).join("\n")).toContain(message);
    expect(result.error?.issues[0]?.path).toEqual(["stationIdPattern"]);
  });
});
