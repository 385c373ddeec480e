import { PDFDocument, StandardFonts } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { pdfText } from "@/test-support/pdf-text";
import { drawable, receiptPdf } from "./pdf";
import { formatDateTime } from "@/lib/datetime";

const receipt = {
  jobId: "00000000-0000-4000-8000-000000000001",
  branchId: "00000000-0000-4000-8000-000000000002",
  state: "handed_over" as const,
  issuerRequestId: "req-1234",
  branchName: "Zürich Hauptbahnhof",
  timezone: "Europe/Berlin",
  productName: "Classic Debit",
  panLast4: "8930",
  nameOnCard: "JANE DOE",
  tellerName: "Tara Teller",
  handedOverAt: new Date("2026-11-30T13:05:00Z"),
  idDocumentType: "passport" as const,
  idDocumentLast: "X42",
  bankName: "Demo Bank",
  training: false,
};

describe("the hand-over receipt", () => {
  it("prints bank, branch, card, last four, name, teller, local time, document and a signature line", async () => {
    const text = pdfText(await receiptPdf(receipt));
    expect(text).toEqual(
      expect.arrayContaining([
        "Demo Bank",
        "Zürich Hauptbahnhof",
        "Classic Debit",
        "•••• 8930",
        "JANE DOE",
        "Tara Teller",
        "30/11/2026 14:05 (Europe/Berlin)",
        "Passport ending in X42",
        "Customer's signature",
      ]),
    );
  });

  it("says TRAINING on a training card's receipt, and only there", async () => {
    expect(pdfText(await receiptPdf({ ...receipt, training: true }))).toContain("TRAINING - NOT A REAL CARD");
    expect(pdfText(await receiptPdf(receipt))).not.toContain("TRAINING - NOT A REAL CARD");
    expect(pdfText(await receiptPdf({ ...receipt, training: true }, "de"))).toContain("SCHULUNG - KEINE ECHTE KARTE");
  });

  it("formats the time in the branch's time zone, in the reader's date format", () => {
    const at = new Date("2026-07-01T22:30:00Z");
    expect(formatDateTime(at, "Europe/Berlin", "en")).toBe("02/07/2026 00:30");
    expect(formatDateTime(at, "America/New_York", "de")).toBe("01.07.2026 18:30");
  });

  it("draws names the standard font cannot hold without failing", async () => {
    const font = await (await PDFDocument.create()).embedFont(StandardFonts.Helvetica);
    expect(drawable(font, "Łódź Müller 李")).toBe("Lódz Müller ?");
    const text = pdfText(await receiptPdf({ ...receipt, branchName: "Łódź", tellerName: "Zoë Ŝ" }));
    expect(text).toEqual(expect.arrayContaining(["Lódz", "Zoë S"]));
  });

  it("speaks the language of the person printing it, with the time still in the branch's zone", async () => {
    const text = pdfText(await receiptPdf(receipt, "de"));
    expect(text).toEqual(
      expect.arrayContaining([
        "Quittung über die Kartenaushändigung",
        "Kartennummer",
        "Name auf der Karte",
        "Ausgehändigt von",
        "30.11.2026 14:05 (Europe/Berlin)",
        "Reisepass, endet auf X42",
        "Ich bestätige, dass ich die oben genannte Karte erhalten habe.",
        "Unterschrift des Kunden",
      ]),
    );
    expect(text).not.toContain("Customer's signature");
  });
});
