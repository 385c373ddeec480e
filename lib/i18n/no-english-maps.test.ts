// Fails when a screen shows a word from one of the server's English maps (PROBLEM_LABEL,
// SPOIL_REASON_LABEL, …): those read the English messages for logs, CSV and tests, so a German reader
// would see English (docs/translating.md). The maps are found, not listed: every export of a lib/
// module whose value reads an English message file. The scan is checked on known maps below, so
// this test cannot pass by finding nothing.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { REPO_ROOT as ROOT, sourceFiles as files } from "@/test-support/source-files";

const parse = (file: string) =>
  ts.createSourceFile(file, readFileSync(join(ROOT, file), "utf8"), ts.ScriptTarget.Latest, true);

const exported = (s: ts.Statement) =>
  ts.canHaveModifiers(s) && (ts.getModifiers(s) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);

/** For each lib module ("@/lib/…" without extension), the exports whose value reads English messages. */
function englishExports(): Map<string, Set<string>> {
  const found = new Map<string, Set<string>>();
  for (const file of files("lib", /\.ts$/).filter((f) => !f.startsWith("lib/i18n/"))) {
    const source = parse(file);
    const english = source.statements.flatMap((s) =>
      ts.isImportDeclaration(s) &&
      ts.isStringLiteral(s.moduleSpecifier) &&
      s.moduleSpecifier.text.includes("/messages/en/") &&
      s.importClause?.name
        ? [s.importClause.name.text]
        : [],
    );
    if (english.length === 0) continue;
    const reads = (node: ts.Node) => english.some((name) => new RegExp(`\\b${name}\\s*[.[]`).test(node.getText()));
    const names = new Set<string>();
    for (const s of source.statements) {
      if (!exported(s) || !reads(s)) continue;
      if (ts.isVariableStatement(s))
        for (const d of s.declarationList.declarations) if (ts.isIdentifier(d.name)) names.add(d.name.text);
      // A type guard that checks a key against the English file returns no words.
      if (ts.isFunctionDeclaration(s) && s.name && !(s.type && ts.isTypePredicateNode(s.type))) names.add(s.name.text);
    }
    if (names.size > 0) found.set(`@/${file.replace(/\.ts$/, "")}`, names);
  }
  return found;
}

/** "file: name" for each English export a screen imports. */
function englishOnScreens(maps: Map<string, Set<string>>): string[] {
  const screens = [...files("app", /\.tsx$/), ...files("components", /\.tsx?$/)];
  return screens.flatMap((file) =>
    parse(file).statements.flatMap((s) => {
      if (!ts.isImportDeclaration(s) || !ts.isStringLiteral(s.moduleSpecifier)) return [];
      const names = maps.get(s.moduleSpecifier.text);
      const bindings = s.importClause?.namedBindings;
      if (!names || !bindings || !ts.isNamedImports(bindings) || s.importClause.isTypeOnly) return [];
      return bindings.elements
        .map((e) => (e.propertyName ?? e.name).text)
        .filter((name) => names.has(name))
        .map((name) => `${file}: ${name}`);
    }),
  );
}

describe("no English label maps on screens", () => {
  const maps = englishExports();

  it("finds the English maps", () => {
    expect(maps.get("@/lib/stock/labels")).toContain("SPOIL_REASON_LABEL");
    expect(maps.get("@/lib/issuance/station-problems")).toContain("PROBLEM_LABEL");
  });

  it("finds a screen that imports one", () => {
    expect(englishOnScreens(new Map([["@/components/branch-time", new Set(["Time"])]]))).toContain(
      "components/manager/board-jobs-table.tsx: Time",
    );
  });

  it("no component or page imports one", () => {
    expect(englishOnScreens(maps)).toEqual([]);
  });
});
