// The product knows only the error codes D1 documents (d1-api.md §9). The simulator's own `SIM_`
// codes must never be matched on in app/, components/, lib/ or db/: a branch written for one
// would work against the simulator and never against D1. This scans every string literal of the
// product code (tests aside, they may assert what the simulator answers); the `SIM_*` settings
// declared in lib/env.ts are names of settings, not codes, and are allowed.
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { sourceFiles } from "@/test-support/source-files";

const root = fileURLToPath(new URL(".", import.meta.url));
const PRODUCT_DIRS = ["app", "components", "lib", "db"];
const SIM_CODE = /\bSIM_[A-Z0-9_]+\b/g;

const settings = new Set(
  [...readFileSync(path.join(root, "lib/env.ts"), "utf8").matchAll(/^\s+(SIM_[A-Z0-9_]+):/gm)].map((m) => m[1]),
);

const LITERALS = new Set([
  ts.SyntaxKind.StringLiteral,
  ts.SyntaxKind.NoSubstitutionTemplateLiteral,
  ts.SyntaxKind.TemplateHead,
  ts.SyntaxKind.TemplateMiddle,
  ts.SyntaxKind.TemplateTail,
  ts.SyntaxKind.JsxText,
]);

/** `SIM_` codes inside string, template or JSX text literals; comments and identifiers are not read. */
export function simCodesIn(source: string, fileName: string): string[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (LITERALS.has(node.kind)) {
      const text = (node as ts.LiteralLikeNode).text;
      for (const [code] of text.matchAll(SIM_CODE)) if (!settings.has(code)) found.push(code);
    }
    node.forEachChild(visit);
  };
  visit(file);
  return found;
}

describe("no simulator error codes in product code", () => {
  it("finds none in app/, components/, lib/ or db/", () => {
    const files = PRODUCT_DIRS.flatMap((dir) => sourceFiles(dir, /\.(ts|tsx|mts|mjs|js)$/));
    expect(files.length).toBeGreaterThan(50);
    const offences = files.flatMap((f) =>
      simCodesIn(readFileSync(path.join(root, f), "utf8"), f).map((code) => `${f}: ${code}`),
    );
    expect(offences).toEqual([]);
  });

  it("catches a planted code in a string, a template and JSX, and lets settings and comments be", () => {
    expect(simCodesIn(`if (body.errorCode === "SIM_UNKNOWN_PERSO_STATION") return 1;`, "a.ts")).toEqual([
      "SIM_UNKNOWN_PERSO_STATION",
    ]);
    expect(simCodesIn("const m = `code ${x} was SIM_CARD_JAM`;", "b.ts")).toEqual(["SIM_CARD_JAM"]);
    expect(simCodesIn(`const e = <p>SIM_NOT_FOUND</p>;`, "c.tsx")).toEqual(["SIM_NOT_FOUND"]);
    expect(simCodesIn(`// SIM_CARD_JAM is the simulator's\nconst x = { SIM_PORT: 1 }; f("SIM_PORT");`, "d.ts")).toEqual(
      [],
    );
  });
});
