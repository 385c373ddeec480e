import { describe, expect, it } from "vitest";
import { CSV_BOM, csvCell, csvRow, neutraliseFormulas } from "./csv";

/** How a semicolon-locale spreadsheet (German Excel) splits one unquoted cell's text. */
const semicolonCells = (cell: string) => cell.replace(/^"|"$/g, "").replace(/""/g, '"').split(/[;\t]/);
const runsAsFormula = (segment: string) => /^[=+\-@\t\r]/.test(segment);

describe("CSV cells", () => {
  it("quotes every cell, and doubles quotes inside", () => {
    expect(csvCell('say "hi", then go')).toBe('"say ""hi"", then go"');
    expect(csvCell("two\nlines")).toBe('"two\nlines"');
    expect(csvCell("plain")).toBe('"plain"');
    expect(csvCell(42)).toBe('"42"');
  });

  it("neutralises cells a spreadsheet would run as formulas", () => {
    for (const evil of ['=HYPERLINK("http://x")', "+1+1", "-2+3", "@SUM(A1)", "\tTAB", "\r=1"]) {
      expect(csvCell(evil).startsWith(`"'`)).toBe(true);
    }
    expect(csvCell("=1,2")).toBe(`"'=1,2"`);
  });

  it("neutralises every ;- or tab-separated segment for semicolon locales (the pentest's User-Agent)", () => {
    const payload = "PentestUA;=1+1;=cmd|' /C calc'!A0";
    expect(csvCell(payload)).toBe(`"PentestUA;'=1+1;'=cmd|' /C calc'!A0"`);
    const cells = semicolonCells(csvCell(payload));
    expect(cells).toHaveLength(3);
    expect(cells.some(runsAsFormula)).toBe(false);
    for (const evil of ["a\t=1+1", "a;+1", "a;-1;@x", "x;\t=1", "x;\r=1", "\t=1;=2"]) {
      expect(semicolonCells(csvCell(evil)).some(runsAsFormula), evil).toBe(false);
    }
  });

  it("leaves harmless text and numbers as they are", () => {
    expect(neutraliseFormulas("Mozilla/5.0 (X11; Linux x86_64)")).toBe("Mozilla/5.0 (X11; Linux x86_64)");
    expect(neutraliseFormulas("a-b;c=d")).toBe("a-b;c=d");
    expect(csvCell(-5)).toBe('"-5"');
  });

  it("writes dates as ISO, objects as JSON, an empty cell for null", () => {
    expect(csvCell(new Date("2026-01-02T03:04:05Z"))).toBe('"2026-01-02T03:04:05.000Z"');
    expect(csvCell({ a: 1 })).toBe('"{""a"":1}"');
    expect(csvCell(null)).toBe('""');
    expect(csvRow(["a", 1, null])).toBe('"a","1",""\r\n');
    expect(CSV_BOM).toBe("\uFEFF");
  });
});
