// The alert rules and the dashboard under ops/ may only name metrics the app exports: a renamed
// metric would otherwise leave an alert silently never firing. promtool is not available here,
// so the expressions are read with a small PromQL tokenizer: everything that is not a function,
// keyword, label, duration or string must be one of the registry's series names.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { installCollectors } from "./collect";
import { metrics } from "./registry";

const KEYWORDS = new Set([
  "and",
  "or",
  "unless",
  "by",
  "without",
  "on",
  "ignoring",
  "group_left",
  "group_right",
  "bool",
  "offset",
]);

/** The metric names an expression selects. */
function metricNames(expr: string): string[] {
  const stripped = expr
    .replace(/"(?:[^"\\]|\\.)*"/g, '""')
    .replace(/\{[^}]*\}/g, "")
    .replace(/\[[^\]]*\]/g, "")
    .replace(/\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)/g, "");
  const names: string[] = [];
  for (const m of stripped.matchAll(/([a-zA-Z_:][a-zA-Z0-9_:]*)(\s*\()?/g)) {
    const [, name, call] = m;
    if (call || KEYWORDS.has(name!) || /^(e|inf|nan)$/i.test(name!)) continue;
    if (/\d/.test(stripped[m.index - 1] ?? "")) continue; // 30e3, 1e-3
    names.push(name!);
  }
  return names;
}

function exportedSeries(): Set<string> {
  installCollectors(metrics.registry);
  const names = new Set<string>();
  for (const metric of metrics.registry.getMetricsAsArray()) {
    const { name, type } = metric as unknown as { name: string; type: string };
    names.add(name);
    if (type === "histogram") for (const s of ["_bucket", "_sum", "_count"]) names.add(name + s);
    if (type === "summary") for (const s of ["_sum", "_count"]) names.add(name + s);
  }
  return names;
}

type Rules = {
  groups: Array<{ name: string; rules: Array<{ alert?: string; expr: string; labels?: { severity?: string } }> }>;
};

describe("ops/", () => {
  const exported = exportedSeries();

  it("the tokenizer finds metric names, and only those", () => {
    expect(
      metricNames(
        'histogram_quantile(0.99, sum by (le, app_instance) (rate(x_bucket{a=~"b|c"}[5m]))) > 0.5 and on (job) y - time() < 30 * 86400',
      ),
    ).toEqual(["x_bucket", "y"]);
  });

  it("the alert rules name only exported metrics and cover what the issue asks for", () => {
    const rules = parse(readFileSync("ops/prometheus/alerts.yml", "utf8")) as Rules;
    const all = rules.groups.flatMap((g) => g.rules);
    for (const rule of all) {
      const names = metricNames(rule.expr);
      expect(names.length, `${rule.alert} selects a metric`).toBeGreaterThan(0);
      for (const name of names) expect(exported.has(name), `${rule.alert}: ${name} is exported`).toBe(true);
      expect(["warning", "critical"]).toContain(rule.labels?.severity);
    }
    const alerts = all.map((r) => r.alert);
    for (const name of [
      "D1ErrorRateHigh",
      "CardsStuck",
      "NotificationsRefused",
      "StreamFanOutLagHigh",
      "CertificateExpiresSoon",
    ])
      expect(alerts).toContain(name);
  });

  it("the Grafana dashboard's queries name only exported metrics", () => {
    const dashboard = JSON.parse(readFileSync("ops/grafana/branch-instant-issuance.json", "utf8")) as {
      uid: string;
      panels: Array<{ type: string; title: string; targets?: Array<{ expr: string }> }>;
      templating: { list: Array<{ query: string }> };
    };
    expect(dashboard.uid).toBe("branch-instant-issuance");
    const exprs = dashboard.panels.flatMap((p) => (p.targets ?? []).map((t) => ({ title: p.title, expr: t.expr })));
    expect(exprs.length).toBeGreaterThan(20);
    for (const { title, expr } of exprs)
      for (const name of metricNames(expr)) expect(exported.has(name), `${title}: ${name} is exported`).toBe(true);
    for (const v of dashboard.templating.list) {
      const m = /^label_values\((\w+),/.exec(v.query);
      if (m) expect(exported.has(m[1]!), `variable query ${v.query}`).toBe(true);
    }
    // Every metric family the app exports is on the dashboard or behind an alert, bar Node's internals.
    const used = new Set(
      exprs.flatMap(({ expr }) => metricNames(expr)).map((n) => n.replace(/_(bucket|sum|count)$/, "")),
    );
    const ours = [...exported].filter((n) => !/^bii_(process|nodejs)_|_(bucket|sum|count)$/.test(n));
    expect(ours.filter((n) => !used.has(n))).toEqual([]);
  });
});
