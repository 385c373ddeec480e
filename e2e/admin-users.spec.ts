import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { LoginPage } from "./pages/login-page";
import { storageState } from "./support/users";

test.use({ storageState: storageState("admin") });

/** Form choices made before React hydrates a select are reset by hydration: wait for it. */
async function open(page: Page, go: () => Promise<unknown>) {
  await go();
  await page.waitForLoadState("networkidle");
}

/** Opens a user's page with a full load (then hydration), from its link in the list. */
async function openUser(page: Page, name: string) {
  const href = await page.getByRole("link", { name }).getAttribute("href");
  await open(page, () => page.goto(href!));
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
}

test("an admin creates a teller, who must choose a password at first sign-in; a reset ends their session", async ({
  page,
  browser,
}) => {
  const suffix = Date.now().toString(36);
  const email = `e2e-${suffix}@riverside.demo`;
  const name = `Eve Example ${suffix}`;
  await open(page, () => page.goto("/admin/users"));
  await page.getByLabel("Full name").fill(name);
  await page.getByLabel("E-mail address").fill(email.toUpperCase());
  await page.getByLabel("Role", { exact: true }).selectOption("teller");
  await page.getByLabel(/^Branch/).selectOption({ label: "Riverside (BR002)" });
  await page.getByRole("button", { name: "Create user" }).click();
  const password = (await page.getByTestId("temporary-password").textContent())!;
  await expect(page.getByRole("cell", { name: email })).toBeVisible(); // stored lower-case
  await expect(page.getByRole("button", { name: "Copy password" })).toBeVisible();

  // The list finds them by a part of the name, and a filter that matches nobody says so.
  await page.getByLabel("Name or e-mail contains").fill(`example ${suffix}`);
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page.getByRole("heading", { name: "Users matching the filters (1)" })).toBeVisible();
  await expect(page.getByRole("link", { name })).toBeVisible();
  await page.getByLabel("Status").selectOption("deactivated");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page.getByText("No user matches these filters.")).toBeVisible();
  await open(page, () => page.goto("/admin/users"));

  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const teller = await context.newPage();
  const login = new LoginPage(teller);
  await login.goto();
  await login.signIn(email, password);
  await expect(teller).toHaveURL(/\/account\/password/);
  // A new user is welcomed, not told of a reset that never happened.
  await expect(teller.getByRole("heading", { level: 1, name: "Set your password" })).toBeVisible();
  await expect(teller.getByText("Your password was reset")).toHaveCount(0);

  await openUser(page, name);
  await page.getByRole("button", { name: "Reset password" }).click();
  await expect(page.getByTestId("temporary-password")).not.toHaveText(password);
  // The old session is refused at once, by the API and by the pages (no redirect loop).
  expect((await context.request.get("/api/teller/products")).status()).toBe(401);
  await teller.goto("/teller");
  await expect(teller).toHaveURL(/\/login\?ended=1$/);
  await expect(teller.getByText("Your session has ended")).toBeVisible();
  await context.close();

  await page.getByRole("button", { name: "Deactivate…" }).click();
  // Asked first: nothing happened yet.
  await expect(page.getByText(`${email} is deactivated`)).toHaveCount(0);
  await page.getByRole("button", { name: `Deactivate ${name}` }).click();
  await expect(page.getByText(`${email} is deactivated and signed out everywhere.`)).toBeVisible();
});

test("the last active admin cannot be demoted", async ({ page }) => {
  // Downtown's admin tries to demote Riverside's admin, then itself: one of them must remain.
  await open(page, () => page.goto("/admin/users"));
  await openUser(page, "Rosa Admin");
  await page.getByLabel("Role").selectOption("manager");
  await page.getByLabel(/^Branch/).selectOption({ label: "Riverside (BR002)" });
  await page.getByRole("button", { name: "Save user" }).click();
  await expect(page.getByText("admin@riverside.demo is saved.")).toBeVisible();
  // Only with Rosa really demoted may the next step run: otherwise it would demote our own admin.
  await open(page, () => page.reload());
  await expect(page.getByLabel("Role")).toHaveValue("manager");

  await open(page, () => page.goto("/admin/users"));
  await openUser(page, "Ada Admin");
  await page.getByLabel("Role").selectOption("manager");
  await page.getByLabel(/^Branch/).selectOption({ label: "Downtown (BR001)" });
  await page.getByRole("button", { name: "Save user" }).click();
  await expect(page.getByText("Ada Admin is the last active administrator.", { exact: false })).toBeVisible();

  // Put Riverside's admin back.
  await open(page, () => page.goto("/admin/users"));
  await openUser(page, "Rosa Admin");
  await page.getByLabel("Role").selectOption("admin");
  await page.getByRole("button", { name: "Save user" }).click();
  await expect(page.getByText("admin@riverside.demo is saved.")).toBeVisible();
});
