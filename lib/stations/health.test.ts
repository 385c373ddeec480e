import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import de from "@/lib/i18n/messages/de/manager.json";
import en from "@/lib/i18n/messages/en/manager.json";
import { testPrintProgress } from "./health";

const print = (state: string, errorCode: string | null = null, errorMessage: string | null = null) =>
  testPrintProgress({ jobId: "j", state: state as never, errorCode, errorMessage, at: "2026-11-30T10:00:00Z" })!;

describe("a station's test card in words", () => {
  it("says where the card is, and why it failed, as keys with the problem's kind", () => {
    expect(print("requested")).toMatchObject({ key: "accepted", failed: false, done: false });
    expect(print("done")).toMatchObject({ key: "produced", done: true });
    // Held: a reason code the screen says in the reader's language, never the stored English.
    expect(print("submitting", "unavailable:d1", "D1 not reachable")).toMatchObject({
      key: "sending",
      held: "d1Unreachable",
    });
    expect(print("submitting", "empty:station", "Counter 1 has no blank cards left").held).toBe("stationEmpty");
    expect(print("submitting").held).toBeNull();
    expect(print("production_exception", "X", "Card jammed")).toMatchObject({
      key: "failed",
      problem: "jam",
      failed: true,
    });
    // A mistyped station id looks like an order D1 did not accept: the words say what to check.
    expect(print("submission_failed", "bad_request:d1")).toMatchObject({
      key: "failedNotAccepted",
      problem: "not_accepted",
    });
    expect(testPrintProgress(null)).toBeNull();
  });

  it("has the words in English and German", () => {
    for (const messages of [en, de]) {
      const t = createTranslator({ locale: "en", messages: { Stations: messages.Stations }, namespace: "Stations" });
      expect(t("testPrint.produced")).not.toBe("");
      expect(t("testPrint.failed", { problem: "X" })).toContain("X");
    }
    const german = createTranslator({ locale: "de", messages: { Stations: de.Stations }, namespace: "Stations" });
    expect(german("testPrint.held.stationEmpty")).toContain("keine Kartenrohlinge");
  });
});
