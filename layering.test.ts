// The layering is a lint rule, not a hope: planted imports that break it fail `npm run lint`
// (and so `npm run check`) under the repository's own eslint.config.mjs.
import { fileURLToPath } from "node:url";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

const RULE = "@typescript-eslint/no-restricted-imports";

// The real config, with only the import rule and without type information: the rule reads import
// statements alone, and a planted file that is not on disk has no place in the TypeScript project.
const eslint = new ESLint({
  cwd: fileURLToPath(new URL(".", import.meta.url)),
  overrideConfig: { languageOptions: { parserOptions: { projectService: false, project: null } } },
  ruleFilter: ({ ruleId }) => ruleId === RULE,
});

async function violations(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  expect(result?.fatalErrorCount).toBe(0);
  return (result?.messages ?? []).map((m) => `${m.ruleId}: ${m.message}`);
}

describe("layering", () => {
  it.each([
    ["components/__planted.tsx", `import { startSimulator } from "@/sim/server";`, /sim\//],
    ["app/__planted/page.tsx", `import { startSimulator } from "../../sim/server";`, /sim\//],
    ["lib/__planted.ts", `import { startSimFixture } from "@/test-support/d1-simulator";`, /test support/],
    ["components/__planted.tsx", `import { db } from "@/db";`, /types only/],
    ["components/admin/__planted.tsx", `import { ROLES } from "@/db/schema/users";`, /types only/],
    ["components/__planted.tsx", `export { findBranch } from "@/db/queries/branches";`, /types only/],
    [
      "lib/__planted.ts",
      `import type { BoardData } from "@/components/manager/branch-board";`,
      /never imports components/,
    ],
    ["lib/issuance/__planted.ts", `import { Button } from "../../components/ui/button";`, /never imports components/],
    ["db/queries/__planted.ts", `import { RANK } from "@/lib/issuance/states";`, /lib\/vocabulary/],
    ["db/schema/__planted.ts", `import { REASON_LABEL } from "../../lib/issuance/reasons";`, /lib\/vocabulary/],
    ["db/queries/__planted.ts", `import { AppShell } from "@/components/app-shell";`, /callers/],
    // Training mode's exception is one file: its neighbours are held to the rule.
    ["lib/training/deps.ts", `import { startSimulator } from "@/sim/server";`, /sim\//],
    ["lib/training/simulator.ts", `import { startSimFixture } from "@/test-support/d1-simulator";`, /test support/],
  ])("refuses %s importing: %s", async (filePath, code, message) => {
    const found = await violations(filePath, code);
    expect(found).toHaveLength(1);
    expect(found[0]).toContain(RULE);
    expect(found[0]).toMatch(message);
  });

  it.each([
    [
      "components/__planted.tsx",
      `import type { Branch } from "@/db/schema";\nimport { ROLES } from "@/lib/vocabulary";`,
    ],
    ["components/__planted.tsx", `import { type Branch } from "@/db/schema";`],
    ["lib/__planted.ts", `import { db } from "@/db";\nimport { loadBoard } from "@/lib/board";`],
    ["db/schema/__planted.ts", `import { JOB_STATES } from "../../lib/vocabulary";\nimport { env } from "@/lib/env";`],
    [
      "lib/__planted.test.ts",
      `import { startSimFixture } from "@/test-support/d1-simulator";\nimport { startSimulator } from "@/sim/server";`,
    ],
    ["db/testing/__planted.ts", `import { startSimFixture } from "@/test-support/d1-simulator";`],
    ["scripts/__planted.ts", `import { startSimulator } from "../sim/server";`],
    ["lib/training/simulator.ts", `import { startSimulator } from "@/sim/server";`],
  ])("allows %s importing: %s", async (filePath, code) => {
    expect(await violations(filePath, code)).toEqual([]);
  });
});
