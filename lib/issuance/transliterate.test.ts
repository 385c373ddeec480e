import { describe, expect, it } from "vitest";
import { spellingOf, transliterate } from "./transliterate";

describe("transliterate", () => {
  it("writes German and Nordic letters as on passports (ICAO 9303)", () => {
    expect(transliterate("MÜLLER", "icao")).toBe("MUELLER");
    expect(transliterate("Müller", "icao")).toBe("Mueller");
    expect(transliterate("Straße", "icao")).toBe("Strasse");
    expect(transliterate("Søren Ångström", "icao")).toBe("Soeren Aangstroem");
    expect(transliterate("Ärzte ÄRZTE", "icao")).toBe("Aerzte AERZTE");
    expect(transliterate("Œuvre Þór Đorđe Łukasz", "icao")).toBe("Oeuvre Thor Dorde Lukasz");
  });

  it("removes accents of letters ICAO writes with their base letter", () => {
    expect(transliterate("François Dvořák Ñúñez Ştefan", "icao")).toBe("Francois Dvorak Nunez Stefan");
    expect(transliterate("Yıldız", "icao")).toBe("Yildiz");
  });

  it("removes accents only in the plain scheme", () => {
    expect(transliterate("Müller Søren Straße Ångström", "strip")).toBe("Muller Soren Strasse Angstrom");
  });

  it("spells Cyrillic and Greek names by ICAO's table in both schemes", () => {
    expect(transliterate("Сергей Щукин", "icao")).toBe("Sergei Shchukin");
    expect(transliterate("Юлия Ковальчук", "strip")).toBe("Iuliia Kovalchuk");
    expect(transliterate("Σωκράτης Παπαδόπουλος", "icao")).toBe("Sokratis Papadopoulos");
    expect(transliterate("Ουρανία ΟΥΡΑΝΙΑ", "icao")).toBe("Ourania OURANIA");
  });

  it("leaves what a card prints as it is", () => {
    expect(transliterate("O'BRIEN-SMITH 2ND", "icao")).toBe("O'BRIEN-SMITH 2ND");
  });

  it("names the spelling of one character, or none", () => {
    expect(spellingOf("Ü", "icao")).toBe("UE");
    expect(spellingOf("ü", "icao")).toBe("UE");
    expect(spellingOf("ß", "strip")).toBe("SS");
    expect(spellingOf("é", "icao")).toBe("E");
    expect(spellingOf("_", "icao")).toBeNull();
    expect(spellingOf("A", "icao")).toBeNull();
  });
});
