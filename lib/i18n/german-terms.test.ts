// One word for one thing in German (docs/translating.md, "German terms"): a card request is a
// "Kartenantrag" (the order sent to D1 is an "Auftrag"), the support reference reads as on the job
// page ("Referenz für den Support"), and a station or rule is "aktiviert/deaktiviert". Fails with
// the message's key when a German message uses another word.
import { describe, expect, it } from "vitest";
import { flattenMessages } from "@/test-support/message-tree";
import { MESSAGES } from "./messages";

const english = flattenMessages(MESSAGES.en);
const german = flattenMessages(MESSAGES.de);

/** Words German messages never use, with the term to use instead. */
const AVOID: Array<[RegExp, string]> = [
  [/Kartenauftr/, "Kartenantrag"],
  [/Auftragsreferenz|Support-Referenz|Auftrags-?ID/, "Referenz für den Support / Kartenantrags-ID"],
  [/eingeschaltet|ausgeschaltet|[Ee]inschalten|[Aa]usschalten|auszuschalten|einzuschalten/, "aktiviert/deaktiviert"],
];

/** "key: text" for each German message using a word of `pattern`. */
const using = (pattern: RegExp, messages = german) =>
  [...messages].filter(([, text]) => pattern.test(text)).map(([key, text]) => `${key}: ${text}`);

describe("German terms", () => {
  it.each(AVOID)("never %s (use %s)", (pattern) => {
    expect(using(pattern)).toEqual([]);
  });

  it("calls a card request a Kartenantrag: no Auftrag where English says request and not order", () => {
    const requests = new Map(
      [...german].filter(([key]) => {
        const text = english.get(key) ?? "";
        return /request/i.test(text) && !/\border/i.test(text);
      }),
    );
    expect(requests.size).toBeGreaterThan(20);
    expect(using(/Auftr[aä]g/, requests)).toEqual([]);
  });

  it("finds a misused word (the check itself)", () => {
    expect(using(/Kartenauftr/, new Map([["Search.request", "Kartenauftrag: {product}"]]))).toEqual([
      "Search.request: Kartenauftrag: {product}",
    ]);
  });
});
