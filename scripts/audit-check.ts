// `npm run check` runs this: production dependencies must have no high or critical advisory.
// When the registry's audit endpoint cannot be reached (offline CI, a mirror without the audit
// API) it warns and passes, so CI is not red for a reason the code cannot fix; `--strict` fails
// then too.
import { spawnSync } from "node:child_process";
import { pathToFileURL } from "node:url";

export type AuditVerdict =
  | { kind: "ok"; counts: Record<string, number> }
  | { kind: "fail"; counts: Record<string, number>; findings: string[] }
  | { kind: "unreachable"; reason: string };

type Report = {
  metadata?: { vulnerabilities?: Record<string, number> };
  vulnerabilities?: Record<string, { severity?: string; via?: unknown[]; range?: string; fixAvailable?: unknown }>;
  error?: { code?: string; summary?: string };
  message?: string;
  statusCode?: number;
};

const BLOCKING = new Set(["high", "critical"]);

/** Reads `npm audit --json` output. Anything without a vulnerability summary means the check could not run. */
export function auditVerdict(stdout: string): AuditVerdict {
  let report: Report;
  try {
    report = JSON.parse(stdout) as Report;
  } catch {
    return { kind: "unreachable", reason: "npm audit gave no JSON report" };
  }
  const counts = report.metadata?.vulnerabilities;
  if (!counts) {
    const reason =
      report.message ?? report.error?.summary ?? report.error?.code ?? "no vulnerability summary in the report";
    return { kind: "unreachable", reason: String(reason).split("\n")[0]! };
  }
  const findings = Object.entries(report.vulnerabilities ?? {})
    .filter(([, v]) => BLOCKING.has(v.severity ?? ""))
    .map(([name, v]) => {
      const titles = (v.via ?? []).flatMap((x) =>
        x && typeof x === "object" && "title" in x ? [String(x.title)] : [],
      );
      return `${v.severity} ${name}${v.range ? ` (${v.range})` : ""}${titles.length ? `: ${titles.join("; ")}` : ""}${v.fixAvailable ? " — fix available" : ""}`;
    });
  const blocking = (counts.high ?? 0) + (counts.critical ?? 0);
  return blocking > 0 ? { kind: "fail", counts, findings } : { kind: "ok", counts };
}

function main(): number {
  const strict = process.argv.includes("--strict");
  const npm = process.env.npm_execpath ? [process.execPath, process.env.npm_execpath] : ["npm"];
  const result = spawnSync(npm[0]!, [...npm.slice(1), "audit", "--omit=dev", "--json"], {
    encoding: "utf8",
    timeout: 90_000,
    maxBuffer: 32 * 1024 * 1024,
  });
  const verdict = auditVerdict(result.stdout ?? "");
  if (verdict.kind === "unreachable") {
    console.warn(`[audit] WARNING: could not check production dependencies for advisories (${verdict.reason}).`);
    console.warn("[audit] Run `npm audit --omit=dev` where the registry's audit endpoint is reachable.");
    return strict ? 1 : 0;
  }
  const summary = Object.entries(verdict.counts)
    .filter(([k]) => k !== "total")
    .map(([k, n]) => `${k} ${n}`)
    .join(", ");
  if (verdict.kind === "fail") {
    console.error(`[audit] production dependencies have high or critical advisories (${summary}):`);
    for (const line of verdict.findings) console.error(`  ${line}`);
    return 1;
  }
  console.log(`[audit] no high or critical advisories in production dependencies (${summary}).`);
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) process.exit(main());
