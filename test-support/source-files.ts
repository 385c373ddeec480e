// The project's own source files, for tests that read the code itself (untranslated words,
// message keys, English maps, simulator codes): repo-relative paths under one folder, tests left out.
import { readdirSync } from "node:fs";
import { join, relative } from "node:path";

export const REPO_ROOT = join(import.meta.dirname, "..");

/** Files under `dir` (repo-relative) whose name matches `extension`, without *.test.* files. */
export function sourceFiles(dir: string, extension: RegExp = /\.tsx?$/): string[] {
  return readdirSync(join(REPO_ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && extension.test(e.name) && !e.name.includes(".test."))
    .map((e) => relative(REPO_ROOT, join(e.parentPath, e.name)));
}
