// The hand-over receipt the customer signs, as a one-page A4 PDF (pdf-lib, standard Helvetica:
// no font files to ship). It prints the card's last four digits at most, never more card data.
import { PDFDocument, StandardFonts, rgb, type PDFFont } from "pdf-lib";
import type { ReceiptData } from "@/db/queries/receipt";
import { ID_DOCUMENT_LABEL } from "@/lib/hand-over/labels";
import { formatDateTime } from "@/lib/datetime";

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

export async function receiptPdf(receipt: ReceiptData & { bankName: string }): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const regular = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  doc.setTitle(`${receipt.training ? "TRAINING " : ""}Card hand-over receipt ${receipt.issuerRequestId}`);
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
    page.drawText("TRAINING - NOT A REAL CARD", { x: left, y: y + 30, size: 14, font: bold, color: rgb(0.7, 0, 0) });
  }
  line(receipt.bankName, bold, 18, 24);
  line(receipt.branchName, regular, 12, 40);
  line("Card hand-over receipt", bold, 16, 32);

  const handedOver = receipt.handedOverAt ? formatDateTime(receipt.handedOverAt, receipt.timezone) : "";
  const rows: Array<[string, string]> = [
    ["Card", receipt.productName],
    ["Card number", `•••• ${receipt.panLast4 ?? ""}`],
    ["Name on the card", receipt.nameOnCard],
    ["Handed over", `${handedOver} (${receipt.timezone})`],
    ["Handed over by", receipt.tellerName ?? ""],
    [
      "Identity document checked",
      receipt.idDocumentType
        ? `${ID_DOCUMENT_LABEL[receipt.idDocumentType]} ending in ${receipt.idDocumentLast ?? ""}`
        : "",
    ],
    ["Reference", receipt.issuerRequestId],
  ];
  for (const [label, value] of rows) {
    page.drawText(drawable(bold, label), { x: left, y, size: 11, font: bold });
    page.drawText(drawable(regular, value), { x: left + 170, y, size: 11, font: regular });
    y -= 20;
  }

  y -= 30;
  line("I confirm that I received the card above.", regular, 11, 70);
  page.drawLine({ start: { x: left, y }, end: { x: left + 260, y }, thickness: 0.8 });
  page.drawLine({ start: { x: left + 300, y }, end: { x: left + 470, y }, thickness: 0.8 });
  y -= 14;
  page.drawText("Customer's signature", { x: left, y, size: 9, font: regular });
  page.drawText("Date", { x: left + 300, y, size: 9, font: regular });
  return doc.save({ useObjectStreams: false });
}
