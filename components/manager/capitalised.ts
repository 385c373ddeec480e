/** A vocabulary word as the start of a sentence or a table cell ("jammed" → "Jammed"), in the user's language. */
export const capitalisedIn = (label: string, locale: string) =>
  label.charAt(0).toLocaleUpperCase(locale) + label.slice(1);
