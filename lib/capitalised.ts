/**
 * A vocabulary word as the start of a sentence or a table cell ("jammed" → "Jammed"), with the
 * language's own upper case: the screens (in the user's language) and the report CSV (English).
 */
export const capitalisedIn = (label: string, locale: string) =>
  label.charAt(0).toLocaleUpperCase(locale) + label.slice(1);
