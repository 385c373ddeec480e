import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import de from "@/lib/i18n/messages/de/manager.json";
import en from "@/lib/i18n/messages/en/manager.json";
import { durationWords } from "./format";

const say = (messages: typeof en, seconds: number | null) => {
  const t = createTranslator({ locale: "en", messages: { Duration: messages.Duration }, namespace: "Duration" });
  const w = durationWords(seconds);
  return w ? t(w.key, w.values as never) : "—";
};

describe("durations in words", () => {
  it("says seconds, minutes with seconds, hours with minutes", () => {
    expect(say(en, 42)).toBe("42 s");
    expect(say(en, 95)).toBe("1 min 35 s");
    expect(say(en, 3 * 3600 + 5 * 60)).toBe("3 h 05 min");
    expect(say(en, null)).toBe("—");
    expect(say(en, Number.NaN)).toBe("—");
  });

  it("says them in German too", () => {
    expect(say(de, 95)).toBe("1 Min. 35 Sek.");
    expect(say(de, 3 * 3600 + 5 * 60)).toBe("3 Std. 05 Min.");
  });
});
