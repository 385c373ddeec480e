import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { MESSAGES } from "@/lib/i18n/messages";
import { settleFailure, settleFailureEnglish } from "./settle-failure";

describe("why a card was not activated or the old one not blocked", () => {
  it("reads the recorded reason; an older event without one has none", () => {
    expect(settleFailure({ reason: "refused", message: "…" })).toBe("refused");
    expect(settleFailure({ reason: "noAnswer" })).toBe("noAnswer");
    expect(settleFailure({ message: "The bank's card system did not answer." })).toBeNull();
    expect(settleFailure({ reason: "something else" })).toBeNull();
  });

  it("stores English words and shows the reader's", () => {
    expect(settleFailureEnglish("activate", "refused")).toMatch(/refused to activate the card/);
    const german = createTranslator({ locale: "de", messages: MESSAGES.de, namespace: "HandOver" });
    expect(german("failure.activate.refused")).toMatch(/^Das Kartensystem der Bank hat die Aktivierung/);
    expect(german("failure.block.noAnswer")).toMatch(/Sperre der alten Karte/);
  });
});
