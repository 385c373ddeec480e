// Fails when a component shows words that do not come from the messages (docs/translating.md):
// every .tsx under app/ and components/ is parsed and its JSX text, rendered strings and text
// attributes are listed with file:line. The checker itself is tested on small sources below, so
// this test cannot pass by finding nothing.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_ROOT as ROOT, sourceFiles } from "@/test-support/source-files";
import { findLiteralStrings, isWords } from "./literal-strings";

const files = [...sourceFiles("app", /\.tsx$/), ...sourceFiles("components", /\.tsx$/)].sort();

/** "file:line kind text" for each untranslated string in the files. */
function report(list: string[]): string[] {
  return list.flatMap((file) =>
    findLiteralStrings(readFileSync(join(ROOT, file), "utf8"), file).map(
      (f) => `${file}:${f.line} ${f.attribute ?? f.kind} ${JSON.stringify(f.text)}`,
    ),
  );
}

describe("no untranslated strings in components", () => {
  it("finds the components to scan", () => {
    expect(files).toContain("components/app-shell.tsx");
    expect(files).toContain("app/(teller)/teller/customers/[customerId]/page.tsx");
    expect(files.length).toBeGreaterThan(100);
  });

  it("every component takes its words from the messages", () => {
    expect(report(files)).toEqual([]);
  });
});

describe("the literal string checker", () => {
  const texts = (source: string) => findLiteralStrings(source).map((f) => [f.line, f.kind, f.text, f.attribute]);

  it("finds JSX text with letters, with its line", () => {
    expect(texts(`const A = () => (\n  <p>\n    Hello there\n  </p>\n);`)).toEqual([
      [3, "jsx-text", "Hello there", undefined],
    ]);
    expect(texts(`const A = () => <p>{t("hello")} · — : 42 %</p>;`)).toEqual([]);
  });

  it("finds strings a JSX expression renders: plain, in a condition, after && ?? ||, in a template", () => {
    expect(texts(`const A = () => <p>{"Plain"}</p>;`)).toEqual([[1, "jsx-expression", "Plain", undefined]]);
    expect(texts(`const A = () => <p>{busy ? "Saving…" : t("save")}</p>;`)).toEqual([
      [1, "jsx-expression", "Saving…", undefined],
    ]);
    expect(texts(`const A = () => <p>{x && "Shown"}{y ?? "Fallback"}{\`\${n} items\`}</p>;`).map((f) => f[2])).toEqual([
      "Shown",
      "Fallback",
      "items",
    ]);
    // Message keys passed to a call are not text; a separator in a template is not words.
    expect(texts(`const A = () => <p>{t("Shell.signOut")}{\`\${a} · \${b}\`}{fmt("dateTime")}</p>;`)).toEqual([]);
  });

  it("finds text attributes and text props, not class names, ids, test ids, links or types", () => {
    const source = `const A = () => (
      <div className="flex gap-2" id="main" data-testid="summary-box" role="status">
        <input type="text" placeholder="Type here" name="query" aria-label={open ? "Close" : "Open"} />
        <img src="/x.png" alt="Card face" />
        <a href="/teller" title="Home page">{t("home")}</a>
        <Field label="Full name" hint={t("hint")} />
        <Confirm confirmLabel="Delete for good" emptyText="Nothing here" submitLabel={t("save")} />
        <BarList unit="cards" empty="No card yet" items={items} />
      </div>
    );`;
    expect(findLiteralStrings(source).map((f) => `${f.line} ${f.attribute} ${f.text}`)).toEqual([
      "3 placeholder Type here",
      "3 aria-label Close",
      "3 aria-label Open",
      "4 alt Card face",
      "5 title Home page",
      "6 label Full name",
      "7 confirmLabel Delete for good",
      "7 emptyText Nothing here",
      "8 unit cards",
      "8 empty No card yet",
    ]);
  });

  it("allows the brand, D1 and code-like tokens, and symbols", () => {
    for (const allowed of ["Branch Instant Issuance", "D1", "job.close", "SIM_CARD_JAM", "·", "—", ":", "•••• 1234"]) {
      expect(isWords(allowed), allowed).toBe(false);
    }
    for (const words of ["Branch", "Instant issuance", "D1 is down", "Close", "Schließen", "n/a"]) {
      expect(isWords(words), words).toBe(true);
    }
  });
});
