// The hand-over receipt the customer signs, as a one-page A4 PDF (pdf-lib, standard Helvetica:
// no font files to ship). It prints the card's last four digits at most, never more card data.
// Its words are the Receipt messages in the language of the person printing it (the customer signs
// at their counter); the time is the branch's, in the one format of lib/datetime.ts.
import { createTranslator } from "next-intl";
import { PDFDocument, StandardFonts, rgb, type PDFFont } from "pdf-lib";
import type { ReceiptData } from "@/db/queries/receipt";
import { formatDateTime } from "@/lib/datetime";
import { MESSAGES } from "@/lib/i18n/messages";
import type { Locale } from "@/lib/vocabulary";

// Letters that do not decompose into a base letter and an accent.
const BASE_LETTER: Record<string, string> = { Ł: "L", ł: "l", Đ: "D", đ: "d", Ħ: "H", ħ: "h", ı: "i" };

/** Text the standard fonts can draw (WinAnsi): accents kept where they exist, others dropped, the rest "?". */
export function drawable(font: PDFFont, text: string): string {
  let out = "";
  for (const ch of text.normalize("NFC")) {
    const candidates = [ch, BASE_LETTER[ch] ?? ch.normalize("NFD").replace(/\p{M}/gu, "")];
    const ok = candidates.find((c) => {
      if (!c) return false;
      try {
        font.encodeText(c);
        return true;
      } catch {
        return false;
      }
    });
    out += ok ?? "?";
  }
  return out;
}

export async function receiptPdf(
  receipt: ReceiptData & { bankName: string },
  locale: Locale = "en",
): Promise<Uint8Array> {
  // createTranslator, not getTranslations: the same messages, and no request needed (tests, jobs).
  const t = createTranslator({ locale, messages: MESSAGES[locale], namespace: "Receipt" });
  const vocab = createTranslator({ locale, messages: MESSAGES[locale], namespace: "Vocab" });
  const doc = await PDFDocument.create();
  const regular = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  doc.setTitle(
    `${receipt.training ? `${t("trainingMark")} ` : ""}${t("documentTitle", { reference: receipt.issuerRequestId })}`,
  );
  doc.setLanguage(locale);
  doc.setProducer("Branch Instant Issuance");
  doc.setCreator("Branch Instant Issuance");
  const page = doc.addPage([595.28, 841.89]);
  const left = 60;
  let y = 770;
  const line = (text: string, font: PDFFont, size: number, gap: number) => {
    page.drawText(drawable(font, text), { x: left, y, size, font, color: rgb(0, 0, 0) });
    y -= gap;
  };

  // A training card is no card: the receipt says so first, in red, so it is never mistaken for one.
  if (receipt.training) {
    page.drawText(drawable(bold, t("trainingMark")), {
      x: left,
      y: y + 30,
      size: 14,
      font: bold,
      color: rgb(0.7, 0, 0),
    });
  }
  line(receipt.bankName, bold, 18, 24);
  line(receipt.branchName, regular, 12, 40);
  line(t("title"), bold, 16, 32);

  const handedOver = receipt.handedOverAt ? formatDateTime(receipt.handedOverAt, receipt.timezone, locale) : "";
  const rows: Array<[string, string]> = [
    [t("card"), receipt.productName],
    [t("cardNumber"), `•••• ${receipt.panLast4 ?? ""}`],
    [t("nameOnCard"), receipt.nameOnCard],
    [t("handedOver"), t("handedOverAt", { at: handedOver, zone: receipt.timezone })],
    [t("handedOverBy"), receipt.tellerName ?? ""],
    [
      t("idChecked"),
      receipt.idDocumentType
        ? t("idEnding", {
            document: vocab(`idDocument.${receipt.idDocumentType}`),
            last: receipt.idDocumentLast ?? "",
          })
        : "",
    ],
    [t("reference"), receipt.issuerRequestId],
  ];
  for (const [label, value] of rows) {
    page.drawText(drawable(bold, label), { x: left, y, size: 11, font: bold });
    page.drawText(drawable(regular, value), { x: left + 170, y, size: 11, font: regular });
    y -= 20;
  }

  y -= 30;
  line(t("confirm"), regular, 11, 70);
  page.drawLine({ start: { x: left, y }, end: { x: left + 260, y }, thickness: 0.8 });
  page.drawLine({ start: { x: left + 300, y }, end: { x: left + 470, y }, thickness: 0.8 });
  y -= 14;
  page.drawText(drawable(regular, t("signature")), { x: left, y, size: 9, font: regular });
  page.drawText(drawable(regular, t("date")), { x: left + 300, y, size: 9, font: regular });
  return doc.save({ useObjectStreams: false });
}
