// Secrets come from the environment only (lib/env.ts); development ones are generated into
// .data/ at run time. This scans the product's source (not tests, test harnesses or the
// simulator, which make their own throwaway keys) for secrets written into the code.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOTS = ["app", "components", "lib", "db", "scripts", "proxy.ts", "next.config.mjs", "instrumentation.ts"];
const SKIP = [/\.test\.tsx?$/, /^db\/testing\//, /^db\/migrations\//, /^scripts\/lib\/app-harness\.ts$/];
// The demo sign-in password is public by design (printed by `npm start`, seeded only into demo data).
const ALLOWED = [
  /^db\/seed-data\.ts: export const DEMO_PASSWORD = "branch-demo-2026";$/,
  // The name of a header that carries a secret is not one.
  /: export const \w+_HEADER = "x-[a-z-]+";$/,
];

const PATTERNS: [string, RegExp][] = [
  ["PEM private key", /-----BEGIN [A-Z ]*PRIVATE KEY-----\r?\n[A-Za-z0-9+/]/],
  [
    "secret-like literal",
    /\b\w*(?:secret|password|passwd|token|api_?key|private_?key)\w*["']?\s*[:=]\s*["'`][A-Za-z0-9+=_.~-]{12,}["'`]/i,
  ],
  ["JWT literal", /\beyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\./],
  ["AWS access key", /\bAKIA[0-9A-Z]{16}\b/],
];

function files(entry: string, out: string[] = []): string[] {
  const stat = statSync(entry, { throwIfNoEntry: false });
  if (!stat) return out;
  if (stat.isDirectory()) for (const name of readdirSync(entry)) files(path.join(entry, name), out);
  else if (/\.(ts|tsx|mjs|js)$/.test(entry) && !SKIP.some((re) => re.test(entry))) out.push(entry);
  return out;
}

describe("secrets only from the environment", () => {
  const sources = ROOTS.flatMap((r) => files(r));

  it("finds no secret written into the product's source", () => {
    expect(sources.length).toBeGreaterThan(100);
    const findings: string[] = [];
    for (const file of sources) {
      const lines = readFileSync(file, "utf8").split("\n");
      lines.forEach((line, i) => {
        for (const [what, re] of PATTERNS) {
          const where = `${file}: ${line.trim()}`;
          if (re.test(line) && !ALLOWED.some((a) => a.test(where))) findings.push(`${what} at ${file}:${i + 1}`);
        }
      });
      const text = lines.join("\n");
      if (PATTERNS[0]![1].test(text)) findings.push(`PEM private key in ${file}`);
    }
    expect(findings).toEqual([]);
  });

  it("the patterns do catch a secret", () => {
    expect(PATTERNS[1]![1].test('const AUTH_SECRET = "0123456789abcdef0123";')).toBe(true);
    expect(PATTERNS[1]![1].test('clientSecret: "s3cr3t-value-here"')).toBe(true);
    expect(PATTERNS[0]![1].test("-----BEGIN PRIVATE KEY-----\nMIIE")).toBe(true);
  });

  // instrumentation.ts reads NEXT_RUNTIME, which Next.js sets itself (not a setting).
  it("only lib/env.ts reads process.env in the app's code", () => {
    const readers = sources.filter(
      (f) =>
        !f.startsWith("scripts/") &&
        !f.startsWith("db/") &&
        !["next.config.mjs", "instrumentation.ts"].includes(f) &&
        /process\.env\b/.test(readFileSync(f, "utf8")),
    );
    expect(readers).toEqual(["lib/env.ts"]);
  });
});
