// Plain-text rendering of a pre-flight report for `npm run d1:check` and its log: English, from
// the same messages the D1 page shows (preflight-text.ts), since a terminal has no user language.
import type { PreflightReport, StepStatus } from "./preflight";

const MARK: Record<StepStatus, string> = { ok: "OK  ", warn: "WARN", fail: "FAIL", skip: "SKIP" };

export function formatReport(report: PreflightReport): string {
  const lines = [`D1 pre-flight check, ${report.at}`, ""];
  for (const step of report.steps) {
    lines.push(`${MARK[step.status]}  ${step.title} [${step.id}]: ${step.message}`);
    for (const [key, value] of Object.entries(step.details)) lines.push(`        ${key}: ${value}`);
  }
  const failed = report.steps.filter((s) => s.status === "fail");
  lines.push("");
  lines.push(
    failed.length === 0 ? "All steps passed." : `Failed: ${failed.map((s) => `${s.title} [${s.id}]`).join(", ")}.`,
  );
  return lines.join("\n");
}
