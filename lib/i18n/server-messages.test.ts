// What the server says exists in every language: each error code's sentence, and every message
// key the server code names (msg("…"), v("…") in lib/, app/ and db/). Keys built from a
// vocabulary (`Vocab.jobState.${state}`) are checked by tsc, whose types come from English.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { codeMessage, ERROR_TYPES, SURFACES } from "@/lib/errors";
import { LOCALES } from "@/lib/vocabulary";
import { REPO_ROOT, sourceFiles } from "@/test-support/source-files";
import { isMessageKey, render } from "./message";
import { MESSAGES } from "./messages";

function has(locale: (typeof LOCALES)[number], key: string): boolean {
  let node: unknown = MESSAGES[locale];
  for (const part of key.split(".")) {
    if (typeof node !== "object" || node === null || !Object.hasOwn(node, part)) return false;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === "string" && node.trim() !== "";
}

const KEY_USE = /\b(?:msg|v)\(\s*"([A-Za-z0-9_.]+)"/g;

describe("the server's messages", () => {
  it("have a sentence for every error code in every language", () => {
    for (const type of ERROR_TYPES) {
      for (const surface of SURFACES) {
        const { key } = codeMessage(`${type}:${surface}`);
        for (const locale of LOCALES) expect(has(locale, key), `${locale}: ${key}`).toBe(true);
      }
    }
  });

  it("have every key the server code names, in every language", () => {
    const used = new Set<string>();
    for (const file of ["lib", "app", "db"].flatMap((dir) => sourceFiles(dir))) {
      for (const match of readFileSync(join(REPO_ROOT, file), "utf8").matchAll(KEY_USE)) used.add(match[1]!);
    }
    // The scan finds the keys (a broken pattern would pass with none).
    expect(used.size).toBeGreaterThan(200);
    const missing = [...used].flatMap((key) => LOCALES.filter((l) => !has(l, key)).map((l) => `${l}: ${key}`));
    expect(missing).toEqual([]);
  });

  it("speak German in German: no error code's sentence is left in English", () => {
    const english = ERROR_TYPES.flatMap((type) =>
      SURFACES.map((surface) => codeMessage(`${type}:${surface}`)).filter((m) => render(m, "de") === render(m, "en")),
    );
    expect(english).toEqual([]);
    expect(isMessageKey("Errors.code.forbidden_branch")).toBe(true);
    expect(isMessageKey("Errors.nothing")).toBe(false);
  });
});
