// The one string schema for text people (and D1) send us. PostgreSQL refuses NUL in text and
// jsonb, and a lone UTF-16 surrogate in jsonb, so such input would fail deep in a statement
// (internal:action, or a whole batch of D1 notifications); other control characters have no
// place in a name, a label or a search and can hide text in logs and exports. They are refused
// here with a message, before anything reaches the database.
import { z } from "zod";
import { v } from "@/lib/i18n/message";

// C0 controls except tab, line feed and carriage return, DEL, C1 controls, lone surrogates.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]|\p{Cs}/u;
// The same, plus tab and line breaks: what a one-line field may not hold.
const CONTROL_OR_BREAK = /[\u0000-\u001F\u007F-\u009F]|\p{Cs}/u;

export const CONTROL_MESSAGE = v("Validation.control");
const MULTILINE_MESSAGE = v("Validation.controlMultiline");

/** True when the text holds no control character (tabs and line breaks allowed when `multiline`). */
export function isCleanText(value: string, { multiline = false }: { multiline?: boolean } = {}): boolean {
  return !(multiline ? CONTROL : CONTROL_OR_BREAK).test(value);
}

/**
 * A string without control characters, trimmed unless `trim: false` (values from D1 are kept as
 * sent). Chain .min/.max/.regex as with z.string(). `multiline` allows tabs and line breaks.
 */
export function text(
  required?: string,
  { multiline = false, trim = true }: { multiline?: boolean; trim?: boolean } = {},
) {
  // Trimmed first, so a pasted trailing line break is not refused in a one-line field.
  const base = trim ? z.string(required).trim() : z.string(required);
  return base.refine((v) => isCleanText(v, { multiline }), {
    message: multiline ? MULTILINE_MESSAGE : CONTROL_MESSAGE,
    abort: true,
  });
}
