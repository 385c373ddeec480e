// What a teller's search text holds besides a name: a date of birth written the ways people
// write it, and an initial ("x muller"). Pure functions, shared by the search and its tests.

/** The ISO date of a valid calendar day, or null ("2023-02-30" is not one). */
function isoDay(year: string, month: string, day: string): string | null {
  const iso = `${year}-${month.padStart(2, "0")}-${day.padStart(2, "0")}`;
  const d = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== iso ? null : iso;
}

const DATE_FORMS: Array<{ re: RegExp; parts: (m: RegExpExecArray) => [string, string, string] }> = [
  // 1985-03-02 (ISO)
  { re: /(?<!\d)(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)/, parts: (m) => [m[1]!, m[2]!, m[3]!] },
  // 02.03.1985 (German), 02/03/1985 (day first, as in Germany)
  { re: /(?<!\d)(\d{1,2})[./](\d{1,2})[./](\d{4})(?!\d)/, parts: (m) => [m[3]!, m[2]!, m[1]!] },
];

/** A date of birth in the query and the text without it: "muller 02.03.1985" → 1985-03-02, "muller". */
export function splitBirthDate(query: string): { dateOfBirth: string | null; rest: string } {
  for (const { re, parts } of DATE_FORMS) {
    const m = re.exec(query);
    if (!m) continue;
    const day = isoDay(...parts(m));
    if (day)
      return { dateOfBirth: day, rest: `${query.slice(0, m.index)} ${query.slice(m.index + m[0].length)}`.trim() };
  }
  return { dateOfBirth: null, rest: query };
}

/** A lone letter beside a name ("x muller", "muller x."): the initial of a given name and the name without it. */
export function splitInitial(name: string): { initial: string; rest: string } {
  const words = name
    .toLowerCase()
    .split(/[\s.]+/)
    .filter(Boolean);
  const at = words.length < 2 ? -1 : words.findIndex((w) => /^\p{L}$/u.test(w));
  if (at < 0) return { initial: "", rest: name };
  return { initial: words[at]!, rest: words.filter((_, i) => i !== at).join(" ") };
}
