import { expect, test } from "./fixtures";
import { storageState } from "./support/users";

test.use({ storageState: storageState("admin") });

test("an admin sees the client certificate's dates and runs the D1 pre-flight check against the simulator", async ({
  page,
}) => {
  await page.goto("/admin");
  await page.getByRole("link", { name: "D1 connection" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "D1 connection" })).toBeVisible();

  const certificate = page.getByRole("region", { name: "Client certificate" });
  await expect(certificate.getByText("TLSMA-EC/ISSUER0001-PPR")).toBeVisible();
  // The dev PKI issues certificates for a year: the expiry date (30/11/2027 07:55 UTC in English) is next year's.
  const nextYear = String(new Date().getUTCFullYear() + 1);
  await expect(certificate.locator("dd", { hasText: "days left" })).toContainText(`/${nextYear} `);
  await expect(certificate.getByText("CA file expires")).toBeVisible();

  await page.getByRole("button", { name: "Run the check" }).click();
  const results = page.getByRole("region", { name: "Check results" });
  await expect(results.getByRole("status")).toHaveText("Every step passed.");
  const table = results.getByRole("table");
  for (const step of [
    "Settings complete",
    "Certificate and key files",
    "Client certificate expiry",
    "TLS handshake with D1",
    "Access token (E1)",
    "Encryption key (JWE)",
    "productionStatus (E3)",
    "Our notification receiver",
    "Card system",
  ]) {
    await expect(table.getByRole("row", { name: new RegExp(`^${step.replace(/[()]/g, "\\$&")}`) })).toContainText(
      "Passed",
    );
  }
  await expect(table.getByRole("row", { name: /^productionStatus/ })).toContainText("404");
  await expect(table.getByRole("row", { name: /^Our notification receiver/ })).toContainText("401");
});
