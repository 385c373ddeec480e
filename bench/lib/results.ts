// The result rows every benchmark produces, the table printed at the end and the JSON file.
import { execFileSync } from "node:child_process";
import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

export type Row = {
  benchmark: string;
  metric: string;
  value: number | null;
  unit: string;
  /** The same metric measured on the baseline in the same run, or null. */
  baseline: number | null;
  /** What the baseline is, e.g. "bare node:http relay". */
  baselineName?: string;
  /** The issue's target, e.g. "< 50 ms"; null where the issue sets none. */
  target: string | null;
  /** true/false when a target applies, else null. */
  met: boolean | null;
  note?: string;
};

export type Machine = {
  cpu: string;
  cores: number;
  ramGiB: number;
  node: string;
  postgres: string;
  os: string;
  date: string;
  loadAverageAtStart: number[];
};

export type Report = { machine: Machine; settings: Record<string, unknown>; durationSeconds: number; rows: Row[] };

export function row(
  r: Omit<Row, "met" | "baseline" | "target"> & {
    baseline?: number | null;
    target?: string | null;
    met?: boolean | null;
  },
): Row {
  return { baseline: null, target: null, met: null, ...r };
}

/** `< 50` style targets are checked here so that every row judges itself the same way. */
export function check(value: number | null, op: "<" | ">=", limit: number): boolean | null {
  if (value === null || !Number.isFinite(value)) return false;
  return op === "<" ? value < limit : value >= limit;
}

export function machineInfo(postgresVersion: string): Machine {
  let pretty = `${os.type()} ${os.release()}`;
  try {
    pretty =
      /PRETTY_NAME="([^"]+)"/.exec(execFileSync("cat", ["/etc/os-release"], { encoding: "utf8" }))?.[1] ?? pretty;
  } catch {}
  return {
    cpu: os.cpus()[0]?.model.trim() ?? "unknown",
    cores: os.cpus().length,
    ramGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    postgres: postgresVersion,
    os: pretty,
    date: new Date().toISOString(),
    loadAverageAtStart: os.loadavg().map((x) => Math.round(x * 100) / 100),
  };
}

const fmt = (v: number | null): string =>
  v === null ? "—" : Number.isInteger(v) ? String(v) : v >= 100 ? v.toFixed(0) : v.toFixed(2);

export function printTable(report: Report): void {
  const m = report.machine;
  console.log(
    `\nMachine: ${m.cpu}, ${m.cores} cores, ${m.ramGiB} GiB RAM · Node ${m.node} · ${m.postgres} · ${m.os} · ${m.date}`,
  );
  const header = ["benchmark", "metric", "value", "unit", "baseline", "×base", "target", "met"];
  const lines = report.rows.map((r) => [
    r.benchmark,
    r.metric,
    fmt(r.value),
    r.unit,
    r.baseline === null ? "—" : `${fmt(r.baseline)}${r.baselineName ? ` (${r.baselineName})` : ""}`,
    r.baseline && r.value !== null ? `${(r.value / r.baseline).toFixed(2)}` : "—",
    r.target ?? "—",
    r.met === null ? "" : r.met ? "yes" : "NO",
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(" | ")} |`;
  console.log(line(header));
  console.log(`|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`);
  for (const l of lines) console.log(line(l));
  console.log(`\nTotal time: ${report.durationSeconds.toFixed(0)} s`);
}

/**
 * The file is an array of rows; its first row is a header carrying the machine, the settings and
 * the run time (benchmark "_run"), so that every element has the same keys. Written to a
 * temporary file first so an interrupted run never leaves half a JSON file.
 */
export function writeReport(file: string, report: Report): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const header = {
    benchmark: "_run",
    metric: "machine",
    value: null,
    unit: "",
    baseline: null,
    target: null,
    met: null,
    machine: report.machine,
    settings: report.settings,
    durationSeconds: Math.round(report.durationSeconds),
  };
  const tmp = `${file}.tmp`;
  writeFileSync(tmp, `${JSON.stringify([header, ...report.rows], null, 2)}\n`);
  renameSync(tmp, file);
}
