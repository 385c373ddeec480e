// Single sign-on against a real OpenID Connect provider (panva's oidc-provider over HTTPS with
// the dev CA), started by e2e/serve.ts: sign-in, refusals, roles from groups, logout at both
// ends, and the second person of a dual-control step confirming by SSO re-authentication.
import type { Locator, Page } from "@playwright/test";
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

/**
 * The second person confirms in the popup the form opens: the provider asks for the login again
 * (prompt=login) even though the browser has a session there. Resolves once the popup closed.
 */
async function confirmInPopup(page: Page, form: Locator, login: SsoLogin) {
  const opened = page.waitForEvent("popup");
  await form.getByRole("button", { name: `Confirm with ${SSO_PROVIDER_NAME}` }).click();
  const popup = await opened;
  await popup.route(/^https:\/\/fonts\.googleapis\.com\//, (route) => route.abort());
  await popup.locator("input[name=login]").fill(login);
  await popup.locator("input[name=password]").fill("any password: the test provider checks none");
  const closed = popup.waitForEvent("close");
  await popup.getByRole("button", { name: "Sign-in" }).click();
  await closed;
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

test("the second person of a dual-control step confirms through SSO in a popup; the same person is refused", async ({
  page,
}) => {
  test.setTimeout(90_000);
  const manager = SSO_ACCOUNTS.manager;
  const second = SSO_ACCOUNTS.teller;
  // The second person has signed in by SSO before (a user of ours, as at any bank).
  const colleague = await (await page.context().browser()!.newContext({ ignoreHTTPSErrors: true })).newPage();
  await colleague.context().route(/^https:\/\/fonts\.googleapis\.com\//, (route) => route.abort());
  await signInWithSso(colleague, "teller");
  await expect(colleague).toHaveURL(/\/teller$/);
  await colleague.context().close();

  await signInWithSso(page, "manager");
  await expect(page).toHaveURL(/\/manager$/);
  await page.goto("/manager/stock");
  const lot = `SSO-${Date.now().toString(36).toUpperCase()}`;
  const receive = page.getByRole("region", { name: "Receive a shipment" });
  await receive.getByLabel("Card stock").selectOption({ label: "Credit blank PVC" });
  await receive.getByLabel("Number of cards").fill("40");
  await receive.getByLabel("Lot").fill(lot);
  await receive.getByLabel("Supplier reference (delivery note)").fill("DN-SSO");

  // The manager cannot confirm their own step through SSO either; what was typed stays.
  await confirmInPopup(page, receive, "manager");
  await expect(receive.locator("#receive-sso-error")).toContainText("one person cannot sign twice");
  await expect(receive.getByTestId("receive-sso-confirmed")).toHaveCount(0);
  await expect(receive.getByLabel("Lot")).toHaveValue(lot);

  // The colleague confirms: the form names them and posts the confirmation instead of a password.
  await receive.getByLabel("Their e-mail").fill(second.email);
  await confirmInPopup(page, receive, "teller");
  await expect(receive.getByTestId("receive-sso-confirmed")).toHaveText(`Confirmed by ${second.name}`);
  await expect(receive.getByLabel("Number of cards")).toHaveValue("40");
  await receive.getByRole("button", { name: "Receive into the vault" }).click();
  await expect(page.getByTestId("receive-done")).toContainText(
    `40 cards of Credit blank PVC received into the vault, confirmed by ${second.name}`,
  );

  // The ledger and the audit log name both, and the audit log how the second person confirmed.
  await page.reload();
  const ledger = page.getByRole("table", { name: "Stock movements, newest first" });
  await expect(ledger.locator("tr", { hasText: `Lot ${lot}` })).toContainText(`${manager.name} and ${second.name}`);
  await page.goto("/manager/audit");
  await page.getByLabel("What was done").selectOption({ label: "Blank cards received into the vault" });
  await page.getByRole("button", { name: "Apply filters" }).click();
  const entry = page.getByRole("row").filter({ hasText: lot });
  await expect(entry).toContainText(manager.name);
  await expect(entry).toContainText(`second by: — → ${second.name}`);
  await expect(entry).toContainText("second confirmed with: — → sso");
});
