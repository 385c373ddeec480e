// The formatter is part of `npm run check`: an unformatted file fails it, and the Tailwind plugin
// puts class names in Tailwind's order, under the repository's own prettier.config.mjs.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import * as prettier from "prettier";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL(".", import.meta.url));
const filepath = `${root}components/__planted.tsx`;

async function options() {
  const config = await prettier.resolveConfig(filepath, { editorconfig: true });
  expect(config).not.toBeNull();
  return { ...config, filepath };
}

describe("formatting", () => {
  it("fails an unformatted file and passes it once formatted", async () => {
    const opts = await options();
    const messy = `export function A( ){return <div   className="p-4">{ "x" }</div>}\n`;
    expect(await prettier.check(messy, opts)).toBe(false);
    const formatted = await prettier.format(messy, opts);
    expect(await prettier.check(formatted, opts)).toBe(true);
  });

  it("sorts Tailwind classes, also inside cn()", async () => {
    const opts = await options();
    const out = await prettier.format(
      `export const a = <p className="text-sm p-4 flex" />;\nexport const b = cn("text-sm p-4 flex");\n`,
      opts,
    );
    expect(out).toContain(`className="flex p-4 text-sm"`);
    expect(out).toContain(`cn("flex p-4 text-sm")`);
  });

  it("is run by npm run check", () => {
    const pkg = JSON.parse(readFileSync(`${root}package.json`, "utf8")) as { scripts: Record<string, string> };
    expect(pkg.scripts.check).toContain("npm run format:check");
    expect(pkg.scripts["format:check"]).toBe("prettier --check .");
  });
});
