// Every language has every message, with the same placeholders: a key added in one language and
// not the other fails here (and in tsc, since the messages are typed from English).
import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { describe, expect, it } from "vitest";
import { LOCALES } from "@/lib/vocabulary";
import { flattenMessages } from "@/test-support/message-tree";
import { MESSAGES } from "./messages";

/** The ICU arguments a message uses ({count}, {name}), sorted; a message that does not parse throws. */
function placeholders(message: string): string[] {
  const names = new Set<string>();
  const walk = (elements: MessageFormatElement[]) => {
    for (const el of elements) {
      // Arguments ({name}, {count, plural, …}) and rich-text tags (<b>…</b>) by their names.
      if (el.type !== TYPE.literal && el.type !== TYPE.pound) names.add(el.value);
      if ("options" in el) for (const option of Object.values(el.options)) walk(option.value);
      if ("children" in el) walk(el.children);
    }
  };
  walk(parse(message));
  return [...names].sort();
}

const reference = flattenMessages(MESSAGES.en);

/** Keys of English missing in a language, and keys it has that English has not. */
function keyDifferences(messages: Map<string, string>): { missing: string[]; extra: string[] } {
  return {
    missing: [...reference.keys()].filter((k) => !messages.has(k)),
    extra: [...messages.keys()].filter((k) => !reference.has(k)),
  };
}

describe("messages", () => {
  it.each(LOCALES.filter((l) => l !== "en"))("%s has exactly the English keys, none empty", (locale) => {
    const messages = flattenMessages(MESSAGES[locale]);
    expect(keyDifferences(messages)).toEqual({ missing: [], extra: [] });
    expect([...messages].filter(([, text]) => text.trim() === "").map(([key]) => key)).toEqual([]);
  });

  it.each(LOCALES.filter((l) => l !== "en"))("%s uses the same placeholders as English", (locale) => {
    const messages = flattenMessages(MESSAGES[locale]);
    const differing = [...reference].filter(([key, text]) => {
      const other = messages.get(key);
      return other !== undefined && placeholders(other).join() !== placeholders(text).join();
    });
    expect(differing.map(([key]) => key)).toEqual([]);
  });

  it("reads the arguments of plural and select messages, not their words", () => {
    expect(placeholders("{count, plural, =0 {Keine Treffer} other {# Treffer für {query}}}")).toEqual([
      "count",
      "query",
    ]);
    expect(() => placeholders("{count, plural, other {# Treffer}")).toThrow();
  });

  it("names a key missing in a language and one it has extra", () => {
    const broken = new Map(flattenMessages(MESSAGES.de));
    broken.delete("Shell.signOut");
    broken.set("Shell.signOff", "Abmelden");
    expect(keyDifferences(broken)).toEqual({ missing: ["Shell.signOut"], extra: ["Shell.signOff"] });
  });
});
