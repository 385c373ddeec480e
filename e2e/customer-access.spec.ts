// Customer data access is audited: a teller's search and customer page show up in the admin's
// customer access log, which filters and exports as CSV. And audit filters with impossible
// dates get a field error (pages) or a 400 (export), never a 500.
import { readFileSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "./fixtures";
import { CounterPage } from "./pages/counter-page";
import { storageState } from "./support/users";

test.use({ storageState: storageState("admin") });

test("an admin sees, filters and exports who looked at a customer, from the search and the customer page", async ({
  page,
  browser,
}) => {
  // Riverside's teller, so Downtown's journeys running in parallel are not disturbed.
  const tellerContext = await browser.newContext({ storageState: storageState("tellerRiverside") });
  const counter = new CounterPage(await tellerContext.newPage());
  await counter.goto();
  await counter.openCustomer("C00000093");
  await tellerContext.close();

  await page.goto("/admin");
  await page.getByRole("link", { name: "Customer access" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Customer access log" })).toBeVisible();
  await expect(page.getByText("may look up every customer of the bank")).toBeVisible();
  await page.getByLabel("Who (e-mail contains)").fill("teller@riverside");
  await page.getByLabel("Customer number").fill("c00000093");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/user=teller%40riverside&customer=c00000093/);
  const table = page.getByRole("table", { name: "Customer accesses, newest first" });
  await expect(table.getByRole("row").filter({ hasText: "Customer page" })).toHaveCount(1);
  await expect(table.getByRole("row").filter({ hasText: "Search results" }).first()).toBeVisible();
  for (const row of await table.getByRole("row").filter({ hasText: "C00000093" }).all())
    await expect(row).toContainText("teller@riverside.demo");
  const serious = (await new AxeBuilder({ page }).analyze()).violations.filter(
    (v) => v.impact === "serious" || v.impact === "critical",
  );
  expect(serious.map((v) => v.id)).toEqual([]);

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export these accesses as CSV" }).click();
  const csv = readFileSync(await (await download).path(), "utf8");
  expect(csv.startsWith('\uFEFF"id","at","user_email"')).toBe(true);
  expect(csv).toMatch(/"teller@riverside\.demo","[0-9a-f-]{36}","BR002","C00000093","[0-9a-f-]{36}","customer_page"/);
  expect(csv.trim().split("\r\n").length).toBeGreaterThanOrEqual(3);
});

test("impossible audit dates get a field error on the pages and a 400 from the export", async ({ page, browser }) => {
  for (const from of ["2026-13-45", "2026-02-30"]) {
    const response = await page.goto(`/admin/audit?from=${from}`);
    expect(response?.status()).toBe(200);
    await expect(page.getByText("This day does not exist in the calendar")).toBeVisible();
    await expect(page.getByLabel("From (date in UTC)")).toHaveAttribute("aria-invalid", "true");

    const exported = await page.request.get(`/api/admin/audit/export?from=${from}`);
    expect(exported.status()).toBe(400);
    const body = (await exported.json()) as { code: string; message: string };
    expect(body.code).toBe("bad_request:route");
    expect(body.message).toContain("from: This day does not exist in the calendar");
  }
  await page.goto("/admin/audit?from=2026-03-31&to=2026-03-01");
  await expect(page.getByText("“To” is before “From”")).toBeVisible();
  expect((await page.request.get("/api/admin/audit/export?from=2026-03-31&to=2026-03-01")).status()).toBe(400);
  expect((await page.request.get("/api/admin/access-log/export?to=2026-02-30")).status()).toBe(400);

  const manager = await browser.newContext({ storageState: storageState("managerRiverside") });
  const managerPage = await manager.newPage();
  const response = await managerPage.goto("/manager/audit?to=2026-02-30");
  expect(response?.status()).toBe(200);
  await expect(managerPage.getByText("This day does not exist in the calendar")).toBeVisible();
  await manager.close();
});
