import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_ROOT, sourceFiles } from "@/test-support/source-files";
import { clientMessages, SERVER_ONLY_NAMESPACES } from "./client-messages";
import { MESSAGES } from "./messages";

/** Every source file that runs in the browser ("use client") under app/ and components/. */
function clientFiles(): string[] {
  return ["app", "components"]
    .flatMap((dir) => sourceFiles(dir))
    .filter((file) => /^\s*["']use client["']/.test(readFileSync(join(REPO_ROOT, file), "utf8")));
}

describe("the messages sent to the browser", () => {
  it("leave out the namespaces only the server renders, and keep every other", () => {
    const sent = clientMessages(MESSAGES.de);
    for (const namespace of SERVER_ONLY_NAMESPACES) {
      expect(MESSAGES.de).toHaveProperty(namespace);
      expect(sent).not.toHaveProperty(namespace);
    }
    expect(Object.keys(sent).length).toBe(Object.keys(MESSAGES.de).length - SERVER_ONLY_NAMESPACES.length);
    expect(sent).toHaveProperty("Vocab");
  });

  it("are enough: no client component asks for a server-only namespace", () => {
    const files = clientFiles();
    expect(files.length).toBeGreaterThan(20);
    const pattern = new RegExp(`useTranslations\\(\\s*["'](${SERVER_ONLY_NAMESPACES.join("|")})\\b`);
    expect(files.filter((file) => pattern.test(readFileSync(join(REPO_ROOT, file), "utf8")))).toEqual([]);
  });
});
