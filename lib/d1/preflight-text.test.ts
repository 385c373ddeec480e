// The pre-flight check's sentences are keys with values: the D1 page says them in the user's
// language, the terminal in English, from the same messages.
import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { MESSAGES } from "@/lib/i18n/messages";
import { formatCalendarDate } from "@/lib/datetime";
import { describeTlsError, englishText, renderText, text } from "./preflight-text";

const de = createTranslator({ locale: "de", messages: MESSAGES.de, namespace: "D1Check" });
const german = (m: Parameters<typeof renderText>[1]) =>
  renderText((key, values) => de(key, values), m, formatCalendarDate);

describe("pre-flight texts", () => {
  it("name what a TLS code means, with the URL it happened on", () => {
    const refused = describeTlsError("ERR_SSL_TLSV13_ALERT_UNKNOWN_CA", "authz", "https://d1.example/authz");
    expect(refused.key).toBe("tlsRefused");
    expect(englishText(refused)).toBe(
      "authz URL https://d1.example/authz: D1 refused our client certificate (ERR_SSL_TLSV13_ALERT_UNKNOWN_CA): D1_TLS_CERT_FILE must be the certificate Thales signed for this environment.",
    );
    expect(german(refused)).toContain("D1 hat unser Client-Zertifikat abgelehnt (ERR_SSL_TLSV13_ALERT_UNKNOWN_CA)");
    expect(describeTlsError("ECONNREFUSED", "banking", "https://x").key).toBe("tlsConnectionRefused");
    expect(describeTlsError("something new", "banking", "https://x").key).toBe("tlsOther");
  });

  it("render a sentence inside a sentence (the card system's name) in the same language", () => {
    const answered = text("cardSystemAnswered", { system: text("cardSystemSimulated") });
    expect(englishText(answered, text("cardSystemLatency", { ms: 12 }))).toBe(
      "Simulated card system answered. It answered in 12 ms.",
    );
    expect(german(answered)).toBe("Simuliertes Kartensystem hat geantwortet.");
  });

  it("keep ISO dates for the terminal and write them as the screens do for people", () => {
    const soon = text("expiresSoon", { date: "2027-01-09", days: 9 });
    expect(englishText(soon)).toBe(
      "The client certificate expires on 2027-01-09, in 9 days: send Thales a new CSR now.",
    );
    expect(german(soon)).toBe(
      "Das Client-Zertifikat läuft am 09.01.2027 ab, in 9 Tagen: Senden Sie Thales jetzt einen neuen CSR.",
    );
  });
});
