// The rule for a customer search the browser and the server share (no imports: it is bundled
// into the counter's search box). Letters or digits, not only punctuation: "%%" or ".." would
// match everything or nothing.

/** The fewest letters or digits a customer search needs. */
export const MIN_SEARCH_CHARACTERS = 2;

export function isSearchable(query: string): boolean {
  return (query.match(/[\p{L}\p{N}]/gu)?.length ?? 0) >= MIN_SEARCH_CHARACTERS;
}
