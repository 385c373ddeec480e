import { describe, expect, it } from "vitest";
import { chooseLocale, negotiateLocale } from "./locale";

describe("the page's language", () => {
  it("takes the best of our languages from Accept-Language, by weight then order", () => {
    expect(negotiateLocale("de-DE,de;q=0.9,en;q=0.8")).toBe("de");
    expect(negotiateLocale("fr-FR,fr;q=0.9,en-GB;q=0.8,de;q=0.7")).toBe("en");
    expect(negotiateLocale("en;q=0.5, de;q=0.6")).toBe("de");
    expect(negotiateLocale("de;q=0, en")).toBe("en");
    expect(negotiateLocale("fr, it")).toBeNull();
    expect(negotiateLocale("")).toBeNull();
    expect(negotiateLocale(null)).toBeNull();
  });

  it("prefers the user's choice, then this browser's last choice, then the browser's languages", () => {
    expect(chooseLocale({ userLanguage: "de", cookie: "en", acceptLanguage: "en" })).toBe("de");
    expect(chooseLocale({ userLanguage: null, cookie: "de", acceptLanguage: "en" })).toBe("de");
    expect(chooseLocale({ userLanguage: null, cookie: undefined, acceptLanguage: "de-AT" })).toBe("de");
    expect(chooseLocale({ userLanguage: null, cookie: "xx", acceptLanguage: "fr" })).toBe("en");
  });
});
