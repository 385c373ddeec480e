// Finds user-visible text written into a component instead of taken from the messages: JSX text,
// strings rendered from a JSX expression, and strings given to attributes and props a person reads
// (aria-label, title, placeholder, alt, label, …Label, …Text). Used by no-literal-strings.test.ts
// only (it needs the TypeScript compiler, a devDependency).
import ts from "typescript";

export type LiteralKind = "jsx-text" | "jsx-expression" | "attribute";

export type LiteralString = { line: number; kind: LiteralKind; text: string; attribute?: string };

/** Attributes whose value a person reads or hears. */
const TEXT_ATTRIBUTES = new Set([
  "aria-label",
  "aria-description",
  "aria-placeholder",
  "aria-roledescription",
  "aria-valuetext",
  "title",
  "placeholder",
  "alt",
  "label",
  // Props of our own components that are plainly text (components/ui/card.tsx, field.tsx, …).
  "caption",
  "description",
  "hint",
  "heading",
  "legend",
  "summary",
  "message",
  "text",
  "empty",
  "warning",
  "unit",
]);

/** Props named like text: submitLabel, confirmLabel, emptyText, rowHeading, errorMessage, … */
const TEXT_PROP = /(Label|Text|Title|Heading|Hint|Message|Description|Caption|Placeholder|Sentence)$/;

/**
 * Text that is not a translation miss. Each entry says why; keep the list short.
 */
const ALLOWED: Array<string | RegExp> = [
  // The product's name is a brand, the same in every language.
  "Branch Instant Issuance",
  // Thales D1, the card issuing platform: a product name.
  "D1",
  // Code-like tokens: identifiers joined by dots or underscores, no spaces (job.close,
  // SIM_CARD_JAM), shown as codes on purpose. Not "n/a": that is a word.
  /^[A-Za-z0-9]+(?:[._][A-Za-z0-9]+)+$/,
];

/** Whether a piece of text would be read as words in some language: it has a letter and is not allowed. */
export function isWords(text: string): boolean {
  const trimmed = text.trim();
  if (!/\p{L}/u.test(trimmed)) return false;
  return !ALLOWED.some((a) => (typeof a === "string" ? a === trimmed : a.test(trimmed)));
}

function attributeName(name: ts.JsxAttributeName): string {
  return ts.isIdentifier(name) ? name.text : `${name.namespace.text}:${name.name.text}`;
}

/**
 * The string literals an expression renders as text: itself, both branches of a condition, the
 * right side of && || ??, both sides of +, and the fixed parts of a template. A call's arguments
 * (t("key"), a message key) and anything else are not rendered text.
 */
function renderedStrings(expr: ts.Expression): Array<{ node: ts.Node; text: string }> {
  if (ts.isStringLiteral(expr) || ts.isNoSubstitutionTemplateLiteral(expr)) return [{ node: expr, text: expr.text }];
  if (ts.isTemplateExpression(expr)) {
    return [
      { node: expr.head, text: expr.head.text },
      ...expr.templateSpans.flatMap((s) => [
        ...renderedStrings(s.expression),
        { node: s.literal, text: s.literal.text },
      ]),
    ];
  }
  if (ts.isParenthesizedExpression(expr) || ts.isAsExpression(expr) || ts.isSatisfiesExpression(expr)) {
    return renderedStrings(expr.expression);
  }
  if (ts.isConditionalExpression(expr)) return [...renderedStrings(expr.whenTrue), ...renderedStrings(expr.whenFalse)];
  if (ts.isBinaryExpression(expr)) {
    const op = expr.operatorToken.kind;
    if (op === ts.SyntaxKind.AmpersandAmpersandToken) return renderedStrings(expr.right);
    if (
      op === ts.SyntaxKind.BarBarToken ||
      op === ts.SyntaxKind.QuestionQuestionToken ||
      op === ts.SyntaxKind.PlusToken
    ) {
      return [...renderedStrings(expr.left), ...renderedStrings(expr.right)];
    }
  }
  return [];
}

/** Every untranslated string in one .tsx source, with its line (1-based). */
export function findLiteralStrings(source: string, fileName = "component.tsx"): LiteralString[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: LiteralString[] = [];
  const add = (node: ts.Node, kind: LiteralKind, text: string, attribute?: string) => {
    if (!isWords(text)) return;
    const line = file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1;
    found.push({ line, kind, text: text.trim().replace(/\s+/g, " "), ...(attribute ? { attribute } : {}) });
  };
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node)) add(node, "jsx-text", node.text);
    else if (ts.isJsxExpression(node) && node.expression && !ts.isJsxAttribute(node.parent)) {
      // A child of an element or fragment: what it evaluates to is shown.
      for (const s of renderedStrings(node.expression)) add(s.node, "jsx-expression", s.text);
    } else if (ts.isJsxAttribute(node) && node.initializer) {
      const name = attributeName(node.name);
      if (TEXT_ATTRIBUTES.has(name) || TEXT_PROP.test(name)) {
        const init = node.initializer;
        if (ts.isStringLiteral(init)) add(init, "attribute", init.text, name);
        else if (ts.isJsxExpression(init) && init.expression) {
          for (const s of renderedStrings(init.expression)) add(s.node, "attribute", s.text, name);
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}
