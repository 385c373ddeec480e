import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import tseslint from "typescript-eslint";

// The layering of the house style, as import rules. An import path is matched in both
// spellings, `@/x` and `../x`. Flat config replaces a rule's options per file rather than merging
// them, so each zone lists every pattern that applies to it. Tests (*.test.ts, db/testing/,
// test-support/), scripts, e2e and bench are outside the zones: they may start the simulator.
const from = (dir) => `^(@/|(\\.\\./)+)${dir}`;
const layer = {
  sim: {
    regex: `${from("(sim|test-support|db/testing)")}(/|$)`,
    message: "Product code never imports sim/ or test support: only tests and scripts start the simulator.",
  },
  // The one exception to `sim`: training mode runs the simulator in-process (docs/training.md).
  testSupport: {
    regex: `${from("(test-support|db/testing)")}(/|$)`,
    message: "lib/training/simulator.ts may import sim/ (training mode), never test support.",
  },
  dbValues: {
    regex: `${from("db")}(/|$)`,
    allowTypeImports: true,
    message:
      "Components take data as props: import db/ for types only (`import type`), and load data in the page, layout or a lib/ loader.",
  },
  components: {
    regex: `${from("components")}(/|$)`,
    message: "lib/ never imports components/: move the shared type or helper into lib/.",
  },
  lib: {
    // Vocabularies are shared by every layer; settings reach the pool through lib/env.ts only.
    regex: `${from("lib")}/(?!(vocabulary|env)(\\.ts)?$)`,
    message:
      "db/ imports nothing from lib/ but lib/vocabulary.ts (and lib/env.ts for the pool): callers depend on db/, not the reverse.",
  },
  callers: {
    regex: `${from("(app|components)")}(/|$)`,
    message: "db/ never imports its callers (app/, components/).",
  },
};
const zone = (files, ...patterns) => ({
  files,
  ignores: ["**/*.test.ts", "**/*.test.tsx", "db/testing/**"],
  rules: { "@typescript-eslint/no-restricted-imports": ["error", { patterns }] },
});

export default tseslint.config(
  {
    ignores: [
      ".next/**",
      ".data/**",
      "node_modules/**",
      "next-env.d.ts",
      "test-results/**",
      "playwright-report/**",
      "bench/results/**",
      "db/migrations/**",
    ],
  },
  ...nextVitals,
  ...nextTs,
  {
    files: ["**/*.ts", "**/*.tsx"],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: { attributes: false } }],
      "@typescript-eslint/only-throw-error": "off",
      "no-empty": ["error", { allowEmptyCatch: true }],
      // Only lib/env.ts reads the environment.
      "no-restricted-properties": [
        "error",
        { object: "process", property: "env", message: "Read settings through lib/env.ts." },
      ],
    },
  },
  {
    files: [
      "lib/env.ts",
      "scripts/**",
      "sim/**",
      "e2e/**",
      "bench/**",
      "db/testing/**",
      "**/*.test.ts",
      "playwright.config.ts",
      "vitest.config.ts",
      "next.config.mjs",
    ],
    rules: { "no-restricted-properties": "off" },
  },
  zone(["app/**", "proxy.ts", "instrumentation.ts"], layer.sim),
  zone(["components/**"], layer.sim, layer.dbValues),
  {
    ...zone(["lib/**"], layer.sim, layer.components),
    // The training simulator, and only it, runs sim/ inside the app (docs/architecture.md).
    ignores: ["**/*.test.ts", "**/*.test.tsx", "lib/training/simulator.ts"],
  },
  zone(["lib/training/simulator.ts"], layer.testSupport, layer.components),
  zone(["db/**"], layer.sim, layer.lib, layer.callers),
  {
    // Test matchers (expect.any, expect.objectContaining) are typed `any` by design.
    files: ["**/*.test.ts", "e2e/**"],
    rules: { "@typescript-eslint/no-unsafe-assignment": "off", "@typescript-eslint/unbound-method": "off" },
  },
);
