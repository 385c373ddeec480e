// Single sign-on against a real OpenID Connect provider (panva's oidc-provider over HTTPS with
// the dev CA), started by e2e/serve.ts: sign-in, refusals, roles from groups, and logout at
// both ends.
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { SSO_ACCOUNTS, SSO_PROVIDER_NAME, type SsoLogin } from "./support/sso-accounts";
import { storageState } from "./support/users";

// The provider's certificate comes from the dev CA, which the browser does not know (the app
// trusts it through NODE_EXTRA_CA_CERTS).
test.use({ ignoreHTTPSErrors: true });

test.beforeEach(async ({ context }) => {
  // The provider's own pages import a web font; nothing here may reach the internet.
  await context.route(/^https:\/\/fonts\.googleapis\.com\//, (route) => route.abort());
});

/** From our sign-in page through the provider's login form, as `login`. */
async function signInWithSso(page: Page, login: SsoLogin) {
  await page.goto("/login");
  await page.getByRole("button", { name: `Sign in with ${SSO_PROVIDER_NAME}` }).click();
  await page.locator("input[name=login]").fill(login);
  await page.locator("input[name=password]").fill("any password: the test provider checks none");
  await page.getByRole("button", { name: "Sign-in" }).click();
}

test.describe("single sign-on", () => {
  test("a teller signs in by SSO, lands on the counter, and signing out ends both sessions", async ({ page }) => {
    await signInWithSso(page, "teller");
    await expect(page).toHaveURL(/\/teller$/);
    await expect(page.getByRole("heading", { level: 1, name: "Counter" })).toBeVisible();
    await expect(page.getByTestId("signed-in-user")).toContainText(SSO_ACCOUNTS.teller.name);

    await page.getByRole("button", { name: "Sign out" }).click();
    // The provider's RP-initiated logout asks for confirmation, then sends the browser back.
    await expect(page).toHaveURL(/\/session\/end/);
    await page.getByRole("button", { name: "Yes, sign me out" }).click();
    await expect(page).toHaveURL(/\/login$/);
    await page.goto("/teller");
    await expect(page).toHaveURL(/\/login/);
    // The provider's session is gone too: it asks for a login again instead of signing in.
    await page.getByRole("button", { name: `Sign in with ${SSO_PROVIDER_NAME}` }).click();
    await expect(page.locator("input[name=login]")).toBeVisible();
  });

  test("a user without a usable role or branch claim is refused with a clear message", async ({ page }) => {
    await signInWithSso(page, "noRole");
    await expect(page).toHaveURL(/\/login\?error=SsoRefused/);
    await expect(page.locator("#sign-in-failed")).toContainText("has no role for this application");
    await page.goto("/teller");
    await expect(page).toHaveURL(/\/login\?callbackUrl=/);
  });

  test("a branch code the application does not know is refused with its own message", async ({ page }) => {
    await signInWithSso(page, "noBranch");
    await expect(page.locator("#sign-in-failed")).toContainText("names no branch this application knows");
  });

  test("the admin maps an IdP group to a role, and a member of it signs in with that role", async ({ browser }) => {
    const group = SSO_ACCOUNTS.grouped.groups[0]!;
    // Before the mapping: only groups, no role.
    const before = await (await browser.newContext({ ignoreHTTPSErrors: true })).newPage();
    await before.context().route(/^https:\/\/fonts\.googleapis\.com\//, (route) => route.abort());
    await signInWithSso(before, "grouped");
    await expect(before.locator("#sign-in-failed")).toContainText("no role claim and no mapped group");
    await before.context().close();

    const admin = await (await browser.newContext({ storageState: storageState("admin") })).newPage();
    await admin.goto("/admin");
    await admin.getByRole("link", { name: "Single sign-on" }).click();
    await expect(admin.getByRole("heading", { level: 1, name: "Single sign-on" })).toBeVisible();
    await admin.getByLabel("Group name").fill(group.toLowerCase());
    await admin.getByLabel("Role").selectOption({ label: "Teller" });
    await admin.getByRole("button", { name: "Save mapping" }).click();
    await expect(admin.getByText(`${group.toLowerCase()} gives the role Teller.`)).toBeVisible();
    const table = admin.getByRole("table", { name: "Identity provider groups and the role each one gives" });
    await expect(table.getByRole("row", { name: new RegExp(group, "i") })).toContainText("Teller");

    const member = await (await browser.newContext({ ignoreHTTPSErrors: true })).newPage();
    await member.context().route(/^https:\/\/fonts\.googleapis\.com\//, (route) => route.abort());
    await signInWithSso(member, "grouped");
    await expect(member).toHaveURL(/\/teller$/);
    await expect(member.getByTestId("signed-in-user")).toContainText(SSO_ACCOUNTS.grouped.name);
    await member.context().close();

    // Removing the mapping puts things back for every other run of this spec.
    await table.getByRole("button", { name: `Remove the mapping of ${group.toLowerCase()}` }).click();
    await expect(table.getByRole("row", { name: new RegExp(group, "i") })).toHaveCount(0);
    await admin.context().close();
  });
});
