// Which station ids belong to a branch: a pattern the admin types without knowing regular
// expressions. `*` stands for any characters (none included), `?` for exactly one; everything
// else is literal and compared without regard to case, as station ids are unique regardless of
// case. A pattern without a wildcard is a prefix: `BR001-PS-` means `BR001-PS-*`.
// Dependency-free: the validation, the actions and the forms' hints all use it.

/** Characters a pattern may hold: a station id's own (letters, digits, `-`, `_`) plus `*` and `?`. */
export const STATION_PATTERN_CHARS = /^[A-Za-z0-9_\-*?]+$/;
export const STATION_PATTERN_MAX = 48;
/** A pattern must fix some characters, else it would let a branch claim every id (`*`). */
export const STATION_PATTERN_MIN_FIXED = 3;

const isWildcard = (c: string) => c === "*" || c === "?";

/** Trims and turns a prefix into a pattern; does not validate (see the branch schema). */
export function normalizeStationPattern(raw: string): string {
  const trimmed = raw.trim();
  if (trimmed === "" || [...trimmed].some(isWildcard)) return trimmed;
  return `${trimmed}*`;
}

export function fixedCharacters(pattern: string): number {
  return [...pattern].filter((c) => !isWildcard(c)).length;
}

/** The default for a new branch: ids that start with its code and a hyphen. */
export function defaultStationPattern(branchCode: string): string {
  return `${branchCode}-*`;
}

/**
 * Whether `id` matches `pattern` as a whole. Linear-time wildcard matching (backtracking only to
 * the last `*`), so no pattern can make a check slow, unlike a regular expression built from it.
 */
export function matchesStationPattern(pattern: string, id: string): boolean {
  const p = pattern.toUpperCase();
  const s = id.toUpperCase();
  let pi = 0;
  let si = 0;
  let star = -1;
  let resume = 0;
  while (si < s.length) {
    if (pi < p.length && (p[pi] === "?" || p[pi] === s[si])) {
      pi++;
      si++;
    } else if (pi < p.length && p[pi] === "*") {
      star = pi++;
      resume = si;
    } else if (star >= 0) {
      pi = star + 1;
      si = ++resume;
    } else {
      return false;
    }
  }
  while (pi < p.length && p[pi] === "*") pi++;
  return pi === p.length;
}
