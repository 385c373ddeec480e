// CSV for spreadsheets: every cell quoted (RFC 4180), and a guard against formula injection.
// Excel runs a cell that starts with = + - @ (or a tab or carriage return before one) as a
// formula. A cell is one field for a comma locale, but German (and other) Excel splits a
// pasted or opened line on ";" and tabs too, so `UA;=1+1` becomes a second cell `=1+1`.
// Every ;- or tab-separated segment that starts with a formula character therefore gets a
// leading ' as well, which Excel and LibreOffice show as text.
const FORMULA_START = /^[=+\-@\t\r]/;
const SEPARATOR = /([;\t])/;

/** The text of one cell, before quoting. */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint") return String(value);
  return JSON.stringify(value);
}

/** Prefixes ' to the cell and to each ;/tab segment a spreadsheet would read as a formula. */
export function neutraliseFormulas(text: string): string {
  const guarded = FORMULA_START.test(text) ? `'${text}` : text;
  if (!/[;\t]/.test(guarded)) return guarded;
  // split() with a capturing group keeps the separators at the odd indexes.
  return guarded
    .split(SEPARATOR)
    .map((part, i) => (i % 2 === 0 && i > 0 && FORMULA_START.test(part) ? `'${part}` : part))
    .join("");
}

/** One cell, always quoted, so no separator or line break inside a value can start a new cell. */
export function csvCell(value: unknown): string {
  const text = cellText(value);
  // Numbers cannot be formulas; a ' would turn -5 into text.
  const safe = typeof value === "number" || typeof value === "bigint" ? text : neutraliseFormulas(text);
  return `"${safe.replace(/"/g, '""')}"`;
}

export function csvRow(values: unknown[]): string {
  return `${values.map(csvCell).join(",")}\r\n`;
}

/** A byte-order mark so spreadsheet programs read the file as UTF-8. */
export const CSV_BOM = "\uFEFF";
