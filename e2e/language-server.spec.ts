// What the server says, in German: the sign-in's refusal (before anyone is signed in: the
// browser's language), an export's 400 and a CSV header for a user who chose German (the
// bii_lang cookie here: the demo admin's own language stays unset for every other journey).
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "./fixtures";
import { storageState } from "./support/users";

test("a German browser is refused sign-in in German, and the page stays accessible", async ({ browser }) => {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] }, locale: "de-DE" });
  const page = await context.newPage();
  await page.goto("/login");
  await expect(page.locator("html")).toHaveAttribute("lang", "de");
  await page.getByLabel("E-Mail-Adresse").fill(`niemand-${Date.now().toString(36)}@riverside.demo`);
  await page.getByLabel("Passwort").fill("kein gültiges Passwort");
  await page.getByRole("button", { name: "Anmelden", exact: true }).click();
  await expect(page.locator("#sign-in-error")).toHaveText("E-Mail-Adresse oder Passwort sind nicht korrekt.");
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.filter((v) => v.impact === "serious" || v.impact === "critical")).toEqual([]);
  await context.close();
});

test.describe("as an admin who reads German", () => {
  test.use({ storageState: storageState("admin") });

  test("an export's refusal and a CSV header are German, the values stay machine-friendly", async ({
    page,
    baseURL,
  }) => {
    await page.context().addCookies([{ name: "bii_lang", value: "de", url: baseURL! }]);
    const refused = await page.request.get("/api/admin/access-log/export?from=2026-02-30");
    expect(refused.status()).toBe(400);
    expect(await refused.json()).toMatchObject({
      code: "bad_request:route",
      message: expect.stringMatching(/^Die Filter sind ungültig: from: Diesen Tag gibt es im Kalender nicht/),
      fieldErrors: { from: ["Diesen Tag gibt es im Kalender nicht; prüfen Sie Monat und Tag."] },
    });

    const audit = await page.request.get("/api/admin/audit/export");
    expect(audit.status()).toBe(200);
    const [header, first] = (await audit.text()).replace(/^\uFEFF/, "").split("\r\n");
    expect(header).toMatch(/^"ID","Zeitpunkt","Name der handelnden Person",/);
    // An ISO timestamp below the German header, as in English.
    expect(first).toMatch(/^"\d+","\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}/);
  });
});
