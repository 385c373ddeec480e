// Test support only: the text a PDF made by pdf-lib shows. pdf-lib cannot extract text, so this
// inflates each content stream and decodes the hex strings of its text operators (Tj), as pdf-lib
// writes them for the standard fonts (WinAnsi). Enough for our own receipts, not for any PDF.
import { inflateSync } from "node:zlib";

// WinAnsi differs from Latin-1 in 0x80–0x9F; the receipt uses only the bullet there.
const WIN_ANSI: Record<number, string> = { 0x95: "•", 0x96: "–", 0x97: "—", 0x80: "€" };

export function pdfText(bytes: Uint8Array): string[] {
  const buffer = Buffer.from(bytes);
  const source = buffer.toString("latin1");
  const lines: string[] = [];
  const stream = /stream\r?\n/g;
  let match: RegExpExecArray | null;
  while ((match = stream.exec(source))) {
    const start = match.index + match[0].length;
    const end = source.indexOf("endstream", start);
    if (end < 0) break;
    let content: string;
    try {
      content = inflateSync(buffer.subarray(start, end)).toString("latin1");
    } catch {
      content = buffer.subarray(start, end).toString("latin1");
    }
    for (const text of content.matchAll(/<([0-9A-Fa-f]*)>\s*Tj/g)) {
      const hex = text[1]!;
      let line = "";
      for (let i = 0; i < hex.length; i += 2) {
        const code = parseInt(hex.slice(i, i + 2), 16);
        line += WIN_ANSI[code] ?? String.fromCharCode(code);
      }
      lines.push(line);
    }
    stream.lastIndex = end;
  }
  return lines;
}
