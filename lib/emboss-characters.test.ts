import { describe, expect, it } from "vitest";
import { charactersToClass, classToCharacters } from "./emboss-characters";

describe("allowed characters in plain words", () => {
  it("keeps the ranges A-Z, a-z, 0-9 and takes every other character as itself", () => {
    const stored = charactersToClass("A-Z0-9 .'-/");
    expect(stored).toBe("A-Z0-9 .'\\-/");
    expect(new RegExp(`^[${stored}]*$`, "u").test("O'NEIL-SMITH 2/B")).toBe(true);
    // "'-/" is three characters, not the range from ' to /.
    expect(new RegExp(`^[${stored}]*$`, "u").test("(")).toBe(false);
  });

  it("escapes what would end or change the class, so a typed ] or ^ is just that character", () => {
    const stored = charactersToClass("A-Z]^[");
    expect(new RegExp(`^[${stored}]*$`, "u").test("A]^[")).toBe(true);
    expect(new RegExp(`^[${stored}]*$`, "u").test("a")).toBe(false);
  });

  it("reads a rule written the old way (with backslashes) the same, and shows it without them", () => {
    expect(charactersToClass("A-Z0-9 .'\\-/")).toBe("A-Z0-9 .'\\-/");
    expect(classToCharacters("A-Z0-9 .'\\-/")).toBe("A-Z0-9 .'-/");
    expect(charactersToClass(classToCharacters("A-Z .\\-"))).toBe("A-Z .\\-");
  });
});
