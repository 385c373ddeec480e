import { describe, expect, it } from "vitest";
import { auditVerdict } from "./audit-check";

const report = (counts: Record<string, number>, vulnerabilities: Record<string, unknown> = {}) =>
  JSON.stringify({
    auditReportVersion: 2,
    vulnerabilities,
    metadata: { vulnerabilities: { info: 0, low: 0, moderate: 0, high: 0, critical: 0, ...counts } },
  });

describe("auditVerdict", () => {
  it("passes a report with nothing above moderate", () => {
    expect(auditVerdict(report({ moderate: 2, low: 1 })).kind).toBe("ok");
  });

  it("fails on high or critical advisories and names them", () => {
    const verdict = auditVerdict(
      report(
        { high: 1, critical: 1 },
        {
          "bad-lib": {
            severity: "critical",
            range: "<1.2.3",
            via: [{ title: "Prototype pollution" }],
            fixAvailable: true,
          },
          other: { severity: "high", via: ["bad-lib"] },
          fine: { severity: "low", via: [] },
        },
      ),
    );
    expect(verdict.kind).toBe("fail");
    if (verdict.kind !== "fail") return;
    expect(verdict.findings).toEqual(["critical bad-lib (<1.2.3): Prototype pollution — fix available", "high other"]);
  });

  it("reports an unreachable endpoint as such instead of passing it as clean", () => {
    const registry405 = JSON.stringify({
      message: "405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk",
      statusCode: 405,
    });
    expect(auditVerdict(registry405)).toEqual({ kind: "unreachable", reason: expect.stringContaining("405") });
    expect(
      auditVerdict(
        JSON.stringify({ error: { code: "ENOTFOUND", summary: "getaddrinfo ENOTFOUND registry.npmjs.org" } }),
      ).kind,
    ).toBe("unreachable");
    expect(auditVerdict("").kind).toBe("unreachable");
  });
});
