import { describe, expect, it } from "vitest";
import type { EmbossRules } from "@/db/schema/products";
import { wordsIn } from "@/lib/i18n/message";
import { embossProblems as problemsIn, toEmbossName } from "./emboss";

/** The English sentences, as the server's field error renders them for an English reader. */
const embossProblems = (name: string, rules: EmbossRules) => problemsIn(name, rules, wordsIn("en", "Emboss"));

const rules = { maxLength: 26, uppercase: true, allowedCharacters: "A-Z0-9 .'\\-/" };

describe("name on the card", () => {
  it("turns names with accents and special letters into printable upper case", () => {
    expect(toEmbossName("  Zoë   Müller-Lindqvist ", rules)).toBe("ZOE MULLER-LINDQVIST");
    expect(toEmbossName("Søren Straße", rules)).toBe("SOREN STRASSE");
    expect(toEmbossName("Łukasz O'Brien", rules)).toBe("LUKASZ O'BRIEN");
    expect(embossProblems(toEmbossName("François Dubois", rules), rules)).toEqual([]);
  });

  it("writes names as on passports for an ICAO product, and removes accents otherwise", () => {
    const icao = { ...rules, transliteration: "icao" as const };
    expect(toEmbossName("Xavier Müller", icao)).toBe("XAVIER MUELLER");
    expect(toEmbossName("Søren Straße", icao)).toBe("SOEREN STRASSE");
    expect(toEmbossName("Xavier Müller", { ...rules, transliteration: "strip" })).toBe("XAVIER MULLER");
    // Products saved before the choice existed keep removing accents.
    expect(toEmbossName("Xavier Müller", rules)).toBe("XAVIER MULLER");
  });

  it("suggests the spelling of a letter the card cannot print", () => {
    const icao = { ...rules, transliteration: "icao" as const };
    expect(embossProblems("XAVIER MÜLLER", icao)).toEqual(["This card cannot print “Ü” (write “UE”)."]);
    expect(embossProblems("XAVIER MÜLLER", rules)).toEqual(["This card cannot print “Ü” (write “U”)."]);
    expect(embossProblems("STRAßE_", icao)).toEqual(["This card cannot print “ß” (write “SS”), “_”."]);
    // A spelling the card cannot print either is not suggested.
    const digitsOnly = { maxLength: 26, uppercase: true, allowedCharacters: "0-9", transliteration: "icao" as const };
    expect(embossProblems("Ü", digitsOnly)).toEqual(["This card cannot print “Ü”."]);
  });

  it("explains each problem in a sentence", () => {
    expect(embossProblems("", rules)).toEqual(["Enter the name to print on the card."]);
    expect(embossProblems("A".repeat(27), rules)[0]).toMatch(/Shorten the name to 26 characters or fewer \(now 27\)/);
    expect(embossProblems("Jane Doe", rules)).toContain("Use capital letters only.");
    expect(embossProblems("JANE_DOE!", rules).join(" ")).toContain("“_”, “!”");
    expect(embossProblems("JANE  DOE", rules)).toContain("Remove extra spaces.");
  });

  it("follows the product's own character set", () => {
    const youth = { maxLength: 21, uppercase: true, allowedCharacters: "A-Z .\\-" };
    expect(embossProblems("JANE O'BRIEN", youth).join(" ")).toContain("“'”");
    expect(embossProblems("JANE OBRIEN", youth)).toEqual([]);
  });
});

describe("embossProblems in German", () => {
  it("says the same problems in the teller's language, with the spelling to write", async () => {
    const { createTranslator } = await import("next-intl");
    const { MESSAGES } = await import("@/lib/i18n/messages");
    const { embossProblems: problemsIn } = await import("./emboss");
    const t = createTranslator({ locale: "de", messages: MESSAGES.de, namespace: "Emboss" });
    const icao = { ...rules, transliteration: "icao" as const };
    expect(problemsIn("MÜLLER", icao, (key, values) => t(key as never, values as never))).toEqual([
      "Diese Karte kann „Ü“ (schreiben Sie „UE“) nicht drucken.",
    ]);
  });
});
