// The browser resolver: its order (explicit path, system, npm-shipped), the E2E_BROWSER switch,
// and that the npm-shipped build really starts and runs a page's JavaScript on this machine.
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium } from "@playwright/test";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { bundledCacheDir, CHROMIUM_ARGS, ensureBundledChromium, findSystemChromium, resolveChromium } from "./chromium";

const KEYS = [
  "PLAYWRIGHT_CHROMIUM_PATH",
  "E2E_BROWSER",
  "CHROMIUM_RESOLVED_PATH",
  "CHROMIUM_RESOLVED_SOURCE",
  "PATH",
] as const;
let saved: Partial<Record<(typeof KEYS)[number], string>>;
let dir: string;

function fakeBrowser(name: string): string {
  const file = path.join(dir, name);
  writeFileSync(file, "#!/bin/sh\nexit 0\n");
  chmodSync(file, 0o755);
  return file;
}

beforeEach(() => {
  saved = Object.fromEntries(KEYS.map((k) => [k, process.env[k]]));
  for (const k of KEYS) if (k !== "PATH") delete process.env[k];
  dir = mkdtempSync(path.join(tmpdir(), "chromium-resolver-"));
});

afterEach(() => {
  for (const k of KEYS) {
    if (saved[k] === undefined) delete process.env[k];
    else process.env[k] = saved[k];
  }
  rmSync(dir, { recursive: true, force: true });
});

describe("findSystemChromium", () => {
  it("finds a chromium on PATH and ignores files that are not executable", () => {
    mkdirSync(path.join(dir, "bin"));
    writeFileSync(path.join(dir, "bin", "chromium"), "not executable");
    const fake = fakeBrowser("chromium");
    expect(findSystemChromium(`${path.join(dir, "bin")}:${dir}`)).toBe(fake);
  });
});

describe("resolveChromium", () => {
  it("takes PLAYWRIGHT_CHROMIUM_PATH first", () => {
    const explicit = fakeBrowser("my-chrome");
    process.env.PLAYWRIGHT_CHROMIUM_PATH = explicit;
    process.env.E2E_BROWSER = "bundled";
    expect(resolveChromium()).toMatchObject({ executablePath: explicit, source: "env" });
  });

  it("refuses a PLAYWRIGHT_CHROMIUM_PATH that does not exist", () => {
    process.env.PLAYWRIGHT_CHROMIUM_PATH = path.join(dir, "missing");
    expect(() => resolveChromium()).toThrow(/PLAYWRIGHT_CHROMIUM_PATH points to .*missing/);
  });

  it("prefers a system Chromium, unless E2E_BROWSER=bundled", () => {
    const system = fakeBrowser("chromium");
    process.env.PATH = dir;
    expect(resolveChromium()).toMatchObject({ executablePath: system, source: "system" });

    delete process.env.CHROMIUM_RESOLVED_PATH;
    delete process.env.CHROMIUM_RESOLVED_SOURCE;
    process.env.E2E_BROWSER = "bundled";
    const bundled = resolveChromium();
    expect(bundled.source).toBe("bundled");
    expect(bundled.executablePath).toBe(path.join(bundledCacheDir(), "chromium"));
    expect(bundled.env.FONTCONFIG_FILE).toBe(path.join(bundledCacheDir(), "fonts.conf"));
  });

  it("falls back to the npm-shipped build when no system Chromium exists", () => {
    process.env.PATH = dir;
    expect(resolveChromium().source).toBe("bundled");
  });

  it("with E2E_BROWSER=system, says what to install instead of falling back", () => {
    process.env.PATH = dir;
    process.env.E2E_BROWSER = "system";
    expect(() => resolveChromium()).toThrow(/no Chromium or Chrome is on PATH/);
  });

  it("refuses an unknown E2E_BROWSER value by name", () => {
    process.env.E2E_BROWSER = "firefox";
    expect(() => resolveChromium()).toThrow(/E2E_BROWSER must be auto, bundled or system/);
  });

  it("hands its answer to child processes through the environment", () => {
    process.env.E2E_BROWSER = "bundled";
    const first = resolveChromium();
    expect(process.env.CHROMIUM_RESOLVED_PATH).toBe(first.executablePath);
    expect(process.env.CHROMIUM_RESOLVED_SOURCE).toBe("bundled");
    expect(resolveChromium()).toEqual(first);
  });
});

describe("the npm-shipped Chromium", () => {
  it("launches under Playwright and runs a page's JavaScript", { timeout: 60_000 }, async () => {
    const { executablePath, env } = ensureBundledChromium();
    const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS, env: { ...process.env, ...env } });
    try {
      const page = await browser.newPage();
      await page.setContent(
        '<button id="b">0</button><script>document.getElementById("b").onclick = (e) => { e.target.textContent = String(6 * 7); };</script>',
      );
      await page.click("#b");
      expect(await page.textContent("#b")).toBe("42");
      expect(browser.version()).toMatch(/^\d+\./);
    } finally {
      await browser.close();
    }
  });
});
