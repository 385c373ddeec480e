// Every relative link in the README and docs/ must reach a file of the repository, and a `#part`
// a heading of that file: docs that move or get renamed would otherwise leave dead links behind.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("..", import.meta.url));

/** Markdown without fenced code blocks and inline code, where brackets are not links. */
function prose(markdown: string): string {
  return markdown.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, "").replace(/`[^`\n]*`/g, "");
}

/** Targets of inline links and images (`[text](target)`) and of reference definitions. */
function linkTargets(markdown: string): string[] {
  const text = prose(markdown);
  const inline = [...text.matchAll(/!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)].map((m) => m[1] ?? "");
  const references = [...text.matchAll(/^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)/gm)].map((m) => m[1] ?? "");
  return [...inline, ...references];
}

/** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens, repeats numbered. */
function anchors(markdown: string): Set<string> {
  const seen = new Map<string, number>();
  const out = new Set<string>();
  const withoutFences = markdown.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, "");
  for (const match of withoutFences.matchAll(/^#{1,6}\s+(.+?)\s*#*\s*$/gm)) {
    const base = (match[1] ?? "")
      .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s_-]/gu, "")
      .trim()
      .replace(/\s/g, "-");
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    out.add(count === 0 ? base : `${base}-${count}`);
  }
  return out;
}

const isExternal = (target: string) => /^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith("//");

/** The links of one Markdown file (path relative to the root) that lead nowhere, with the reason. */
function brokenLinks(file: string, markdown: string): string[] {
  const broken: string[] = [];
  for (const target of linkTargets(markdown)) {
    if (isExternal(target)) continue;
    const [rawPath = "", hash] = target.split("#", 2);
    if (!rawPath) {
      if (hash && !anchors(markdown).has(hash.toLowerCase())) broken.push(`${target}: no heading #${hash} in ${file}`);
      continue;
    }
    const resolved = path.resolve(ROOT, path.dirname(file), decodeURIComponent(rawPath));
    if (!resolved.startsWith(ROOT)) {
      broken.push(`${target}: outside the repository`);
      continue;
    }
    if (!existsSync(resolved)) {
      broken.push(`${target}: no such file`);
      continue;
    }
    if (hash && resolved.endsWith(".md") && !anchors(readFileSync(resolved, "utf8")).has(hash.toLowerCase())) {
      broken.push(`${target}: no heading #${hash} in ${path.relative(ROOT, resolved)}`);
    }
  }
  return broken;
}

const DOCS = [
  "README.md",
  ...readdirSync(path.join(ROOT, "docs"))
    .filter((f) => f.endsWith(".md"))
    .map((f) => `docs/${f}`),
];

describe("documentation links", () => {
  it("finds the README and the docs", () => {
    expect(DOCS).toContain("README.md");
    expect(DOCS).toContain("docs/contributing.md");
  });

  for (const file of DOCS) {
    it(`${file}: every relative link reaches a file and heading`, () => {
      expect(brokenLinks(file, readFileSync(path.join(ROOT, file), "utf8"))).toEqual([]);
    });
  }

  it("reports a missing file, a missing heading and a way out of the repository, not code or URLs", () => {
    const markdown = [
      "# Title",
      "## Same name",
      "## Same name",
      "[ok](contributing.md#add-a-page) [ok](#same-name-1) [ok](../README.md) ![ok](images/counter.png)",
      "[gone](nowhere.md) [gone](#no-such-heading) [gone](settings.md#no-such-heading) [out](../../etc/passwd)",
      "[web](https://example.com/x.md) `[code](not-a-link.md)`",
      "```md",
      "[fenced](not-a-link-either.md)",
      "```",
      "[ref]: missing-reference.md",
    ].join("\n");
    expect(brokenLinks("docs/example.md", markdown)).toEqual([
      "nowhere.md: no such file",
      "#no-such-heading: no heading #no-such-heading in docs/example.md",
      "settings.md#no-such-heading: no heading #no-such-heading in docs/settings.md",
      "../../etc/passwd: outside the repository",
      "missing-reference.md: no such file",
    ]);
  });
});
